import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary } from '@arc/shared/case';
import type { CaseDetail } from '@arc/shared/case-handling';
import type { IngestSignalResponse } from '@arc/shared/signal';
import { Queue } from 'bullmq';
import { CaseAckService } from '../src/cases/case-ack.service.js';
import { redisConnectionOptions } from '../src/redis/redis-url.js';
import { TestEnvironment, eventually } from './support/test-app.js';

/** A case given to an operator must be acknowledged in time; take next refuses an operator who is away. */
const env = new TestEnvironment({ CASE_ASSIGN_ACK_SECONDS: '2' });
let queue: Queue;
let sequence = 0;
let operator: string;
let supervisor: string;
let operatorId: string;

beforeAll(async () => {
  await env.start();
  queue = new Queue('cases', {
    connection: redisConnectionOptions(env.config.redis.url),
    prefix: `${env.config.redis.prefix}:bull`,
  });
  operator = await env.login('operator');
  supervisor = await env.login('supervisor');
  const [row] = await env.query<{ id: string }>(`SELECT id FROM users WHERE username = 'operator'`);
  operatorId = row!.id;
});

afterAll(async () => {
  await queue?.close();
  await env.destroy();
});

const call = <T>(token: string, method: string, path: string, body?: unknown) => env.call<T>(token, method, path, body);

async function newCase(code = 'BA', account?: string): Promise<{ caseId: string; account: string }> {
  if (!account) {
    sequence += 1;
    account = `AC${String(sequence).padStart(4, '0')}`;
    await env.createSite(account, `Ack site ${sequence}`);
  }
  const response = await env.postSignal({ account, code, zone: '001' });
  const { caseId } = (await response.json()) as IngestSignalResponse;
  return { caseId: caseId!, account };
}

async function caseRow(caseId: string) {
  const [row] = await env.query<{
    status: string;
    held_by_user_id: string | null;
    return_reason: string | null;
    ack_due_at: Date | null;
  }>(`SELECT status, held_by_user_id, return_reason, ack_due_at FROM cases WHERE id = $1`, [caseId]);
  return row!;
}

async function events(caseId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  return env.query(`SELECT type, data FROM case_events WHERE case_id = $1 ORDER BY id`, [caseId]);
}

async function closeAllOpen(): Promise<void> {
  await env.query(`UPDATE case_holds SET ended_at = now(), end_reason = 'CLOSED' WHERE ended_at IS NULL`);
  await env.query(
    `UPDATE cases SET status = 'CLOSED', closed_at = now(), held_by_user_id = NULL WHERE status <> 'CLOSED'`,
  );
  await queue.drain(true);
  await env.query(`DELETE FROM operator_states`);
}

/** The operator takes a case of a new site; a hold-up of that site then sticks to them. */
async function stuckHoldup(): Promise<{ taken: string; given: string }> {
  const first = await newCase('BA');
  const taken = await call<CaseDetail>(operator, 'POST', '/cases/take-next');
  expect(taken.body.summary.id).toBe(first.caseId);
  const holdup = await newCase('HA', first.account);
  await eventually(async () => ((await caseRow(holdup.caseId)).status === 'ACCEPTED' ? true : undefined));
  return { taken: first.caseId, given: holdup.caseId };
}

/** Moves the deadline an hour ahead, for a test that checks something else than the timeout. */
async function postpone(caseId: string): Promise<void> {
  await env.query(`UPDATE cases SET ack_due_at = now() + interval '1 hour' WHERE id = $1 AND ack_due_at IS NOT NULL`, [
    caseId,
  ]);
  expect((await caseRow(caseId)).ack_due_at).not.toBeNull();
}

async function assignToOperator(caseId: string): Promise<CaseSummary> {
  const assigned = await call<CaseSummary>(supervisor, 'POST', `/cases/${caseId}/assign`, { userId: operatorId });
  expect(assigned.status).toBe(200);
  return assigned.body;
}

