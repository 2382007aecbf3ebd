import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SessionUser } from '@arc/shared/auth';
import { type CaseChange, type CaseSummary, type QueueSnapshot } from '@arc/shared/case';
import { type CaseDetail } from '@arc/shared/case-handling';
import { type IngestSignalResponse } from '@arc/shared/signal';
import { SOCKET_EVENTS } from '@arc/shared/socket-events';
import { Queue } from 'bullmq';
import { CaseHandlingService } from '../src/cases/case-handling.service.js';
import { CaseChangeBus } from '../src/cases/case-change.bus.js';
import { CaseQueueService } from '../src/cases/case-queue.service.js';
import { CaseEffectsService } from '../src/cases/index.js';
import { redisConnectionOptions } from '../src/redis/redis-url.js';
import { TestEnvironment, eventually, nextEvent, onCaseChange } from './support/test-app.js';

/** Taking, holding, returning and handing over cases, on real PostgreSQL and Redis. */
const env = new TestEnvironment({ CASE_RETURN_SECONDS: '2' });
let queue: Queue;
let sequence = 0;

beforeAll(async () => {
  await env.start();
  queue = new Queue('cases', {
    connection: redisConnectionOptions(env.config.redis.url),
    prefix: `${env.config.redis.prefix}:bull`,
  });
});

afterAll(async () => {
  await queue?.close();
  await env.destroy();
});

const call = <T>(token: string, method: string, path: string, body?: unknown) => env.call<T>(token, method, path, body);

/** A new site with one alarm: one waiting case. */
async function newCase(code = 'BA'): Promise<{ caseId: string; siteId: string; account: string }> {
  sequence += 1;
  const account = `CA${String(sequence).padStart(4, '0')}`;
  const { siteId } = await env.createSite(account, `Case site ${sequence}`);
  const response = await env.postSignal({ account, code, zone: '001' });
  const { caseId } = (await response.json()) as IngestSignalResponse;
  return { caseId: caseId!, siteId, account };
}

async function caseRow(caseId: string) {
  const [row] = await env.query<{
    status: string;
    held_by_user_id: string | null;
    returned_count: number;
    return_reason: string | null;
    accepted_at: Date | null;
  }>(`SELECT status, held_by_user_id, returned_count, return_reason, accepted_at FROM cases WHERE id = $1`, [caseId]);
  return row!;
}

async function closeAllOpen(): Promise<void> {
  await env.query(`UPDATE case_holds SET ended_at = now(), end_reason = 'CLOSED' WHERE ended_at IS NULL`);
  await env.query(
    `UPDATE cases SET status = 'CLOSED', closed_at = now(), held_by_user_id = NULL WHERE status <> 'CLOSED'`,
  );
  await queue.drain(true);
}

describe('take next', () => {
  it('gives each waiting case to exactly one of many operators pressing at once', async () => {
    await closeAllOpen();
    const users: SessionUser[] = [];
    for (let i = 0; i < 8; i += 1) {
      const [row] = await env.query<{ id: string }>(
        `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, 'operator', 'not-a-login')
         RETURNING id`,
        [`racer${i}`, `Racer ${i}`],
      );
      users.push({ id: row!.id, username: `racer${i}`, displayName: `Racer ${i}`, role: 'operator' });
    }
    const created = [];
    for (let i = 0; i < 5; i += 1) created.push((await newCase()).caseId);
    const handling = env.app!.get(CaseHandlingService);
    const taken = await Promise.all(users.map((user) => handling.takeNext(user)));
    const got = taken.filter((id): id is string => id !== null);
    expect(got.sort()).toEqual([...created].sort());
    expect(taken.filter((id) => id === null)).toHaveLength(3);
    const holds = await env.query<{ case_id: string; n: string }>(
      `SELECT case_id, count(*) AS n FROM case_holds WHERE case_id = ANY($1::uuid[]) GROUP BY case_id`,
      [created],
    );
    expect(holds.every((h) => Number(h.n) === 1)).toBe(true);
    expect(holds).toHaveLength(5);
    for (const [i, caseId] of taken.entries()) {
      if (caseId) expect((await caseRow(caseId)).held_by_user_id).toBe(users[i]!.id);
    }
    expect(await queue.getJobCounts('prioritized', 'wait', 'active')).toEqual({ prioritized: 0, wait: 0, active: 0 });
  });

  it('takes the most urgent case first, then the oldest; answers 204 on an empty queue', async () => {
    await closeAllOpen();
    const operator = await env.login('operator');
    const first = await newCase('BA');
    const second = await newCase('BA');
    const fire = await newCase('FA');
    const order: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const taken = await call<CaseDetail>(operator, 'POST', '/cases/take-next');
      expect(taken.status).toBe(200);
      order.push(taken.body.summary.id);
      expect(taken.body.summary).toMatchObject({ status: 'ACCEPTED', heldBy: { name: expect.any(String) } });
    }
    expect(order).toEqual([fire.caseId, first.caseId, second.caseId]);
    expect((await call(operator, 'POST', '/cases/take-next')).status).toBe(204);
  });
});

