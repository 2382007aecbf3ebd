import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiError } from '@arc/shared/auth';
import { type CaseSummary } from '@arc/shared/case';
import { type CaseDetail, type CaseNote, type CaseStep, type ContactAttempt } from '@arc/shared/case-handling';
import { type ActionPlan, type Contact, type OnCallRoster } from '@arc/shared/directory';
import { type IngestSignalResponse } from '@arc/shared/signal';
import { SOCKET_EVENTS } from '@arc/shared/socket-events';
import { hashPassword } from '../src/common/auth/password.js';
import { TestEnvironment, nextEvent, expectStatus, nextCaseChange } from './support/test-app.js';

/**
 * The case screen's read model and the operator's records on a case (contact attempts, ticked
 * steps, notes, close), through the REST API on real PostgreSQL and Redis. Cases come from real
 * signals; a case is put on hold with SQL, in exactly the state "take next" leaves it in.
 */

// No console keeps the SQL-made holds alive: keep them from being returned to the queue.
const env = new TestEnvironment({ CASE_RETURN_SECONDS: '3600' });
let admin: string;
let operator: string;
let supervisor: string;
let otherOperator: string;
const userIds: Record<'admin' | 'operator' | 'supervisor' | 'other', string> = {
  admin: '',
  operator: '',
  supervisor: '',
  other: '',
};

const call = env.call.bind(env);

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return env.query<T>(text, params);
}

// ---- a small world per test ------------------------------------------------------------------

let serial = 0;
const nextAccount = () =>
  `C${(Date.now() % 0xfffff).toString(16).toUpperCase()}${(serial += 1).toString(16).toUpperCase()}`;

interface World {
  siteId: string;
  account: string;
  anna: Contact;
  bo: Contact;
  roster: OnCallRoster;
  plan: ActionPlan;
}

/**
 * A site with one transmitter, two contacts (Anna Berg, Bo Ek), an on-call roster and a FIRE
 * plan: 1 call Anna (mandatory), 2 call the on-call roster (mandatory), 3 alert the rescue
 * service, 4 an instruction (mandatory). Written through the directory API as an admin would.
 */
async function world(): Promise<World> {
  const account = nextAccount();
  const { siteId } = await env.createSite(account, `Site ${account}`);
  const anna = await expectStatus<Contact>(
    call(admin, 'POST', `/sites/${siteId}/contacts`, {
      name: 'Anna Berg',
      routes: [{ kind: 'PHONE', value: '+46701111111' }],
    }),
    201,
  );
  const bo = await expectStatus<Contact>(
    call(admin, 'POST', `/sites/${siteId}/contacts`, {
      name: 'Bo Ek',
      routes: [{ kind: 'SMS', value: '+46702222222' }],
    }),
    201,
  );
  const roster = await expectStatus<OnCallRoster>(
    call(admin, 'POST', '/on-call-rosters', {
      name: `Jour ${account}`,
      rotationStart: '2024-01-01',
      members: [{ name: 'Cilla Jour', phone: '+46703333333' }],
    }),
    201,
  );
  const plan = await expectStatus<ActionPlan>(
    call(admin, 'PUT', `/sites/${siteId}/action-plans/FIRE`, {
      steps: [
        { type: 'CALL_CONTACT', contactId: anna.id, mandatory: true },
        { type: 'CALL_ON_CALL', rosterId: roster.id, mandatory: true },
        { type: 'ALERT_RESCUE_SERVICE', mandatory: false },
        { type: 'INSTRUCTION', instruction: 'Check the gate camera', mandatory: true },
      ],
    }),
    200,
  );
  return { siteId, account, anna, bo, roster, plan };
}

async function signal(account: string, code: string, zone = '1'): Promise<IngestSignalResponse> {
  const response = await env.postSignal({ account, code, zone });
  if (response.status !== 201) throw new Error(`signal: ${response.status} ${await response.text()}`);
  return (await response.json()) as IngestSignalResponse;
}

