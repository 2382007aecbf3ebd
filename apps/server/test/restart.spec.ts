import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QueueSnapshot } from '@arc/shared/case';
import { type IngestSignalResponse } from '@arc/shared/signal';
import { SOCKET_EVENTS } from '@arc/shared/socket-events';
import { Queue } from 'bullmq';
import { TestEnvironment, eventually, nextEvent } from './support/test-app.js';
import { redisConnectionOptions } from '../src/redis/redis-url.js';

const env = new TestEnvironment();

beforeAll(async () => {
  await env.start();
  await env.createSite('4F39');
});

afterAll(async () => {
  await env.destroy();
});

describe('restarts', () => {
  it('keeps every case across a restart and rebuilds the queue after Redis is flushed', async () => {
    const fire = (await (await env.postSignal({ account: '4F39', code: '1110' })).json()) as IngestSignalResponse;
    const intrusion = (await (await env.postSignal({ account: '4F39', code: 'BA' })).json()) as IngestSignalResponse;
    await env.stop();
    await env.flushRedis();
    await env.start();

    const socket = env.socket(await env.login('operator'));
    const snapshot = await nextEvent<QueueSnapshot>(socket, SOCKET_EVENTS.queueSnapshot);
    expect(snapshot.cases.map((c) => c.id)).toEqual([fire.caseId, intrusion.caseId]);
    socket.disconnect();

    const queue = new Queue('cases', {
      connection: redisConnectionOptions(env.config.redis.url),
      prefix: `${env.config.redis.prefix}:bull`,
    });
    // Re-enqueueing runs in the background after start.
    await eventually(async () => ((await queue.getJob(`case-${intrusion.caseId}`)) ? true : undefined));
    expect((await queue.getJob(`case-${fire.caseId}`))?.opts.priority).toBe(1);
    expect((await queue.getJob(`case-${intrusion.caseId}`))?.opts.priority).toBe(3);
    await queue.close();
  });

  it('rebuilds supervision deadlines from PostgreSQL after Redis is flushed', async () => {
    const { transmitterId } = await env.createSite('5A5A', 'Supervised site', { supervisionIntervalSeconds: 600 });
    await env.query(`UPDATE transmitters SET last_seen_at = now() - interval '60 seconds' WHERE id = $1`, [
      transmitterId,
    ]);
    await env.stop();
    await env.flushRedis();
    await env.start();
    const { Redis } = await import('ioredis');
    const redis = new Redis(env.config.redis.url);
    // The rebuild runs in the background after start.
    const deadline = await eventually(async () => {
      const score = await redis.zscore(`${env.config.redis.prefix}:supervision:deadlines`, transmitterId);
      return score === null ? undefined : Number(score);
    });
    redis.disconnect();
    // last seen 60 s ago + 600 s interval + 60 s grace (the default): about 600 s from now.
    expect(deadline - Date.now()).toBeGreaterThan(590_000);
    expect(deadline - Date.now()).toBeLessThan(605_000);
  });

  it('evaluates at start-up a signal that was stored but never evaluated (crash between store and evaluation)', async () => {
    await env.stop();
    // Simulate the crash: the row is committed, evaluation never ran.
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: env.config.database.url });
    await client.connect();
    const { rows } = await client.query<{ id: string }>(
      `WITH s AS (
         INSERT INTO signals (source, raw, account, transmitter_id, protocol, code, kind, category)
         SELECT 'http', '{}', '4F39', id, 'SIA', 'HA', 'ALARM', 'HOLDUP' FROM transmitters WHERE account = '4F39'
         RETURNING id, category, received_at),
       -- Stored as the receiver stores: with its row in the evaluation backlog.
       b AS (INSERT INTO signal_backlog (signal_id, category, received_at) SELECT * FROM s)
       SELECT id FROM s`,
    );
    await client.end();
    await env.start();
    const signal = await eventually(async () => {
      const [row] = await env.query<{ case_id: string | null; evaluated_at: Date | null }>(
        'SELECT case_id, evaluated_at FROM signals_with_decisions WHERE id = $1',
        [rows[0]!.id],
      );
      return row?.evaluated_at ? row : undefined;
    });
    const [holdup] = await env.query<{ category: string }>('SELECT category FROM cases WHERE id = $1', [
      signal!.case_id,
    ]);
    expect(holdup!.category).toBe('HOLDUP');
  });
});
