import { type ArgumentsHost, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllExceptionsFilter } from '../src/common/all-exceptions.filter.js';
import { SignalWriterService, type NewSignal } from '../src/ingest/signal-writer.service.js';
import { TestEnvironment, eventually } from './support/test-app.js';

/**
 * A failed query is logged with its error, never with its values (issue 13, item 10): TypeORM's
 * QueryFailedError carries `parameters` (for the signal writer, every raw frame of a batch) and
 * PostgreSQL's `detail` quotes the failing row. The server's own log output is read here.
 */
const lines: string[] = [];
const env = new TestEnvironment({}, { logStream: { write: (line: string) => void lines.push(line) } });
const logged = () => lines.join('');

beforeAll(async () => {
  await env.start();
});

afterAll(async () => {
  await env.destroy();
});

async function failingQuery(value: string): Promise<QueryFailedError> {
  try {
    await env.query(`SELECT $1::uuid AS id, $2::text AS other`, [value, `${value}-other`]);
  } catch (error) {
    if (error instanceof QueryFailedError) return error;
    throw error;
  }
  throw new Error('the query did not fail');
}

describe('logging a failed query', () => {
  it('logs the signal writer refusing a row with its SQLSTATE but without any frame of the batch', async () => {
    await env.query(`ALTER TABLE signals ADD CONSTRAINT test_refuse_zone CHECK (zone IS DISTINCT FROM '666')`);
    try {
      const signal = (zone: string): NewSignal => ({
        source: 'dc09-tcp',
        raw: `"SIA-DCS"0001L0#1234[#1234|Nri1/BA${zone}^SECRET-FRAME-${zone}^]`,
        rawBytes: Buffer.from(`SECRET-BYTES-${zone}`),
        account: '1234',
        transmitterId: null,
        protocol: 'SIA',
        code: 'BA',
        zone,
        area: '1',
        text: `SECRET-TEXT-${zone}`,
        kind: 'ALARM',
        category: 'INTRUSION',
        occurredAt: null,
        dedupKey: `dc09:0001:SECRET-KEY-${zone}:0`,
      });
      const outcomes = await Promise.allSettled(
        ['101', '666', '102'].map((zone) => env.app!.get(SignalWriterService).store(signal(zone))),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      await eventually(async () => (logged().includes('PostgreSQL refused a signal') ? true : undefined));
    } finally {
      await env.query(`ALTER TABLE signals DROP CONSTRAINT test_refuse_zone`);
    }
    const line = lines.find((l) => l.includes('PostgreSQL refused a signal'))!;
    // The writer's statement is prepared (preparedRows): the error is node-postgres's own, whose
    // `detail` quotes the failing row just as TypeORM's copy of it does.
    expect(JSON.parse(line)).toMatchObject({
      err: { type: 'DatabaseError', code: '23514', constraint: 'test_refuse_zone' },
      sqlState: '23514',
    });
    expect(logged()).not.toMatch(/SECRET|Failing row/);
  });

  it('logs a QueryFailedError through Nest loggers and the exception filter without its parameters', async () => {
    const error = await failingQuery('SECRET-VALUE-1234');
    // PostgreSQL quotes the value in its message; the error still carries every parameter.
    expect(error.message).toContain('SECRET-VALUE-1234');
    expect(error.parameters).toEqual(['SECRET-VALUE-1234', 'SECRET-VALUE-1234-other']);

    new Logger('Probe').error(error);
    new Logger('Probe').error({ err: error, context: 'Probe' }, 'probe failed');
    new Logger('Probe').error({ err: new Error('wrapped', { cause: error }) }, 'probe wrapped');
    const response = { status: () => response, json: () => response };
    const host = {
      getType: () => 'http',
      // A request whose body was read in full: the filter has nothing to drain.
      switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ complete: true }) }),
    } as unknown as ArgumentsHost;
    new AllExceptionsFilter().catch(error, host);

    await eventually(async () =>
      lines.filter((l) => l.includes('22P02')).length >= 3 && logged().includes('probe wrapped') ? true : undefined,
    );
    const probes = lines.filter((l) => l.includes('22P02') || l.includes('probe wrapped'));
    expect(probes.length).toBeGreaterThanOrEqual(4);
    for (const probe of probes) expect(probe).not.toContain('SECRET');
    expect(probes.join('')).toContain('invalid input syntax for type uuid: \\"[value]\\"');
  });
});