/** A case opened by a real signal. */
async function openCase(account: string, code = 'FA'): Promise<string> {
  const result = await signal(account, code);
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

/** Everything about a case that a refused request must leave alone. */
async function stateOf(caseId: string): Promise<unknown> {
  const [row] = await sql(
    `SELECT status, version, held_by_user_id, first_contact_at, closed_at, closed_by_user_id, result, result_note,
            open_steps_reason,
            (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id) AS events,
            (SELECT count(*)::int FROM case_contact_attempts a WHERE a.case_id = c.id) AS attempts,
            (SELECT count(*)::int FROM case_step_ticks t WHERE t.case_id = c.id) AS ticks,
            (SELECT count(*)::int FROM case_notes n WHERE n.case_id = c.id) AS notes,
            (SELECT count(*)::int FROM case_holds h WHERE h.case_id = c.id AND h.ended_at IS NULL) AS open_holds
       FROM cases c WHERE id = $1`,
    [caseId],
  );
  return row;
}

const attemptBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Anna Berg',
  routeKind: 'PHONE',
  routeValue: '+46701111111',
  outcome: 'NO_ANSWER',
  ...overrides,
});

const detail = (caseId: string, token = operator) =>
  expectStatus<CaseDetail>(call(token, 'GET', `/cases/${caseId}`), 200);

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
  const idOf = (name: string) => users.find((u) => u.username === name)!.id;
  userIds.admin = idOf('admin');
  userIds.operator = idOf('operator');
  userIds.supervisor = idOf('supervisor');
  userIds.other = idOf('operator2');
});

afterAll(async () => {
  await env.destroy();
});

// ---- access and unknown ids ------------------------------------------------------------------

describe('access', () => {
  const someId = '00000000-0000-4000-8000-000000000000';

  it('answers 401 without a token on every route', async () => {
    expect((await call(null, 'GET', '/cases/mine')).status).toBe(401);
    expect((await call(null, 'GET', `/cases/${someId}`)).status).toBe(401);
    expect((await call(null, 'POST', `/cases/${someId}/attempts`, attemptBody())).status).toBe(401);
    expect((await call(null, 'POST', `/cases/${someId}/steps/${someId}/tick`, {})).status).toBe(401);
    expect((await call(null, 'POST', `/cases/${someId}/notes`, { text: 'x' })).status).toBe(401);
    expect((await call(null, 'POST', `/cases/${someId}/close`, { result: 'TEST' })).status).toBe(401);
  });

  it('answers 404 for an unknown case and 400 for an id that is not one', async () => {
    expect((await call(operator, 'GET', `/cases/${someId}`)).status).toBe(404);
    expect((await call(operator, 'POST', `/cases/${someId}/attempts`, attemptBody())).status).toBe(404);
    expect((await call(operator, 'POST', `/cases/${someId}/steps/${someId}/tick`, {})).status).toBe(404);
    expect((await call(supervisor, 'POST', `/cases/${someId}/notes`, { text: 'x' })).status).toBe(404);
    expect((await call(operator, 'POST', `/cases/${someId}/close`, { result: 'TEST' })).status).toBe(404);
    expect((await call(operator, 'GET', '/cases/not-a-case')).status).toBe(400);
    const caseId = await openCase((await world()).account);
    expect((await call(operator, 'POST', `/cases/${caseId}/steps/step-1/tick`, {})).status).toBe(400);
  });
});

// ---- the read model --------------------------------------------------------------------------