describe('a case given to an operator', () => {
  it('awaits acknowledgement by its holder only; acknowledging is idempotent and recorded', async () => {
    await closeAllOpen();
    const { taken, given } = await stuckHoldup();
    const mine = await call<CaseSummary[]>(operator, 'GET', '/cases/mine');
    const takenSummary = mine.body.find((s) => s.id === taken)!;
    const givenSummary = mine.body.find((s) => s.id === given)!;
    // Taken with take-next: the operator chose it, nothing to acknowledge.
    expect(takenSummary.ackDueAt).toBeNull();
    expect(givenSummary).toMatchObject({ status: 'ACCEPTED', heldBy: { userId: operatorId } });
    const due = Date.parse(givenSummary.ackDueAt!);
    expect(due).toBeGreaterThan(Date.now() - 2000);
    expect(due).toBeLessThanOrEqual(Date.now() + 2500);
    // The rest of this test must not race the 2 s deadline on a busy machine.
    await postpone(given);

    const other = await call<{ code: string }>(supervisor, 'POST', `/cases/${given}/acknowledge`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('NOT_HOLDER');
    expect((await call(operator, 'POST', `/cases/00000000-0000-4000-8000-000000000000/acknowledge`)).status).toBe(404);
    expect((await call(operator, 'POST', `/cases/not-an-id/acknowledge`)).status).toBe(400);

    const acked = await call<CaseSummary>(operator, 'POST', `/cases/${given}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ status: 'ACCEPTED', ackDueAt: null, heldBy: { userId: operatorId } });
    const again = await call<CaseSummary>(operator, 'POST', `/cases/${given}/acknowledge`);
    expect(again.status).toBe(200);
    expect((await events(given)).filter((e) => e.type === 'ACKNOWLEDGED')).toHaveLength(1);
    // Acknowledged, it stays with the operator past any deadline.
    expect(await env.app!.get(CaseAckService).returnUnacknowledged()).toBe(0);
    expect((await caseRow(given)).status).toBe('ACCEPTED');
  });

  it('goes back to the queue, in front of its priority, when not acknowledged in time', async () => {
    await closeAllOpen();
    const older = await newCase('BA');
    const assignedCase = await newCase('BA');
    await assignToOperator(assignedCase.caseId);
    const returned = await eventually(async () => {
      const row = await caseRow(assignedCase.caseId);
      return row.status === 'QUEUED' ? row : undefined;
    });
    expect(returned).toMatchObject({ held_by_user_id: null, ack_due_at: null });
    expect(returned.return_reason).toMatch(/^Not acknowledged by .+ within 2 s$/);
    const history = await events(assignedCase.caseId);
    expect(history.map((e) => e.type)).toEqual(['CREATED', 'ASSIGNED', 'RETURNED']);
    expect(history[2]!.data.reason).toBe(returned.return_reason);
    // In front of the older case of the same priority.
    const next = await call<CaseDetail>(supervisor, 'POST', '/cases/take-next');
    expect(next.body.summary.id).toBe(assignedCase.caseId);
    expect(next.body.summary.ackDueAt).toBeNull();
    expect((await call<CaseDetail>(supervisor, 'POST', '/cases/take-next')).body.summary.id).toBe(older.caseId);
  });

  it('is acknowledged by any work on it (a note)', async () => {
    await closeAllOpen();
    const { caseId } = await newCase('BA');
    await assignToOperator(caseId);
    await postpone(caseId);
    expect((await call(operator, 'POST', `/cases/${caseId}/notes`, { text: 'Calling the keyholder' })).status).toBe(
      201,
    );
    expect((await caseRow(caseId)).ack_due_at).toBeNull();
    expect((await events(caseId)).map((e) => e.type)).toContain('ACKNOWLEDGED');
  });

  it('a supervisor who assigns a case to themselves need not acknowledge it', async () => {
    await closeAllOpen();
    const { caseId } = await newCase('BA');
    const [me] = await env.query<{ id: string }>(`SELECT id FROM users WHERE username = 'supervisor'`);
    const assigned = await call<CaseSummary>(supervisor, 'POST', `/cases/${caseId}/assign`, { userId: me!.id });
    expect(assigned.body).toMatchObject({ status: 'ACCEPTED', ackDueAt: null });
  });

  it('keeps its deadline across a restart: overdue while the server was down, it returns at start', async () => {
    await closeAllOpen();
    const { caseId } = await newCase('BA');
    const assigned = await assignToOperator(caseId);
    const due = Date.parse(assigned.ackDueAt!);
    await env.stop();
    await eventually(async () => (Date.now() > due + 200 ? true : undefined));
    await env.start();
    const row = await eventually(async () => {
      const r = await caseRow(caseId);
      return r.status === 'QUEUED' ? r : undefined;
    });
    expect(row.return_reason).toMatch(/^Not acknowledged/);
    expect(await queue.getJob(`case-${caseId}`)).toBeDefined();
    operator = await env.login('operator');
    supervisor = await env.login('supervisor');
  });
});

describe('take next while away', () => {
  it('is refused with 409 OPERATOR_NOT_AVAILABLE unless the operator becomes available with it', async () => {
    await closeAllOpen();
    const { caseId } = await newCase('FA');
    // Never set a state: available.
    const neverSet = await call<CaseDetail>(supervisor, 'POST', '/cases/take-next');
    expect(neverSet.body.summary.id).toBe(caseId);
    const fire = await newCase('FA');
    expect((await call(operator, 'POST', '/operators/me/state', { state: 'AWAY', reason: 'Rast' })).status).toBe(204);
    const refused = await call<{ code: string; message: string }>(operator, 'POST', '/cases/take-next');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('OPERATOR_NOT_AVAILABLE');
    expect(refused.body.message).toContain('Away (Rast)');
    expect((await call(operator, 'POST', '/cases/take-next', {})).status).toBe(409);
    expect((await caseRow(fire.caseId)).status).toBe('QUEUED');
    expect((await call(operator, 'POST', '/cases/take-next', { becomeAvailable: 'yes' })).status).toBe(400);
    expect((await call(operator, 'POST', '/cases/take-next', { other: true })).status).toBe(400);

    const taken = await call<CaseDetail>(operator, 'POST', '/cases/take-next', { becomeAvailable: true });
    expect(taken.status).toBe(200);
    expect(taken.body.summary.id).toBe(fire.caseId);
    const own = await call<{ state: string; reason: string | null }>(operator, 'GET', '/operators/me/state');
    expect(own.body).toMatchObject({ state: 'AVAILABLE', reason: null });
    // Available now: a plain take works again (204: nothing waits).
    expect((await call(operator, 'POST', '/cases/take-next')).status).toBe(204);
  });
});
