import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '@arc/shared/case-handling';
import type { ClosedCasePage } from '@arc/shared/case-history';
import type { IngestSignalResponse } from '@arc/shared/signal';
import { hashPassword } from '../src/common/auth/password.js';
import { TestEnvironment, expectStatus } from './support/test-app.js';

/**
 * The closed-case search (GET /cases/closed) on real PostgreSQL and Redis: every filter, the
 * default and bounded period, paging and order, roles, bad input, and that only closed cases are
 * listed. Cases come from real signals and are closed through the API by their holder.
 */

// No console keeps the SQL-made holds alive: keep them from being returned to the queue.
const env = new TestEnvironment({ CASE_RETURN_SECONDS: '3600' });
let admin: string;
let operator: string;
let supervisor: string;
let otherOperator: string;
let operatorId: string;
let otherOperatorId: string;

const call = env.call.bind(env);
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => env.query<T>(text, params);

let serial = 0;
const nextAccount = () =>
  `D${(Date.now() % 0xfffff).toString(16).toUpperCase()}${(serial += 1).toString(16).toUpperCase()}`;

async function openCase(account: string, code: string): Promise<string> {
  const response = await env.postSignal({ account, code, zone: '1' });
  if (response.status !== 201) throw new Error(`signal: ${response.status} ${await response.text()}`);
  const result = (await response.json()) as IngestSignalResponse;
  if (!result.caseId) throw new Error(`no case for ${code}: ${JSON.stringify(result)}`);
  return result.caseId;
}

/** What "take next" leaves behind: the case accepted and held, with an open hold. */
async function hold(caseId: string, userId: string): Promise<void> {
  await sql(
    `UPDATE cases SET status = 'ACCEPTED', held_by_user_id = $2, held_since = now(), held_heartbeat_at = now(),
            accepted_at = now(), first_presented_at = COALESCE(first_presented_at, now()), version = version + 1
      WHERE id = $1`,
    [caseId, userId],
  );
  await sql(`INSERT INTO case_holds (case_id, user_id) VALUES ($1, $2)`, [caseId, userId]);
}

/** Opens a case at the account, has `token`'s user take and close it, and returns its id. */
async function closedCase(account: string, code: string, result: string, by: 'operator' | 'other'): Promise<string> {
  const caseId = await openCase(account, code);
  await hold(caseId, by === 'operator' ? operatorId : otherOperatorId);
  await expectStatus(
    call(by === 'operator' ? operator : otherOperator, 'POST', `/cases/${caseId}/close`, {
      result,
      openStepsReason: 'test',
    }),
    200,
  );
  return caseId;
}

const search = (query: string, token = operator) =>
  expectStatus<ClosedCasePage>(call(token, 'GET', `/cases/closed?${query}`), 200);
const ids = (page: ClosedCasePage) => page.items.map((c) => c.id);

interface World {
  siteA: string;
  accountA: string;
  siteB: string;
  accountB: string;
  fireA: string;
  intrusionA: string;
  fireB: string;
  openA: string;
  heldA: string;
}
let w: World;

beforeAll(async () => {
  await env.start();
  [admin, operator, supervisor] = await Promise.all([
    env.login('admin'),
    env.login('operator'),
    env.login('supervisor'),
  ]);
  await sql(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ('operator2', 'Olle Operator', 'operator', $1)`,
    [await hashPassword('operator2-test-password')],
  );
  const login = await fetch(`${env.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'operator2', password: 'operator2-test-password' }),
  });
  otherOperator = ((await login.json()) as { accessToken: string }).accessToken;
  const users = await sql<{ id: string; username: string }>(`SELECT id, username FROM users`);
  operatorId = users.find((u) => u.username === 'operator')!.id;
  otherOperatorId = users.find((u) => u.username === 'operator2')!.id;

  const accountA = nextAccount();
  const accountB = nextAccount();
  const { siteId: siteA } = await env.createSite(accountA, 'Björkängens förskola');
  const { siteId: siteB } = await env.createSite(accountB, 'Lagret 100%_off');
  const fireA = await closedCase(accountA, 'FA', 'FALSE_ALARM_USER_ERROR', 'operator');
  const intrusionA = await closedCase(accountA, 'BA', 'REAL_ALARM', 'other');
  const fireB = await closedCase(accountB, 'FA', 'TECHNICAL_FAULT', 'operator');
  // Not closed: one waiting, one held. Neither is history yet.
  const openA = await openCase(accountA, 'HA');
  const heldA = await openCase(accountA, 'TA');
  await hold(heldA, operatorId);
  // Distinct closing times, a minute apart, newest last: fireA, intrusionA, fireB.
  await sql(`UPDATE cases SET closed_at = now() - interval '3 minutes' WHERE id = $1`, [fireA]);
  await sql(`UPDATE cases SET closed_at = now() - interval '2 minutes' WHERE id = $1`, [intrusionA]);
  await sql(`UPDATE cases SET closed_at = now() - interval '1 minute' WHERE id = $1`, [fireB]);
  w = { siteA, accountA, siteB, accountB, fireA, intrusionA, fireB, openA, heldA };
});

afterAll(async () => {
  await env.destroy();
});