describe('GET /cases/:id', () => {
  it("shows the case's signals, the plan's steps, contacts, on-call, earlier cases and times", async () => {
    const w = await world();
    // An earlier, closed case of the site, and an open one of another category.
    const earlier = await openCase(w.account, 'FA');
    await hold(earlier, userIds.operator);
    await expectStatus(
      call(operator, 'POST', `/cases/${earlier}/close`, { result: 'TEST', openStepsReason: 'Test of the panel' }),
      200,
    );
    const burglary = await openCase(w.account, 'BA');
    // Another site's case is not the site's history.
    const other = await world();
    await openCase(other.account, 'FA');

    const first = await signal(w.account, 'FA', '3');
    const caseId = first.caseId!;
    expect(caseId).not.toBe(earlier);
    const second = await signal(w.account, 'FA', '4');
    expect(second.caseId).toBe(caseId);
    // A code the centre does not know, linked to the case (stored as the receiver would).
    await sql(
      `WITH s AS (INSERT INTO signals (source, raw, account, protocol, code, kind, received_at)
                  VALUES ('http', 'raw', $1, 'SIA', 'ZZ', 'UNKNOWN', now() + interval '1 second') RETURNING id)
       INSERT INTO signal_decisions (signal_id, decision, reason, case_id) SELECT id, 'APPENDED', 'ZZ', $2 FROM s`,
      [w.account, caseId],
    );

    const d = await detail(caseId);
    expect(d.summary).toMatchObject({ id: caseId, category: 'FIRE', status: 'QUEUED', siteId: w.siteId });
    expect(d.site?.id).toBe(w.siteId);
    expect(d.transmitters.map((t) => t.account)).toEqual([w.account]);

    expect(d.signals.map((s) => [s.id, s.code, s.zone, s.description])).toEqual([
      [first.signalId, 'FA', '3', 'Fire alarm'],
      [second.signalId, 'FA', '4', 'Fire alarm'],
      [expect.any(String), 'ZZ', null, 'Unknown event code'],
    ]);
    expect(d.signals[0]!.decision).toBe('OPENED');
    expect(d.signals[1]!.decision).toBe('APPENDED');

    expect(d.steps?.map((s) => [s.id, s.position, s.type, s.mandatory, s.ticked])).toEqual(
      w.plan.steps.map((s) => [s.id, s.position, s.type, s.mandatory, null]),
    );
    expect(d.contacts.map((c) => c.name)).toEqual(['Anna Berg', 'Bo Ek']);
    expect(d.onCall).toEqual([
      { rosterId: w.roster.id, rosterName: w.roster.name, member: { name: 'Cilla Jour', phone: '+46703333333' } },
    ]);
    // Newest first: the open burglary case, then the closed fire case with its result.
    expect(d.earlierCases.map((c) => [c.id, c.category, c.result])).toEqual([
      [burglary, 'INTRUSION', null],
      [earlier, 'FIRE', 'TEST'],
    ]);
    expect(d.earlierCases[1]!.closedAt).not.toBeNull();

    const [row] = await sql<{ queued_at: Date; created_at: Date }>(
      `SELECT queued_at, created_at FROM cases WHERE id = $1`,
      [caseId],
    );
    expect(d.times).toEqual({
      signalReceivedAt: row!.queued_at.toISOString(),
      queuedAt: row!.created_at.toISOString(),
      firstPresentedAt: null,
      acceptedAt: null,
      firstContactAt: null,
      closedAt: null,
    });
    expect(d.attempts).toEqual([]);
    expect(d.notes).toEqual([]);
    expect(d.holds).toEqual([]);
    expect(d.result).toBeNull();
    expect(d.history.map((h) => h.type)).toEqual(['CREATED', 'SIGNALS_APPENDED']);
  });

  it('has no steps when the site has no plan for the category', async () => {
    const w = await world();
    const caseId = await openCase(w.account, 'BA');
    const d = await detail(caseId);
    expect(d.steps).toBeNull();
    expect(d.onCall).toEqual([]);
  });
});