describe('a lost console', () => {
  it('keeps the case while the console is connected and returns it, marked, once it is gone', async () => {
    await closeAllOpen();
    const token = await env.login('operator');
    const socket = env.socket(token);
    await nextEvent(socket, SOCKET_EVENTS.queueSnapshot);
    const { caseId } = await newCase('HA');
    expect((await call<CaseDetail>(token, 'POST', '/cases/take-next')).body.summary.id).toBe(caseId);
    // Three return periods with the console connected: still held.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect((await caseRow(caseId)).status).toBe('ACCEPTED');

    const watcher = env.socket(await env.login('supervisor'));
    await nextEvent(watcher, SOCKET_EVENTS.queueSnapshot);
    const seen: CaseSummary[] = [];
    onCaseChange(watcher, ({ summary }) => seen.push(summary));
    socket.disconnect();
    const returned = await eventually(async () => {
      const row = await caseRow(caseId);
      return row.status === 'QUEUED' ? row : undefined;
    }, 10_000);
    expect(returned).toMatchObject({ held_by_user_id: null, returned_count: 1 });
    expect(returned.return_reason).toBe("The operator's console was lost");
    expect(await queue.getJob(`case-${caseId}`)).toBeDefined();
    await eventually(async () => (seen.some((s) => s.id === caseId && s.returned) ? true : undefined));
    expect(seen.find((s) => s.id === caseId && s.returned)).toMatchObject({ status: 'QUEUED', heldBy: null });
    const [hold] = await env.query<{ end_reason: string }>(`SELECT end_reason FROM case_holds WHERE case_id = $1`, [
      caseId,
    ]);
    expect(hold!.end_reason).toBe('RETURNED');
    watcher.disconnect();
  });
});

