import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { errorWithoutValues, messageWithoutValues } from './log-serializers.js';

function capture() {
  const lines: string[] = [];
  const logger = pino(
    { serializers: { err: errorWithoutValues }, hooks: { logMethod: messageWithoutValues } },
    { write: (line: string) => void lines.push(line) },
  );
  return { logger, lines };
}

/** Shaped like TypeORM's QueryFailedError: the driver's fields copied onto it. */
function queryFailed(): Error {
  const driverError = Object.assign(new Error('invalid input syntax for type uuid: "SECRET-1"'), {
    code: '22P02',
    detail: 'Failing row contains (SECRET-2)',
  });
  return Object.assign(new Error('invalid input syntax for type uuid: "SECRET-1"'), {
    name: 'QueryFailedError',
    query: 'SELECT $1::uuid',
    parameters: ['SECRET-1', ['SECRET-3'], 42],
    driverError,
    code: '22P02',
    detail: 'Failing row contains (SECRET-2)',
    where: 'SECRET-4',
  });
}

describe('errors in the log', () => {
  it('keep their message, SQL and SQLSTATE but lose parameters, rows and quoted values', () => {
    const { logger, lines } = capture();
    logger.error({ err: queryFailed(), context: 'Probe' });
    logger.error({ err: queryFailed() }, 'with a message');
    logger.error(queryFailed());
    logger.error({ err: new Error('wrapped', { cause: queryFailed() }) }, 'wrapped');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).not.toContain('SECRET');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      msg: 'invalid input syntax for type uuid: "[value]"',
      err: { code: '22P02', query: 'SELECT $1::uuid', message: 'invalid input syntax for type uuid: "[value]"' },
    });
  });

  it('leave other errors as pino logs them', () => {
    const { logger, lines } = capture();
    logger.error({ err: Object.assign(new Error('plain'), { code: 'ECONNREFUSED', port: 5432 }) }, 'down');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      msg: 'down',
      err: { type: 'Error', message: 'plain', code: 'ECONNREFUSED', port: 5432 },
    });
  });
});