describe('GET /cases/mine', () => {
  it('lists the cases the caller holds, and only those', async () => {
    const w = await world();
    const mine = await openCase(w.account, 'FA');
    const theirs = await openCase(w.account, 'BA');
    await openCase(w.account, 'PA'); // waiting in the queue
    await hold(mine, userIds.operator);
    await hold(theirs, userIds.other);
    const listed = await expectStatus<CaseSummary[]>(call(operator, 'GET', '/cases/mine'), 200);
    expect(listed.map((c) => c.id)).toContain(mine);
    expect(listed.map((c) => c.id)).not.toContain(theirs);
    expect(listed.every((c) => c.status === 'ACCEPTED')).toBe(true);
    const [held] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE status = 'ACCEPTED' AND held_by_user_id = $1`,
      [userIds.operator],
    );
    expect(listed).toHaveLength(held!.n);
    const others = await expectStatus<CaseSummary[]>(call(otherOperator, 'GET', '/cases/mine'), 200);
    expect(others.map((c) => c.id)).toContain(theirs);
    expect(others.map((c) => c.id)).not.toContain(mine);
  });
});

// ---- contact attempts ------------------------------------------------------------------------

describe('POST /cases/:id/attempts', () => {
  it('records attempts; the first one sets the first contact time, once', async () => {
    const w = await world();
    const caseId = await openCase(w.account);
    await hold(caseId, userIds.operator);
    const first = await expectStatus<ContactAttempt>(
      call(
        operator,
        'POST',
        `/cases/${caseId}/attempts`,
        attemptBody({ contactId: w.anna.id, note: ' rang 3 times ' }),
      ),
      201,
    );
    expect(first).toMatchObject({
      contactId: w.anna.id,
      name: 'Anna Berg',
      routeKind: 'PHONE',
      outcome: 'NO_ANSWER',
      note: 'rang 3 times',
      by: { userId: userIds.operator, name: 'Demo Operator' },
    });
    const [afterFirst] = await sql<{ first_contact_at: Date }>(`SELECT first_contact_at FROM cases WHERE id = $1`, [
      caseId,
    ]);
    expect(afterFirst!.first_contact_at.toISOString()).toBe(first.at);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await expectStatus<ContactAttempt>(
      call(
        operator,
        'POST',
        `/cases/${caseId}/attempts`,
        attemptBody({ contactId: null, name: 'Securitas', routeValue: '+4610100', outcome: 'ANSWERED' }),
      ),
      201,
    );
    expect(second.at > first.at).toBe(true);
    const [afterSecond] = await sql<{ first_contact_at: Date }>(`SELECT first_contact_at FROM cases WHERE id = $1`, [
      caseId,
    ]);
    expect(afterSecond!.first_contact_at.toISOString()).toBe(first.at);

    const d = await detail(caseId);
    expect(d.times.firstContactAt).toBe(first.at);
    expect(d.attempts.map((a) => [a.id, a.name, a.outcome])).toEqual([
      [first.id, 'Anna Berg', 'NO_ANSWER'],
      [second.id, 'Securitas', 'ANSWERED'],
    ]);
    const events = d.history.filter((h) => h.type === 'CONTACT_ATTEMPT');
    expect(events).toHaveLength(2);
    expect(events[0]!.by).toEqual({ userId: userIds.operator, name: 'Demo Operator' });
    expect(events[0]!.data).toMatchObject({ attemptId: first.id, outcome: 'NO_ANSWER', contactId: w.anna.id });
  });

  it('refuses a contact of another site, an unknown contact and a bad body, changing nothing', async () => {
    const w = await world();
    const other = await world();
    const caseId = await openCase(w.account);
    await hold(caseId, userIds.operator);
    const before = await stateOf(caseId);
    const foreign = await expectStatus(
      call(operator, 'POST', `/cases/${caseId}/attempts`, attemptBody({ contactId: other.anna.id })),
      422,
    );
    expect(foreign.message).toMatch(/is not a contact of the site/);
    const unknown = await expectStatus(
      call(
        operator,
        'POST',
        `/cases/${caseId}/attempts`,
        attemptBody({ contactId: '00000000-0000-4000-8000-000000000001' }),
      ),
      422,
    );
    expect(unknown.message).toMatch(/does not exist/);
    await expectStatus(call(operator, 'POST', `/cases/${caseId}/attempts`, attemptBody({ outcome: 'MAYBE' })), 400);
    await expectStatus(call(operator, 'POST', `/cases/${caseId}/attempts`, attemptBody({ name: '  ' })), 400);
    await expectStatus(call(operator, 'POST', `/cases/${caseId}/attempts`, attemptBody({ extra: 1 })), 400);
    expect(await stateOf(caseId)).toEqual(before);
  });

  it('tells the consoles: the summary is published with a higher version', async () => {
    const w = await world();
    const caseId = await openCase(w.account);
    await hold(caseId, userIds.operator);
    const socket = env.socket(supervisor);
    try {
      await nextEvent(socket, SOCKET_EVENTS.queueSnapshot);
      const [before] = await sql<{ version: number }>(`SELECT version FROM cases WHERE id = $1`, [caseId]);
      const changed = nextCaseChange(socket);
      await expectStatus(call(operator, 'POST', `/cases/${caseId}/attempts`, attemptBody()), 201);
      const change = await changed;
      expect(change.summary.id).toBe(caseId);
      expect(change.summary.version).toBeGreaterThan(before!.version);
    } finally {
      socket.disconnect();
    }
  });
});

// ---- action-plan steps -----------------------------------------------------------------------

describe('POST /cases/:id/steps/:stepId/tick', () => {
  it('ticks a step once, with a snapshot that survives a plan edit', async () => {
    const w = await world();
    const caseId = await openCase(w.account);
    await hold(caseId, userIds.operator);
    const annaStep = w.plan.steps[0]!;
    const ticked = await expectStatus<CaseStep>(
      call(operator, 'POST', `/cases/${caseId}/steps/${annaStep.id}/tick`, { note: 'Anna is on her way' }),
      200,
    );
    expect(ticked).toMatchObject({
      id: annaStep.id,
      position: 1,
      type: 'CALL_CONTACT',
      contactId: w.anna.id,
      mandatory: true,
      ticked: { by: { userId: userIds.operator, name: 'Demo Operator' }, note: 'Anna is on her way' },
    });
    const [snapshot] = await sql(`SELECT position, type, mandatory, label FROM case_step_ticks WHERE case_id = $1`, [
      caseId,
    ]);
    expect(snapshot).toEqual({ position: 1, type: 'CALL_CONTACT', mandatory: true, label: 'Call contact Anna Berg' });

    const before = await stateOf(caseId);
    const again = await expectStatus(call(operator, 'POST', `/cases/${caseId}/steps/${annaStep.id}/tick`, {}), 409);
    expect(again.message).toMatch(/already ticked by Demo Operator/);
    expect(await stateOf(caseId)).toEqual(before);

    // The admin replaces the plan: the step ids change, the tick keeps its snapshot.
    const newPlan = await expectStatus<ActionPlan>(
      call(admin, 'PUT', `/sites/${w.siteId}/action-plans/FIRE`, {
        steps: [{ type: 'CALL_CONTACT', contactId: w.bo.id, mandatory: true }],
      }),
      200,
    );
    const d = await detail(caseId);
    expect(d.steps?.map((s) => [s.id, s.position, s.instruction, s.ticked?.note ?? null])).toEqual([
      [newPlan.steps[0]!.id, 1, null, null],
      [annaStep.id, 1, 'Call contact Anna Berg', 'Anna is on her way'],
    ]);
  });

  it('refuses a step of another plan or site (422) and changes nothing', async () => {
    const w = await world();
    const other = await world();
    const caseId = await openCase(w.account);
    await hold(caseId, userIds.operator);
    // A plan of the same site for another category.
    const intrusion = await expectStatus<ActionPlan>(
      call(admin, 'PUT', `/sites/${w.siteId}/action-plans/INTRUSION`, {
        steps: [{ type: 'ALERT_POLICE', mandatory: true }],
      }),
      200,
    );
    const before = await stateOf(caseId);
    for (const stepId of [intrusion.steps[0]!.id, other.plan.steps[0]!.id, '00000000-0000-4000-8000-000000000002']) {
      const refused = await expectStatus(call(operator, 'POST', `/cases/${caseId}/steps/${stepId}/tick`, {}), 422);
      expect(refused.message).toMatch(/is not a step of the FIRE action plan/);
    }
    await expectStatus(
      call(operator, 'POST', `/cases/${caseId}/steps/${w.plan.steps[0]!.id}/tick`, { note: 'x'.repeat(501) }),
      400,
    );
    expect(await stateOf(caseId)).toEqual(before);
  });
});

// ---- notes -----------------------------------------------------------------------------------

describe('POST /cases/:id/notes', () => {
  it('lets the holder and any supervisor add a note, but not another operator', async () => {
    const w = await world();
    const caseId = await openCase(w.account);
    await hold(caseId, userIds.other);
    const own = await expectStatus<CaseNote>(
      call(otherOperator, 'POST', `/cases/${caseId}/notes`, { text: 'Customer says: cleaning staff' }),
      201,
    );
    expect(own.by).toEqual({ userId: userIds.other, name: 'Olle Operator' });
    const bySupervisor = await expectStatus<CaseNote>(
      call(supervisor, 'POST', `/cases/${caseId}/notes`, { text: 'Follow up tomorrow' }),
      201,
    );
    expect(bySupervisor).toMatchObject({ text: 'Follow up tomorrow', by: { userId: userIds.supervisor } });

    const before = await stateOf(caseId);
    const refused = await expectStatus(call(operator, 'POST', `/cases/${caseId}/notes`, { text: 'Not mine' }), 409);
    expect(refused.message).toMatch(/is held by Olle Operator/);
    await expectStatus(call(supervisor, 'POST', `/cases/${caseId}/notes`, { text: '' }), 400);
    expect(await stateOf(caseId)).toEqual(before);

    const d = await detail(caseId, supervisor);
    expect(d.notes.map((n) => [n.text, n.by.name])).toEqual([
      ['Customer says: cleaning staff', 'Olle Operator'],
      ['Follow up tomorrow', 'Demo Supervisor'],
    ]);
    expect(d.history.filter((h) => h.type === 'NOTE_ADDED').map((h) => h.by?.userId)).toEqual([
      userIds.other,
      userIds.supervisor,
    ]);
  });
});

// ---- who may write ---------------------------------------------------------------------------

describe('only the holder', () => {
  it('answers 409 to another operator for attempts, ticks and close, and for a case nobody took', async () => {
    const w = await world();
    const held = await openCase(w.account, 'FA');
    const waiting = await openCase(w.account, 'BA');
    await hold(held, userIds.other);
    const step = w.plan.steps[0]!.id;
    const beforeHeld = await stateOf(held);
    const beforeWaiting = await stateOf(waiting);
    for (const id of [held, waiting]) {
      const message = id === held ? /is held by Olle Operator/ : /is not taken/;
      expect((await expectStatus(call(operator, 'POST', `/cases/${id}/attempts`, attemptBody()), 409)).message).toMatch(
        message,
      );
      expect((await expectStatus(call(operator, 'POST', `/cases/${id}/steps/${step}/tick`, {}), 409)).message).toMatch(
        message,
      );
      expect(
        (
          await expectStatus(
            call(operator, 'POST', `/cases/${id}/close`, { result: 'TEST', openStepsReason: 'testing' }),
            409,
          )
        ).message,
      ).toMatch(message);
    }
    // A supervisor is not the holder either, for anything but a note.
    await expectStatus(call(supervisor, 'POST', `/cases/${held}/attempts`, attemptBody()), 409);
    expect(await stateOf(held)).toEqual(beforeHeld);
    expect(await stateOf(waiting)).toEqual(beforeWaiting);
  });
});

// ---- close -----------------------------------------------------------------------------------

describe('POST /cases/:id/close', () => {
  it('refuses to close with open mandatory steps and no reason, closes with one', async () => {
    const w = await world();
    const caseId = await openCase(w.account);
    await hold(caseId, userIds.operator);
    await expectStatus(call(operator, 'POST', `/cases/${caseId}/steps/${w.plan.steps[0]!.id}/tick`, {}), 200);
    const before = await stateOf(caseId);
    const blocked = await expectStatus(
      call(operator, 'POST', `/cases/${caseId}/close`, { result: 'FALSE_ALARM_USER_ERROR' }),
      422,
    );
    expect(blocked.message).toBe(
      `2 mandatory steps are not done: 2. Call on-call ${w.roster.name}; 4. Check the gate camera; ` +
        'give a reason to close anyway',
    );
    await expectStatus(call(operator, 'POST', `/cases/${caseId}/close`, { result: 'NOT_A_RESULT' }), 400);
    expect(await stateOf(caseId)).toEqual(before);

    const closed = await expectStatus<CaseDetail>(
      call(operator, 'POST', `/cases/${caseId}/close`, {
        result: 'FALSE_ALARM_USER_ERROR',
        note: 'Burnt toast',
        openStepsReason: 'Owner on site confirmed, no need to call on-call',
      }),
      200,
    );
    expect(closed.summary).toMatchObject({ id: caseId, status: 'CLOSED' });
    expect(closed.result).toEqual({
      code: 'FALSE_ALARM_USER_ERROR',
      note: 'Burnt toast',
      openStepsReason: 'Owner on site confirmed, no need to call on-call',
      by: { userId: userIds.operator, name: 'Demo Operator' },
    });
    const [row] = await sql(
      `SELECT status, held_by_user_id, closed_by_user_id, result, result_note, open_steps_reason,
              closed_at IS NOT NULL AS closed
         FROM cases WHERE id = $1`,
      [caseId],
    );
    expect(row).toEqual({
      status: 'CLOSED',
      held_by_user_id: null,
      closed_by_user_id: userIds.operator,
      result: 'FALSE_ALARM_USER_ERROR',
      result_note: 'Burnt toast',
      open_steps_reason: 'Owner on site confirmed, no need to call on-call',
      closed: true,
    });
    const holds = await sql(
      `SELECT user_id, ended_at IS NOT NULL AS ended, end_reason FROM case_holds WHERE case_id = $1`,
      [caseId],
    );
    expect(holds).toEqual([{ user_id: userIds.operator, ended: true, end_reason: 'CLOSED' }]);
    expect(closed.holds).toEqual([
      {
        by: { userId: userIds.operator, name: 'Demo Operator' },
        from: expect.any(String),
        to: expect.any(String),
        endReason: 'CLOSED',
      },
    ]);
    const last = closed.history.at(-1)!;
    expect(last).toMatchObject({ type: 'CLOSED', by: { userId: userIds.operator } });
    expect(last.data).toMatchObject({ result: 'FALSE_ALARM_USER_ERROR', openSteps: expect.any(Array) });

    // Closed: nothing more is recorded by the former holder; it is no longer theirs.
    const refused = await expectStatus<ApiError>(
      call(operator, 'POST', `/cases/${caseId}/attempts`, attemptBody()),
      409,
    );
    // The console words it from the key in the user's language; the English message is for logs.
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: `Case ${closed.summary.caseNo} is closed`,
      messageKey: 'caseClosed',
      params: { caseNo: closed.summary.caseNo },
    });
    const mine = await expectStatus<CaseSummary[]>(call(operator, 'GET', '/cases/mine'), 200);
    expect(mine.map((c) => c.id)).not.toContain(caseId);
  });

  it('closes without a reason when every mandatory step is ticked', async () => {
    const w = await world();
    const caseId = await openCase(w.account);
    await hold(caseId, userIds.operator);
    for (const step of w.plan.steps.filter((s) => s.mandatory)) {
      await expectStatus(call(operator, 'POST', `/cases/${caseId}/steps/${step.id}/tick`, {}), 200);
    }
    const closed = await expectStatus<CaseDetail>(
      call(operator, 'POST', `/cases/${caseId}/close`, { result: 'REAL_ALARM' }),
      200,
    );
    expect(closed.result).toMatchObject({ code: 'REAL_ALARM', note: null, openStepsReason: null });
    expect(closed.steps?.filter((s) => s.ticked).map((s) => s.position)).toEqual([1, 2, 4]);
  });

  it('never closes a hold-up alarm as cancelled by a caller', async () => {
    const w = await world();
    const caseId = await openCase(w.account, 'PA');
    await hold(caseId, userIds.operator);
    const before = await stateOf(caseId);
    const refused = await expectStatus(
      call(operator, 'POST', `/cases/${caseId}/close`, { result: 'CANCELLED_BY_CALLER', openStepsReason: 'x' }),
      422,
    );
    expect(refused.message).toBe('a hold-up alarm cannot be closed as cancelled by a caller');
    expect(await stateOf(caseId)).toEqual(before);
    // A real result closes it.
    const closed = await expectStatus<CaseDetail>(
      call(operator, 'POST', `/cases/${caseId}/close`, { result: 'REAL_ALARM' }),
      200,
    );
    expect(closed.summary.status).toBe('CLOSED');
  });

  it('stores the times in order: received, queued, accepted, first contact, closed', async () => {
    const w = await world();
    const caseId = await openCase(w.account);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await hold(caseId, userIds.operator);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expectStatus(call(operator, 'POST', `/cases/${caseId}/attempts`, attemptBody({ outcome: 'ANSWERED' })), 201);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const closed = await expectStatus<CaseDetail>(
      call(operator, 'POST', `/cases/${caseId}/close`, { result: 'TEST', openStepsReason: 'Test call' }),
      200,
    );
    const t = closed.times;
    const times = [t.signalReceivedAt, t.queuedAt, t.acceptedAt, t.firstContactAt, t.closedAt];
    expect(times.every((x) => x !== null)).toBe(true);
    const ms = times.map((x) => Date.parse(x!));
    expect([...ms].sort((a, b) => a - b)).toEqual(ms);
    // Each step after the signal was really later (the case was not closed in the same instant).
    expect(ms[4]!).toBeGreaterThan(ms[3]!);
    expect(ms[3]!).toBeGreaterThan(ms[2]!);
    expect(t.firstPresentedAt).not.toBeNull();
  });
});

describe('OpenAPI document', () => {
  it('lists the case screen routes with their schemas', async () => {
    const answer = await call<{
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
    }>(null, 'GET', '/openapi.json');
    expect(answer.status).toBe(200);
    const { paths } = answer.body;
    const expected: [string, string, string][] = [
      ['/cases/mine', 'get', '200'],
      ['/cases/{id}', 'get', '200'],
      ['/cases/{id}/attempts', 'post', '201'],
      ['/cases/{id}/steps/{stepId}/tick', 'post', '200'],
      ['/cases/{id}/notes', 'post', '201'],
      ['/cases/{id}/close', 'post', '200'],
    ];
    for (const [path, method, status] of expected) {
      expect(paths[path]?.[method]?.responses[status], `${method} ${path} ${status}`).toBeDefined();
    }
    expect(JSON.stringify(paths['/cases/{id}/close']!.post!.requestBody)).toContain('openStepsReason');
    const detail = JSON.stringify(paths['/cases/{id}']!.get!.responses['200']);
    for (const field of ['signalReceivedAt', 'earlierCases', 'ticked', 'openStepsReason', 'endReason'])
      expect(detail).toContain(field);
  });
});
