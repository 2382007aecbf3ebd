import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseSummary } from '@arc/shared/case';
import { type IngestSignalResponse } from '@arc/shared/signal';
import { SOCKET_EVENTS } from '@arc/shared/socket-events';
import { TestEnvironment, nextEvent, onCaseChange } from './support/test-app.js';

/** Two server processes (two Nest apps) on one database and one Redis prefix. */
const first = new TestEnvironment();
let second: TestEnvironment;

beforeAll(async () => {
  await first.start();
  await first.createSite('0AB1', 'Two processes');
  second = new TestEnvironment({ DATABASE_URL: first.config.database.url, REDIS_PREFIX: first.config.redis.prefix });
  await second.start();
});

afterAll(async () => {
  await second?.stop();
  await first.destroy();
});

describe('case changes across server processes', () => {
  it('reaches a console on another process, exactly once', async () => {
    const socket = second.socket(await second.login('operator'));
    await nextEvent(socket, SOCKET_EVENTS.queueSnapshot);
    const received: CaseSummary[] = [];
    onCaseChange(socket, ({ summary }) => received.push(summary));

    const response = await first.postSignal({ account: '0AB1', code: 'FA', zone: '001' });
    const { caseId } = (await response.json()) as IngestSignalResponse;
    const deadline = Date.now() + 5000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.map((summary) => summary.id)).toEqual([caseId]);
    expect(received[0]).toMatchObject({ category: 'FIRE', siteName: 'Two processes', version: 1 });
    socket.disconnect();
  });

  it('a console on the same process gets the change once, not again through Redis', async () => {
    const socket = first.socket(await first.login('operator'));
    await nextEvent(socket, SOCKET_EVENTS.queueSnapshot);
    const received: CaseSummary[] = [];
    onCaseChange(socket, ({ summary }) => received.push(summary));
    await first.postSignal({ account: '0AB1', code: 'BA', zone: '002' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toHaveLength(1);
    socket.disconnect();
  });
});