describe('handing over', () => {
  it('put back (with a reason), assign by a supervisor, move to top; operators may not assign', async () => {
    await closeAllOpen();
    const operator = await env.login('operator');
    const supervisor = await env.login('supervisor');
    const a = await newCase('BA');
    const b = await newCase('BA');
    expect((await call<CaseDetail>(operator, 'POST', '/cases/take-next')).body.summary.id).toBe(a.caseId);
    expect((await call(operator, 'POST', `/cases/${a.caseId}/put-back`, {})).status).toBe(400);
    const back = await call<CaseSummary>(operator, 'POST', `/cases/${a.caseId}/put-back`, {
      reason: 'Need the keyholder list',
    });
    expect(back.body).toMatchObject({ status: 'QUEUED', returned: true, returnReason: 'Need the keyholder list' });
    // Put back in front of its priority: it waited longer than b.
    expect((await call<CaseDetail>(operator, 'POST', '/cases/take-next')).body.summary.id).toBe(a.caseId);
    expect((await call(operator, 'POST', `/cases/${a.caseId}/put-back`, { reason: 'again' })).status).toBe(200);

    // Move b to the top, ahead of a.
    expect((await call(operator, 'POST', `/cases/${b.caseId}/move-to-top`)).status).toBe(403);
    const moved = await call<CaseSummary>(supervisor, 'POST', `/cases/${b.caseId}/move-to-top`);
    expect(moved.body).toMatchObject({ movedToTop: true });
    const socket = env.socket(operator);
    const snapshot = await nextEvent<QueueSnapshot>(socket, SOCKET_EVENTS.queueSnapshot);
    socket.disconnect();
    expect(snapshot.cases[0]!.id).toBe(b.caseId);

    // Assign a to the operator by name: it leaves the queue.
    const operators = await call<{ userId: string; name: string; role: string }[]>(
      supervisor,
      'GET',
      '/cases/operators',
    );
    const target = operators.body.find((o) => o.role === 'operator')!;
    expect((await call(operator, 'POST', `/cases/${a.caseId}/assign`, { userId: target.userId })).status).toBe(403);
    const assigned = await call<CaseSummary>(supervisor, 'POST', `/cases/${a.caseId}/assign`, {
      userId: target.userId,
    });
    expect(assigned.body).toMatchObject({ status: 'ACCEPTED', heldBy: { userId: target.userId } });
    expect(await queue.getJob(`case-${a.caseId}`)).toBeUndefined();
    expect((await call<CaseDetail>(operator, 'POST', '/cases/take-next')).body.summary.id).toBe(b.caseId);
    expect((await call(operator, 'POST', '/cases/take-next')).status).toBe(204);
    const history = await env.query<{ type: string }>(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY id`, [
      a.caseId,
    ]);
    expect(history.map((e) => e.type)).toEqual(['CREATED', 'TAKEN', 'PUT_BACK', 'TAKEN', 'PUT_BACK', 'ASSIGNED']);
  });

  it('a held case given to another operator is not marked returned', async () => {
    await closeAllOpen();
    const operator = await env.login('operator');
    const supervisor = await env.login('supervisor');
    const held = await newCase('FA');
    expect((await call<CaseDetail>(operator, 'POST', '/cases/take-next')).body.summary.id).toBe(held.caseId);
    const operators = await call<{ userId: string; role: string }[]>(supervisor, 'GET', '/cases/operators');
    const other = operators.body.find((o) => o.role === 'supervisor')!;
    const assigned = await call<CaseSummary>(supervisor, 'POST', `/cases/${held.caseId}/assign`, {
      userId: other.userId,
    });
    expect(assigned.body).toMatchObject({
      status: 'ACCEPTED',
      heldBy: { userId: other.userId },
      returned: false,
      returnReason: null,
    });
    const [reassigned] = await env.query<{ data: { reason: string } }>(
      `SELECT data FROM case_events WHERE case_id = $1 AND type = 'REASSIGNED'`,
      [held.caseId],
    );
    expect(reassigned!.data.reason).toMatch(/^Assigned to /);
  });

  it('a new case of a site that an operator is working goes straight to that operator', async () => {
    await closeAllOpen();
    const operator = await env.login('operator');
    const { account, caseId } = await newCase('BA');
    const taken = await call<CaseDetail>(operator, 'POST', '/cases/take-next');
    expect(taken.body.summary.id).toBe(caseId);
    const watcher = env.socket(await env.login('supervisor'));
    await nextEvent(watcher, SOCKET_EVENTS.queueSnapshot);
    const seen: CaseSummary[] = [];
    onCaseChange(watcher, ({ summary }) => seen.push(summary));
    const fire = (await (await env.postSignal({ account, code: 'FA', zone: '002' })).json()) as IngestSignalResponse;
    const summary = await eventually(async () => {
      const row = await caseRow(fire.caseId!);
      return row.status === 'ACCEPTED' ? row : undefined;
    });
    expect(summary.held_by_user_id).toBe((await caseRow(caseId)).held_by_user_id);
    expect(await queue.getJob(`case-${fire.caseId}`)).toBeUndefined();
    // The consoles never see it waiting: the first change already names its operator.
    const first = await eventually(async () => seen.find((s) => s.id === fire.caseId));
    expect(first).toMatchObject({ status: 'ACCEPTED', heldBy: { userId: summary.held_by_user_id } });
    const history = await env.query<{ type: string }>(`SELECT type FROM case_events WHERE case_id = $1 ORDER BY id`, [
      fire.caseId,
    ]);
    expect(history.map((e) => e.type)).toEqual(['CREATED', 'TAKEN']);
    watcher.disconnect();
  });
});

describe('after Redis is flushed', () => {
  it('the queue is rebuilt from PostgreSQL: waiting cases come back in order, held ones stay held', async () => {
    await closeAllOpen();
    const operator = await env.login('operator');
    // The operator's console stays connected: without it the held case would return to the queue
    // after CASE_RETURN_SECONDS (2 s here), and the rebuild would rightly enqueue it again.
    const operatorConsole = env.socket(operator);
    await nextEvent<QueueSnapshot>(operatorConsole, SOCKET_EVENTS.queueSnapshot);
    const held = await newCase('BA');
    expect((await call<CaseDetail>(operator, 'POST', '/cases/take-next')).body.summary.id).toBe(held.caseId);
    const intrusion = await newCase('BA');
    const fire = await newCase('FA');
    await env.flushRedis();
    await eventually(async () => ((await queue.getJob(`case-${intrusion.caseId}`)) ? true : undefined), 10_000);
    expect(await queue.getJob(`case-${held.caseId}`)).toBeUndefined();
    expect((await caseRow(held.caseId)).status).toBe('ACCEPTED');
    expect((await call<CaseDetail>(operator, 'POST', '/cases/take-next')).body.summary.id).toBe(fire.caseId);
    expect((await call<CaseDetail>(operator, 'POST', '/cases/take-next')).body.summary.id).toBe(intrusion.caseId);
    operatorConsole.disconnect();
  });
});

describe('repairing the queue', () => {
  it('does not give a job back to a case taken between reading the waiting cases and adding their jobs', async () => {
    await closeAllOpen();
    const operator = await env.login('operator');
    const taken = await newCase('FA');
    const waiting = await newCase('BA');
    const queueService = env.app!.get(CaseQueueService);
    const enqueueMany = queueService.enqueueMany.bind(queueService);
    // The repair has read both cases as waiting; the operator takes the first before the jobs are added.
    let interleaved = false;
    const spy = vi.spyOn(queueService, 'enqueueMany').mockImplementation(async (cases) => {
      if (!interleaved) {
        interleaved = true;
        expect(cases.map((c) => c.caseId)).toEqual(expect.arrayContaining([taken.caseId, waiting.caseId]));
        expect((await call<CaseDetail>(operator, 'POST', '/cases/take-next')).body.summary.id).toBe(taken.caseId);
        expect(await queue.getJob(`case-${taken.caseId}`)).toBeUndefined();
      }
      return enqueueMany(cases);
    });
    try {
      await env.app!.get(CaseEffectsService).reconcileQueue();
    } finally {
      spy.mockRestore();
    }
    expect(interleaved).toBe(true);
    expect(await queue.getJob(`case-${taken.caseId}`)).toBeUndefined();
    expect(await queue.getJob(`case-${waiting.caseId}`)).toBeDefined();
    expect((await call<CaseDetail>(operator, 'POST', '/cases/take-next')).body.summary.id).toBe(waiting.caseId);
  });
});

describe('the realtime protocol', () => {
  it('numbers the changes of each socket one by one, and a snapshot carries the last number', async () => {
    await closeAllOpen();
    const socket = env.socket(await env.login('operator'));
    const snapshot = await nextEvent<QueueSnapshot>(socket, SOCKET_EVENTS.queueSnapshot);
    const changes: CaseChange[] = [];
    onCaseChange(socket, (change) => changes.push(change));
    for (let i = 0; i < 3; i += 1) await newCase('BA');
    await eventually(async () => (changes.length >= 3 ? true : undefined));
    expect(changes.map((c) => c.seq)).toEqual([snapshot.seq + 1, snapshot.seq + 2, snapshot.seq + 3]);
    const answer = await new Promise<{ ok: boolean; snapshot?: QueueSnapshot }>((resolve) =>
      socket.emit(SOCKET_EVENTS.requestSnapshot, resolve),
    );
    expect(answer.snapshot!.seq).toBe(changes.at(-1)!.seq);
    expect(answer.snapshot!.cases).toHaveLength(3);
    socket.disconnect();
  });

  it('sends the changes of one commit as one message, numbered one after the other', async () => {
    await closeAllOpen();
    const [a, b] = [await newCase('BA'), await newCase('FA')];
    const socket = env.socket(await env.login('operator'));
    const snapshot = await nextEvent<QueueSnapshot>(socket, SOCKET_EVENTS.queueSnapshot);
    const summaries = snapshot.cases.filter((c) => c.id === a.caseId || c.id === b.caseId);
    expect(summaries).toHaveLength(2);
    const messages: CaseChange[][] = [];
    socket.on(SOCKET_EVENTS.caseChanges, (changes: CaseChange[]) => messages.push(changes));

    env.app!.get(CaseChangeBus).publishMany(summaries);
    await eventually(async () => (messages.length > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.map((c) => [c.seq, c.summary.id])).toEqual(
      summaries.map((summary, i) => [snapshot.seq + 1 + i, summary.id]),
    );
    socket.disconnect();
  });
});