describe('closed-case search', () => {
  it('lists closed cases newest closed first, with their summaries, and never an open one', async () => {
    const page = await search('');
    expect(ids(page)).toEqual([w.fireB, w.intrusionA, w.fireA]);
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 25 });
    expect(ids(page)).not.toContain(w.openA);
    expect(ids(page)).not.toContain(w.heldA);
    const first = page.items[0]!;
    expect(first).toMatchObject({
      id: w.fireB,
      category: 'FIRE',
      account: w.accountB,
      siteId: w.siteB,
      siteName: 'Lagret 100%_off',
      result: 'TECHNICAL_FAULT',
      closedBy: { userId: operatorId },
      signalCount: 1,
      unknownTransmitter: false,
    });
    expect(first.caseNo).toMatch(/\S/);
    const [times] = await sql<{ queued_at: Date; closed_at: Date }>(
      `SELECT queued_at, closed_at FROM cases WHERE id = $1`,
      [w.fireB],
    );
    expect(first.openedAt).toBe(times!.queued_at.toISOString());
    expect(first.closedAt).toBe(times!.closed_at.toISOString());
    // The default period is the last 7 days.
    expect(Date.parse(page.to) - Date.parse(page.from)).toBe(7 * 86_400_000);
  });

  it('filters by site text (a substring of the name, % and _ taken literally) and by site id', async () => {
    expect(ids(await search('site=bj%C3%B6rk%C3%A4ngen'))).toEqual([w.intrusionA, w.fireA]);
    expect(ids(await search(`site=${encodeURIComponent('100%_')}`))).toEqual([w.fireB]);
    expect(ids(await search(`site=${encodeURIComponent('1%0')}`))).toEqual([]);
    expect(ids(await search('site=V%C3%A4ster%C3%A5s'))).toEqual([w.fireB, w.intrusionA, w.fireA]);
    expect(ids(await search(`siteId=${w.siteB}`))).toEqual([w.fireB]);
  });

  it('filters by account (any letter case), category, result and the operator who worked the case', async () => {
    expect(ids(await search(`account=${w.accountA.toLowerCase()}`))).toEqual([w.intrusionA, w.fireA]);
    expect(ids(await search('category=FIRE'))).toEqual([w.fireB, w.fireA]);
    expect(ids(await search('category=FIRE&result=FALSE_ALARM_USER_ERROR'))).toEqual([w.fireA]);
    expect(ids(await search('result=REAL_ALARM'))).toEqual([w.intrusionA]);
    expect(ids(await search(`operatorId=${otherOperatorId}`))).toEqual([w.intrusionA]);
    expect(ids(await search(`operatorId=${operatorId}&siteId=${w.siteA}`))).toEqual([w.fireA]);
    expect(ids(await search(`category=HOLDUP`))).toEqual([]);
  });

  it('filters by period on the closing time', async () => {
    const [row] = await sql<{ closed_at: Date }>(`SELECT closed_at FROM cases WHERE id = $1`, [w.intrusionA]);
    const at = row!.closed_at.getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    // from is inclusive, to exclusive.
    expect(ids(await search(`from=${iso(at)}&to=${iso(at + 1000)}`))).toEqual([w.intrusionA]);
    expect(ids(await search(`from=${iso(at + 1)}&to=${iso(at + 1000)}`))).toEqual([]);
    expect(ids(await search(`to=${iso(at)}`))).toEqual([w.fireA]);
    // A case closed 10 days ago is outside the default period but found when asked for.
    const old = await closedCase(w.accountB, 'BA', 'TEST', 'operator');
    await sql(`UPDATE cases SET closed_at = now() - interval '10 days' WHERE id = $1`, [old]);
    expect(ids(await search(`siteId=${w.siteB}`))).toEqual([w.fireB]);
    const page = await search(`siteId=${w.siteB}&from=${iso(Date.now() - 11 * 86_400_000)}`);
    expect(ids(page)).toEqual([w.fireB, old]);
  });

  it('pages with a bounded page size', async () => {
    const first = await search('pageSize=2');
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(ids(first)).toEqual([w.fireB, w.intrusionA]);
    const second = await search('pageSize=2&page=2');
    expect(ids(second)).toEqual([w.fireA]);
    expect(second.total).toBe(3);
    expect(ids(await search('pageSize=2&page=3'))).toEqual([]);
    expect(ids(await search('pageSize=100'))).toHaveLength(3);
  });

  it('is for operators, supervisors and administrators, and never anonymous', async () => {
    expect((await call(null, 'GET', '/cases/closed')).status).toBe(401);
    expect((await call('not-a-token', 'GET', '/cases/closed')).status).toBe(401);
    for (const token of [operator, supervisor, admin, otherOperator]) {
      expect((await search('', token)).total).toBe(3);
    }
  });

  it('refuses bad input with 400 naming the field', async () => {
    const bad = async (query: string, field: string) => {
      const answer = await call(operator, 'GET', `/cases/closed?${query}`);
      expect(answer.status, query).toBe(400);
      expect(JSON.stringify(answer.body), query).toContain(field);
    };
    await bad('pageSize=101', 'pageSize');
    await bad('pageSize=0', 'pageSize');
    await bad('page=0', 'page');
    await bad('page=1.5', 'page');
    await bad('page=99999999999999999999', 'page');
    await bad('category=FIRES', 'category');
    await bad('result=MAYBE', 'result');
    await bad('siteId=not-a-uuid', 'siteId');
    await bad('operatorId=12', 'operatorId');
    await bad('account=xyz', 'account');
    await bad('site=a%00b', 'site');
    await bad(`site=${'x'.repeat(101)}`, 'site');
    await bad('from=yesterday', 'from');
    await bad('from=2026-12-02T10:00:00Z&to=2026-12-01T10:00:00Z', 'from');
    await bad('from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from');
    await bad('site=a&site=b', 'site');
  });

  it('is not mistaken for a case id, and the case history names the signal of each entry', async () => {
    const detail = await expectStatus<CaseDetail>(call(operator, 'GET', `/cases/${w.fireA}`), 200);
    const created = detail.history.find((h) => h.type === 'CREATED')!;
    expect(created.signalId).toBe(detail.signals[0]!.id);
    expect(detail.history.find((h) => h.type === 'CLOSED')!.signalId).toBeNull();
  });
});
