import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS } from '@arc/shared/socket-events';
import { dropDatabase } from '../src/database/ensure-database.js';
import { buildFrame } from '../src/ingest/dc09/dc09-frame.js';
import { Dc09TcpClient } from './support/dc09-client.js';
import { TestEnvironment, eventually, nextEvent, nextCaseChange } from './support/test-app.js';

/** Redis unreachable the whole time (nothing listens on port 1): alarms must still get through. */
const env = new TestEnvironment({ REDIS_URL: 'redis://127.0.0.1:1' });

beforeAll(async () => {
  await env.start();
  await env.createSite('0ED1', 'Redis is down', { supervisionIntervalSeconds: 90 });
}, 60_000);

afterAll(async () => {
  await env.stop();
  await dropDatabase(env.config.database.url);
});

async function sendAlarm(sequence: number, message: string): Promise<void> {
  const client = await Dc09TcpClient.open(env.tcpPort);
  client.send(buildFrame({ id: 'SIA-DCS', sequence, account: '0ED1', message }));
  expect((await client.nextReply())?.type).toBe('ACK');
  client.close();
}

describe('with Redis down', () => {
  it('ACKs and stores a DC-09 alarm and puts its case on a console at once', async () => {
    const socket = env.socket(await env.login('operator'));
    await nextEvent(socket, SOCKET_EVENTS.queueSnapshot);
    const pushed = nextCaseChange(socket, 5000);
    await sendAlarm(1, 'Nri1/FA001');
    expect((await pushed).summary).toMatchObject({ category: 'FIRE', siteName: 'Redis is down' });
    socket.disconnect();
    const health = await fetch(`${env.url}/api/v1/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ postgres: 'up', redis: 'down', receivers: { acknowledging: true } });
  });

  it('restarts with queued cases and supervised transmitters, and keeps evaluating', async () => {
    await env.stop();
    await env.start(); // start-up work that needs Redis (re-enqueueing, deadlines) must not block
    await sendAlarm(2, 'Nri1/BA002');
    const intrusion = await eventually(async () => {
      const [row] = await env.query<{ category: string }>(
        `SELECT category FROM cases WHERE account = '0ED1' AND category = 'INTRUSION'`,
      );
      return row;
    });
    expect(intrusion.category).toBe('INTRUSION');
  });
});
