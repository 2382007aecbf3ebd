import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CaseSummary } from '@arc/shared/case';
import {
  type IntakeCall,
  type ManagerMessage,
  type ManagerMessageEntry,
  type SiteStatus,
  type VerificationAttempt,
  type VerificationOutcome,
} from '@arc/shared/intake';
import { type BlockWindow, type ServiceMode } from '@arc/shared/rules';
import { type IngestSignalResponse } from '@arc/shared/signal';
import { SOCKET_EVENTS } from '@arc/shared/socket-events';
import { hashPassword } from '../src/common/auth/password.js';
import { TestEnvironment, nextEvent, expectStatus, onCaseChange } from './support/test-app.js';

/**
 * Phone intake through the REST API on real PostgreSQL and Redis: calls, caller verification
 * (lockout included) and the actions a verified caller may ask for. Directory rows are written
 * with SQL so each test reads as its own small world. The server logs at debug level here, and
 * everything it writes to stdout is captured, to show that no password ever reaches a log.
 */

// No console keeps SQL-made holds alive: keep them from being returned to the queue.
const env = new TestEnvironment({ CASE_RETURN_SECONDS: '3600', LOG_LEVEL: 'debug' });
let admin: string;
let operator: string;
let supervisor: string;
let otherOperator: string;
const userIds = { operator: '', other: '', supervisor: '' };

/** The passwords callers say; they must never come back in a body, a log line or a row. */
const RIGHT = 'Tulpan-Korrekt-4711';
const WRONG = 'Gissning-Fel-0815';

/** Everything the server wrote to stdout (pino), and every response body. */
const logged: string[] = [];
const bodies: string[] = [];

/** Every answer's raw text is kept: no password may ever appear in one. */
async function call<T = { message: string }>(token: string | null, method: string, path: string, body?: unknown) {
  const answer = await env.call<T>(token, method, path, body);
  bodies.push(answer.text);
  return answer;
}

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return env.query<T>(text, params);
}

// ---- a small world per test ------------------------------------------------------------------

let serial = 0;
const nextAccount = () =>
  `D${(Date.now() % 0xfffff).toString(16).toUpperCase()}${(serial += 1).toString(16).toUpperCase()}`;

/** A site (optionally under a contract) with one transmitter of the given input category. */
async function site(
  options: { inputCategory?: string | null; contractId?: string | null } = {},
): Promise<{ siteId: string; transmitterId: string; account: string }> {
  const account = nextAccount();
  const created = await env.createSite(account, `Site ${account}`);
  await sql(`UPDATE transmitters SET input_category = $2 WHERE id = $1`, [
    created.transmitterId,
    options.inputCategory ?? null,
  ]);
  if (options.contractId) {
    await sql(`UPDATE sites SET contract_id = $2 WHERE id = $1`, [created.siteId, options.contractId]);
  }
  return { ...created, account };
}

async function transmitterOn(siteId: string, inputCategory: string | null): Promise<{ id: string; account: string }> {
  const account = nextAccount();
  const [row] = await sql<{ id: string }>(
    `INSERT INTO transmitters (account, site_id, input_category) VALUES ($1, $2, $3) RETURNING id`,
    [account, siteId, inputCategory],
  );
  return { id: row!.id, account };
}

async function list(siteIds: string[]): Promise<string> {
  const [row] = await sql<{ id: string }>(`INSERT INTO authorization_lists (name) VALUES ($1) RETURNING id`, [
    `List ${(serial += 1)}`,
  ]);
  for (const siteId of siteIds) {
    await sql(`INSERT INTO authorization_list_sites (list_id, site_id) VALUES ($1, $2)`, [row!.id, siteId]);
  }
  return row!.id;
}

let rightHash: Promise<string> | undefined;

/** A person with the password RIGHT, or none. */
async function person(
  listId: string,
  name: string,
  level: 'A' | 'B' | 'C',
  options: { password?: boolean } = {},
): Promise<string> {
  rightHash ??= hashPassword(RIGHT);
  const [row] = await sql<{ id: string }>(
    `INSERT INTO persons (list_id, name, phone, level, password_hash) VALUES ($1, $2, '+46701234567', $3, $4)
     RETURNING id`,
    [listId, name, level, options.password === false ? null : await rightHash],
  );
  return row!.id;
}

/** A service company servicing the sites; its installers are persons on its own list. */
async function company(siteIds: string[]): Promise<{ companyId: string; listId: string; name: string }> {
  const name = `Larmservice ${(serial += 1)}`;
  const [sc] = await sql<{ id: string }>(`INSERT INTO service_companies (name) VALUES ($1) RETURNING id`, [name]);
  const [l] = await sql<{ id: string }>(
    `INSERT INTO authorization_lists (name, service_company_id) VALUES ('Installers', $1) RETURNING id`,
    [sc!.id],
  );
  for (const siteId of siteIds) {
    await sql(`INSERT INTO service_company_sites (service_company_id, site_id) VALUES ($1, $2)`, [sc!.id, siteId]);
  }
  return { companyId: sc!.id, listId: l!.id, name };
}

async function approval(companyId: string, kind: 'POLICE_INTRUSION' | 'FIRE_CERTIFICATE'): Promise<void> {
  await sql(`INSERT INTO approvals (service_company_id, kind, reference) VALUES ($1, $2, 'REF-1')`, [companyId, kind]);
}

async function contract(): Promise<string> {
  const n = (serial += 1);
  const [customer] = await sql<{ id: string }>(
    `INSERT INTO customers (customer_no, name) VALUES ($1, 'Kund AB') RETURNING id`,
    [`KI-${n}-${Date.now() % 100000}`],
  );
  const [row] = await sql<{ id: string }>(
    `INSERT INTO contracts (contract_no, customer_id, manager_name, yearly_event_quota, start_date, term_months)
     VALUES ($1, $2, 'Eva Ek', 100, '2024-01-01', 36) RETURNING id`,
    [`AI-${n}-${Date.now() % 100000}`, customer!.id],
  );
  return row!.id;
}

async function signal(account: string, code: string): Promise<IngestSignalResponse> {
  const response = await env.postSignal({ account, code, zone: '1' });
  if (response.status !== 201) throw new Error(`signal: ${response.status} ${await response.text()}`);
  return (await response.json()) as IngestSignalResponse;
}

async function openCase(account: string, code: string): Promise<string> {
  const result = await signal(account, code);
  if (!result.caseId) throw new Error(`no case for ${code}: ${JSON.stringify(result)}`);
  return result.caseId;
}

/** What "take next" leaves behind: the case accepted and held, with an open hold. */
async function hold(caseId: string, userId: string): Promise<void> {
  await sql(
    `UPDATE cases SET status = 'ACCEPTED', held_by_user_id = $2, held_since = now(), held_heartbeat_at = now(),
            accepted_at = now(), version = version + 1
      WHERE id = $1`,
    [caseId, userId],
  );
  await sql(`INSERT INTO case_holds (case_id, user_id) VALUES ($1, $2)`, [caseId, userId]);
}

const startCall = (token: string, siteId: string | null = null) =>
  expectStatus<IntakeCall>(call(token, 'POST', '/intake/calls', siteId ? { siteId } : {}), 201);

const verify = (token: string, callId: string, personId: string, password: string) =>
  call<VerificationOutcome & { message: string }>(token, 'POST', `/intake/calls/${callId}/verify`, {
    personId,
    password,
  });

/** A call about the site with the person verified: the call and the verification id. */
async function verifiedCall(
  siteId: string,
  personId: string,
  token = operator,
): Promise<{ callId: string; verificationId: string }> {
  const started = await startCall(token, siteId);
  const outcome = await expectStatus(verify(token, started.id, personId, RIGHT), 200);
  expect(outcome.result).toBe('VERIFIED');
  return { callId: started.id, verificationId: outcome.verificationId! };
}

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0]!.n);

const attemptsOf = (personId: string) =>
  sql<{ result: string; locked_until: Date | null; expires_at: Date | null; operator_user_id: string }>(
    `SELECT result, locked_until, expires_at, operator_user_id FROM caller_verifications WHERE person_id = $1
      ORDER BY at, id`,
    [personId],
  );

const serviceModeBody = (verificationId: string, transmitterId: string, category: string | null = null) => ({
  verificationId,
  transmitterId,
  category,
  reason: 'Service visit',
});

/** Whole hours from now, on the hour. */
function hoursFromNow(hours: number): string {
  const t = new Date();
  t.setUTCMinutes(0, 0, 0);
  return new Date(t.getTime() + hours * 3_600_000).toISOString();
}

beforeAll(async () => {
  // pino writes to fd 1 through sonic-boom (fs.write): keep those lines for the password check.
  const write = fs.write.bind(fs) as (...args: unknown[]) => void;
  vi.spyOn(fs, 'write').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd !== 1 || (typeof data !== 'string' && !Buffer.isBuffer(data))) {
      write(fd, data, ...rest);
      return;
    }
    logged.push(String(data));
    const done = rest.find((r) => typeof r === 'function') as ((err: null, n: number) => void) | undefined;
    process.nextTick(() => done?.(null, Buffer.byteLength(data)));
  }) as unknown as typeof fs.write);

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
  userIds.operator = users.find((u) => u.username === 'operator')!.id;
  userIds.other = users.find((u) => u.username === 'operator2')!.id;
  userIds.supervisor = users.find((u) => u.username === 'supervisor')!.id;
});

afterAll(async () => {
  await env.destroy();
  vi.restoreAllMocks();
});

// ---- access ------------------------------------------------------------------------------------

describe('access', () => {
  const someId = '00000000-0000-4000-8000-000000000000';

  it('answers 401 without a token, 403 to operators on the supervisor lists, 404 for an unknown call', async () => {
    const routes: [string, string, unknown?][] = [
      ['POST', '/intake/calls', {}],
      ['GET', `/intake/calls/${someId}`],
      ['POST', `/intake/calls/${someId}/site`, { siteId: someId }],
      ['POST', `/intake/calls/${someId}/end`, { outcome: 'OTHER' }],
      ['POST', `/intake/calls/${someId}/verify`, { personId: someId, password: RIGHT }],
      ['POST', `/intake/calls/${someId}/service-mode`, {}],
      ['POST', `/intake/calls/${someId}/end-service-mode`, {}],
      ['POST', `/intake/calls/${someId}/block-window`, {}],
      ['POST', `/intake/calls/${someId}/cancel-case`, {}],
      ['GET', `/intake/calls/${someId}/status?verificationId=${someId}`],
      ['POST', `/intake/calls/${someId}/message`, {}],
      ['GET', '/intake/verifications'],
      ['GET', '/intake/calls?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z'],
    ];
    for (const [method, path, body] of routes) {
      expect({ method, path, status: (await call(null, method, path, body)).status }).toEqual({
        method,
        path,
        status: 401,
      });
    }
    expect((await call(operator, 'GET', '/intake/verifications')).status).toBe(403);
    expect(
      (await call(operator, 'GET', '/intake/calls?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')).status,
    ).toBe(403);
    expect((await call(supervisor, 'GET', '/intake/verifications?failedOnly=true&limit=5')).status).toBe(200);
    expect((await call(operator, 'GET', `/intake/calls/${someId}`)).status).toBe(404);
    expect(
      (await call(operator, 'POST', `/intake/calls/${someId}/verify`, { personId: someId, password: RIGHT })).status,
    ).toBe(404);
    expect((await call(operator, 'GET', '/intake/calls/not-an-id')).status).toBe(400);
  });
});

// ---- calls -------------------------------------------------------------------------------------

describe('calls', () => {
  it('starts, finds the site, ends with an outcome; only its operator changes it', async () => {
    const s = await site();
    const started = await startCall(operator);
    expect(started).toMatchObject({
      siteId: null,
      siteName: null,
      caller: null,
      verified: false,
      endedAt: null,
      outcome: null,
      operator: { userId: userIds.operator },
    });
    expect(Math.abs(Date.parse(started.startedAt) - Date.now())).toBeLessThan(60_000);

    // Another operator may neither change nor read it; a supervisor may read it.
    const foreign = await call(otherOperator, 'POST', `/intake/calls/${started.id}/site`, { siteId: s.siteId });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain('Only the operator who started the call');
    expect((await call(otherOperator, 'GET', `/intake/calls/${started.id}`)).status).toBe(403);
    expect((await call(supervisor, 'GET', `/intake/calls/${started.id}`)).status).toBe(200);

    // Bad input changes nothing.
    const unknownSite = await call(operator, 'POST', `/intake/calls/${started.id}/site`, {
      siteId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownSite.status).toBe(422);
    expect((await call(operator, 'POST', `/intake/calls/${started.id}/site`, { siteId: 'x' })).status).toBe(400);
    expect((await call(operator, 'POST', `/intake/calls/${started.id}/end`, { outcome: 'NOPE' })).status).toBe(400);
    expect((await call<IntakeCall>(operator, 'GET', `/intake/calls/${started.id}`)).body.siteId).toBeNull();

    const withSite = await expectStatus<IntakeCall>(
      call(operator, 'POST', `/intake/calls/${started.id}/site`, { siteId: s.siteId }),
      200,
    );
    expect(withSite).toMatchObject({ siteId: s.siteId, siteName: `Site ${s.account}` });

    const ended = await expectStatus<IntakeCall>(
      call(operator, 'POST', `/intake/calls/${started.id}/end`, {
        outcome: 'OTHER',
        note: 'Wanted the invoice address',
      }),
      200,
    );
    expect(ended.outcome).toBe('OTHER');
    expect(ended.endedAt).not.toBeNull();
    expect(ended.note).toMatch(/^\d\d:\d\d Wanted the invoice address$/);
    const again = await call(operator, 'POST', `/intake/calls/${started.id}/end`, { outcome: 'OTHER' });
    expect(again.status).toBe(409);
    expect((await call(operator, 'POST', `/intake/calls/${started.id}/site`, { siteId: s.siteId })).status).toBe(409);

    // An archived site is not monitored: no call about it.
    await sql(`UPDATE sites SET archived_at = now() WHERE id = $1`, [s.siteId]);
    expect((await call(operator, 'POST', '/intake/calls', { siteId: s.siteId })).status).toBe(422);
  });

  it('gives an operator their own calls not ended yet, newest first, so a reloaded console picks one up', async () => {
    await sql(`UPDATE intake_calls SET ended_at = now(), outcome = 'OTHER' WHERE ended_at IS NULL`);
    const older = await startCall(operator);
    const newer = await startCall(operator);
    const foreign = await startCall(otherOperator);
    const mine = await expectStatus<IntakeCall[]>(call(operator, 'GET', '/intake/calls/mine/open'), 200);
    expect(mine.map((c) => c.id)).toEqual([newer.id, older.id]);

    await expectStatus(call(operator, 'POST', `/intake/calls/${newer.id}/end`, { outcome: 'OTHER' }), 200);
    const left = await expectStatus<IntakeCall[]>(call(operator, 'GET', '/intake/calls/mine/open'), 200);
    expect(left.map((c) => c.id)).toEqual([older.id]);
    const theirs = await expectStatus<IntakeCall[]>(call(otherOperator, 'GET', '/intake/calls/mine/open'), 200);
    expect(theirs.map((c) => c.id)).toEqual([foreign.id]);
    expect((await call(null, 'GET', '/intake/calls/mine/open')).status).toBe(401);
  });

  it('lists the calls of a period for supervisors (ZR0010/ZR0020), with caller and outcome', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const s = await site({ inputCategory: 'INTRUSION' });
    const anna = await person(await list([s.siteId]), 'Anna Andersson', 'A');
    const { callId, verificationId } = await verifiedCall(s.siteId, anna);
    await expectStatus(call(operator, 'GET', `/intake/calls/${callId}/status?verificationId=${verificationId}`), 200);
    await expectStatus(call(operator, 'POST', `/intake/calls/${callId}/end`, { outcome: 'STATUS_GIVEN' }), 200);
    const to = new Date(Date.now() + 1000).toISOString();

    const calls = await expectStatus<IntakeCall[]>(
      call(supervisor, 'GET', `/intake/calls?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
      200,
    );
    const mine = calls.find((c) => c.id === callId);
    expect(mine).toMatchObject({
      siteId: s.siteId,
      caller: { personId: anna, name: 'Anna Andersson', level: 'A' },
      verified: true,
      outcome: 'STATUS_GIVEN',
    });
    expect(mine!.endedAt).not.toBeNull();
    expect(mine!.note).toContain('Status given to Anna Andersson (level A)');
    // Ordered by start; to must be after from.
    expect(calls.map((c) => c.startedAt)).toEqual([...calls.map((c) => c.startedAt)].sort());
    expect(
      (await call(supervisor, 'GET', `/intake/calls?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`))
        .status,
    ).toBe(400);
    expect((await call(supervisor, 'GET', '/intake/calls')).status).toBe(400);
  });

  it('clears a caller verified for another site when the site is corrected', async () => {
    const a = await site({ inputCategory: 'INTRUSION' });
    const b = await site({ inputCategory: 'INTRUSION' });
    const anna = await person(await list([a.siteId, b.siteId]), 'Anna Bäck', 'A');
    const { callId, verificationId } = await verifiedCall(a.siteId, anna);
    const moved = await expectStatus<IntakeCall>(
      call(operator, 'POST', `/intake/calls/${callId}/site`, { siteId: b.siteId }),
      200,
    );
    expect(moved).toMatchObject({ siteId: b.siteId, caller: null, verified: false });
    const refused = await call(
      operator,
      'POST',
      `/intake/calls/${callId}/service-mode`,
      serviceModeBody(verificationId, b.transmitterId),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('verification is for another site');
  });
});

// ---- verification ------------------------------------------------------------------------------

describe('verify the caller', () => {
  it('verifies the right password: a verification id for 10 minutes, the level and the actions per category', async () => {
    const s = await site({ inputCategory: 'FIRE' });
    await transmitterOn(s.siteId, 'INTRUSION');
    const bo = await person(await list([s.siteId]), 'Bo Berg', 'B');
    const started = await startCall(operator, s.siteId);

    const outcome = await expectStatus(verify(operator, started.id, bo, RIGHT), 200);
    expect(outcome).toMatchObject({
      result: 'VERIFIED',
      // The message again as a catalogue text (errors.verification) for the console.
      messageKey: 'verified',
      params: { name: 'Bo Berg', level: 'B', siteName: expect.any(String), until: expect.any(String) },
      person: { id: bo, name: 'Bo Berg', level: 'B', installerOf: null },
      failedAttempts: 0,
      lockedUntil: null,
    });
    expect(Math.abs(Date.parse(outcome.expiresAt!) - (Date.now() + 10 * 60_000))).toBeLessThan(60_000);
    expect(outcome.actions.map((a) => a.category)).toEqual(['FIRE', 'INTRUSION']);
    expect(outcome.actions[0]!.allowed).toEqual(expect.arrayContaining(['SERVICE_MODE', 'BLOCK_WINDOW', 'STATUS']));
    expect(outcome.actions[0]!.refused).toEqual([
      {
        action: 'CHANGE_DIRECTORY',
        reason: 'level B may not change contacts, passwords, levels or the action plan; it needs level A',
        // The same reason for the console to word in the user's language.
        reasonKey: 'authority:intake.levelDirectory',
        reasonParams: { level: 'B' },
      },
    ]);

    const [row] = await sql<{ id: string; result: string; site_id: string; call_id: string; operator_user_id: string }>(
      `SELECT id, result, site_id, call_id, operator_user_id FROM caller_verifications WHERE person_id = $1`,
      [bo],
    );
    expect(row).toEqual({
      id: outcome.verificationId,
      result: 'VERIFIED',
      site_id: s.siteId,
      call_id: started.id,
      operator_user_id: userIds.operator,
    });
    const after = await expectStatus<IntakeCall>(call(operator, 'GET', `/intake/calls/${started.id}`), 200);
    expect(after).toMatchObject({ caller: { personId: bo, name: 'Bo Berg', level: 'B' }, verified: true });
  });

  it('answers WRONG_PASSWORD, NO_PASSWORD and NOT_AUTHORIZED, records each, and verifies nobody', async () => {
    const s = await site({ inputCategory: 'INTRUSION' });
    const other = await site();
    const siteList = await list([s.siteId]);
    const cia = await person(siteList, 'Cia Carlsson', 'C');
    const noPassword = await person(siteList, 'Nils Nolösen', 'A', { password: false });
    const stranger = await person(await list([other.siteId]), 'Sven Främling', 'A');
    const started = await startCall(operator, s.siteId);

    const wrong = await expectStatus(verify(operator, started.id, cia, WRONG), 200);
    expect(wrong).toMatchObject({
      result: 'WRONG_PASSWORD',
      verificationId: null,
      expiresAt: null,
      person: null,
      actions: [],
      failedAttempts: 1,
      lockedUntil: null,
    });
    expect(wrong.message).toBe('Wrong password (1 of 5 allowed within 15 minutes)');

    const none = await expectStatus(verify(operator, started.id, noPassword, RIGHT), 200);
    expect(none).toMatchObject({ result: 'NO_PASSWORD', verificationId: null });
    expect(none.message).toContain('has no authority password');

    const notListed = await expectStatus(verify(operator, started.id, stranger, RIGHT), 200);
    expect(notListed).toMatchObject({ result: 'NOT_AUTHORIZED', verificationId: null });
    expect(notListed.message).toBe('Sven Främling is not on an authorization list of this site');

    expect((await attemptsOf(cia)).map((a) => a.result)).toEqual(['WRONG_PASSWORD']);
    expect((await attemptsOf(noPassword)).map((a) => a.result)).toEqual(['NO_PASSWORD']);
    expect((await attemptsOf(stranger)).map((a) => a.result)).toEqual(['NOT_AUTHORIZED']);
    const after = await expectStatus<IntakeCall>(call(operator, 'GET', `/intake/calls/${started.id}`), 200);
    expect(after).toMatchObject({ caller: null, verified: false });
  });

  it('refuses bad input without recording anything', async () => {
    const s = await site();
    const anna = await person(await list([s.siteId]), 'Anna Ström', 'A');
    const noSite = await startCall(operator);
    const refused = await verify(operator, noSite.id, anna, RIGHT);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('find the site');

    const started = await startCall(operator, s.siteId);
    const nobody = await verify(operator, started.id, '00000000-0000-4000-8000-000000000000', RIGHT);
    expect(nobody.status).toBe(422);
    expect(nobody.body.message).toMatch(/^personId: person .* does not exist$/);
    expect((await call(operator, 'POST', `/intake/calls/${started.id}/verify`, { personId: anna })).status).toBe(400);
    expect(
      (await call(operator, 'POST', `/intake/calls/${started.id}/verify`, { personId: anna, password: '' })).status,
    ).toBe(400);
    expect(
      (
        await call(operator, 'POST', `/intake/calls/${started.id}/verify`, {
          personId: anna,
          password: RIGHT,
          level: 'A',
        })
      ).status,
    ).toBe(400);
    // Only the call's operator verifies in it.
    expect((await verify(otherOperator, started.id, anna, RIGHT)).status).toBe(403);
    expect(await attemptsOf(anna)).toEqual([]);
  });

  it('verifies an installer of a service company of the site, whose approvals decide what they may ask', async () => {
    const s = await site({ inputCategory: 'INTRUSION' });
    const fire = await transmitterOn(s.siteId, 'FIRE');
    const firm = await company([s.siteId]);
    const ivan = await person(firm.listId, 'Ivan Installatör', 'A');
    const elsewhere = await company([]);
    const outsider = await person(elsewhere.listId, 'Olof Utanför', 'A');

    const started = await startCall(operator, s.siteId);
    const outcome = await expectStatus(verify(operator, started.id, ivan, RIGHT), 200);
    expect(outcome).toMatchObject({
      result: 'VERIFIED',
      person: { id: ivan, name: 'Ivan Installatör', level: 'A', installerOf: firm.name },
    });
    const intrusion = outcome.actions.find((a) => a.category === 'INTRUSION')!;
    expect(intrusion.allowed).toEqual(['STATUS', 'MESSAGE']);
    expect(intrusion.refused).toContainEqual({
      action: 'SERVICE_MODE',
      reason: 'an installer needs a valid police approval for intrusion and hold-up',
      reasonKey: 'authority:intake.installerPoliceApproval',
      reasonParams: {},
    });

    // Without the approval the server refuses too, and nothing is stored.
    const refused = await call(
      operator,
      'POST',
      `/intake/calls/${started.id}/service-mode`,
      serviceModeBody(outcome.verificationId!, s.transmitterId),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('an installer needs a valid police approval for intrusion and hold-up');
    expect(await count('service_modes', 'transmitter_id = $1', [s.transmitterId])).toBe(0);

    // With the police approval the intrusion transmitter may be silenced, the fire one still not.
    await approval(firm.companyId, 'POLICE_INTRUSION');
    const mode = await expectStatus<ServiceMode>(
      call(
        operator,
        'POST',
        `/intake/calls/${started.id}/service-mode`,
        serviceModeBody(outcome.verificationId!, s.transmitterId),
      ),
      201,
    );
    expect(mode.requestedBy).toEqual({ personId: ivan, name: 'Ivan Installatör', level: 'A' });
    const noCertificate = await call(
      operator,
      'POST',
      `/intake/calls/${started.id}/service-mode`,
      serviceModeBody(outcome.verificationId!, fire.id),
    );
    expect(noCertificate.status).toBe(422);
    expect(noCertificate.body.message).toContain('an installer needs a valid fire certificate for fire');

    // An installer of a company that does not service the site may not speak for it.
    const notHere = await expectStatus(verify(operator, started.id, outsider, RIGHT), 200);
    expect(notHere.result).toBe('NOT_AUTHORIZED');
  });

  it(`locks a person after 5 wrong passwords within 15 minutes, even against the right one, and unlocks after the lock`, async () => {
    const s = await site({ inputCategory: 'INTRUSION' });
    const siteList = await list([s.siteId]);
    const dan = await person(siteList, 'Dan Dahl', 'B');
    const eva = await person(siteList, 'Eva Ek', 'B');
    const started = await startCall(operator, s.siteId);

    for (let i = 1; i <= 4; i += 1) {
      const answer = await expectStatus(verify(operator, started.id, dan, WRONG), 200);
      expect(answer).toMatchObject({ result: 'WRONG_PASSWORD', failedAttempts: i, lockedUntil: null });
    }
    const fifth = await expectStatus(verify(operator, started.id, dan, WRONG), 200);
    expect(fifth).toMatchObject({ result: 'LOCKED', failedAttempts: 5, verificationId: null });
    expect(Math.abs(Date.parse(fifth.lockedUntil!) - (Date.now() + 15 * 60_000))).toBeLessThan(60_000);
    expect(fifth.message).toContain('Dan Dahl is locked until');

    const sixth = await expectStatus(verify(operator, started.id, dan, RIGHT), 200);
    expect(sixth).toMatchObject({ result: 'LOCKED', verificationId: null, lockedUntil: fifth.lockedUntil });
    expect(sixth.message).toContain('the password was not checked');
    // The lock is the person's, whichever operator or call asks.
    const elsewhere = await startCall(otherOperator, s.siteId);
    expect((await expectStatus(verify(otherOperator, elsewhere.id, dan, RIGHT), 200)).result).toBe('LOCKED');
    // Another person is not locked.
    expect((await expectStatus(verify(operator, started.id, eva, RIGHT), 200)).result).toBe('VERIFIED');

    const attempts = await attemptsOf(dan);
    expect(attempts.map((a) => a.result)).toEqual([
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'LOCKED',
      'LOCKED',
    ]);
    expect(attempts[4]!.locked_until!.toISOString()).toBe(fifth.lockedUntil);
    expect(attempts.every((a) => a.expires_at === null)).toBe(true);

    // 16 minutes later the lock is over.
    await sql(
      `UPDATE caller_verifications SET at = at - interval '16 minutes', locked_until = locked_until - interval '16 minutes'
        WHERE person_id = $1`,
      [dan],
    );
    const unlocked = await expectStatus(verify(operator, started.id, dan, RIGHT), 200);
    expect(unlocked).toMatchObject({ result: 'VERIFIED', failedAttempts: 0 });
  });

  it('counts only failures within the window and since the last success', async () => {
    const s = await site({ inputCategory: 'INTRUSION' });
    const fia = await person(await list([s.siteId]), 'Fia Fors', 'B');
    const started = await startCall(operator, s.siteId);
    for (let i = 0; i < 3; i += 1) await verify(operator, started.id, fia, WRONG);
    // Two of them fall out of the 15-minute window.
    await sql(
      `UPDATE caller_verifications SET at = at - interval '20 minutes'
        WHERE id IN (SELECT id FROM caller_verifications WHERE person_id = $1 ORDER BY at LIMIT 2)`,
      [fia],
    );
    expect((await expectStatus(verify(operator, started.id, fia, WRONG), 200)).failedAttempts).toBe(2);
    expect((await expectStatus(verify(operator, started.id, fia, RIGHT), 200)).result).toBe('VERIFIED');
    expect((await expectStatus(verify(operator, started.id, fia, WRONG), 200)).failedAttempts).toBe(1);
  });

  it('pushes failed attempts live to supervisors (not to operators) and lists them', async () => {
    const s = await site({ inputCategory: 'INTRUSION' });
    const gun = await person(await list([s.siteId]), 'Gun Grön', 'C');
    const started = await startCall(operator, s.siteId);
    const watcher = env.socket(supervisor);
    const operatorSocket = env.socket(operator);
    const seenByOperator: unknown[] = [];
    operatorSocket.on(SOCKET_EVENTS.verificationFailed, (a) => seenByOperator.push(a));
    try {
      await Promise.all([
        nextEvent(watcher, SOCKET_EVENTS.supervisorSnapshot),
        nextEvent(operatorSocket, SOCKET_EVENTS.queueSnapshot),
      ]);
      const pushed = nextEvent<VerificationAttempt>(watcher, SOCKET_EVENTS.verificationFailed);
      const answer = await expectStatus(verify(operator, started.id, gun, WRONG), 200);
      expect(answer.result).toBe('WRONG_PASSWORD');
      const attempt = await pushed;
      expect(attempt).toMatchObject({
        operator: { userId: userIds.operator },
        person: { id: gun, name: 'Gun Grön' },
        siteId: s.siteId,
        siteName: `Site ${s.account}`,
        result: 'WRONG_PASSWORD',
        lockedUntil: null,
      });
      // A success is not pushed; the next failure is.
      const next = nextEvent<VerificationAttempt>(watcher, SOCKET_EVENTS.verificationFailed);
      await expectStatus(verify(operator, started.id, gun, RIGHT), 200);
      const stranger = await person(await list([]), 'Sten Sten', 'A');
      await expectStatus(verify(operator, started.id, stranger, RIGHT), 200);
      expect(await next).toMatchObject({ person: { id: stranger }, result: 'NOT_AUTHORIZED' });
      expect(seenByOperator).toEqual([]);

      const listed = await expectStatus<VerificationAttempt[]>(
        call(supervisor, 'GET', '/intake/verifications?failedOnly=true&limit=2'),
        200,
      );
      expect(listed.map((a) => a.id)).toEqual([(await next).id, attempt.id]);
      const all = await expectStatus<VerificationAttempt[]>(call(admin, 'GET', '/intake/verifications?limit=3'), 200);
      expect(all.map((a) => a.result)).toEqual(['NOT_AUTHORIZED', 'VERIFIED', 'WRONG_PASSWORD']);
    } finally {
      watcher.disconnect();
      operatorSocket.disconnect();
    }
  });
});

// ---- actions -----------------------------------------------------------------------------------

describe('actions need a fresh verification of this operator, call and site', () => {
  it('refuses without one, with a failed, expired, foreign or other-site one, and changes nothing', async () => {
    const s = await site({ inputCategory: 'INTRUSION' });
    const other = await site({ inputCategory: 'INTRUSION' });
    const siteList = await list([s.siteId, other.siteId]);
    const hans = await person(siteList, 'Hans Holm', 'A');
    const { callId, verificationId } = await verifiedCall(s.siteId, hans);
    const path = `/intake/calls/${callId}/service-mode`;
    const modes = () =>
      count('service_modes', 'transmitter_id = ANY($1::uuid[])', [[s.transmitterId, other.transmitterId]]);

    // Without a verification id: 400; with an unknown or failed one: 403.
    expect((await call(operator, 'POST', path, { transmitterId: s.transmitterId, reason: 'x' })).status).toBe(400);
    const unknown = await call(
      operator,
      'POST',
      path,
      serviceModeBody('00000000-0000-4000-8000-000000000000', s.transmitterId),
    );
    expect(unknown.status).toBe(403);
    expect(unknown.body.message).toContain('does not exist');
    const failed = await expectStatus(verify(operator, callId, hans, WRONG), 200);
    const [failedRow] = await sql<{ id: string }>(
      `SELECT id FROM caller_verifications WHERE person_id = $1 AND result = 'WRONG_PASSWORD'`,
      [hans],
    );
    expect(failed.verificationId).toBeNull();
    const notVerified = await call(operator, 'POST', path, serviceModeBody(failedRow!.id, s.transmitterId));
    expect(notVerified.status).toBe(403);
    expect(notVerified.body.message).toContain('not verified');

    // For another site.
    const otherSite = await call(operator, 'POST', path, serviceModeBody(verificationId, other.transmitterId));
    expect(otherSite.status).toBe(403);
    expect(otherSite.body.message).toContain('verification is for another site');

    // By another operator: in their own call, and in this one.
    const theirs = await startCall(otherOperator, s.siteId);
    const foreign = await call(
      otherOperator,
      'POST',
      `/intake/calls/${theirs.id}/service-mode`,
      serviceModeBody(verificationId, s.transmitterId),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain('made by another operator');
    const notTheirCall = await call(otherOperator, 'POST', path, serviceModeBody(verificationId, s.transmitterId));
    expect(notTheirCall.status).toBe(403);
    expect(notTheirCall.body.message).toContain('Only the operator who started the call');

    // From another call of the same operator.
    const second = await startCall(operator, s.siteId);
    const otherCall = await call(
      operator,
      'POST',
      `/intake/calls/${second.id}/service-mode`,
      serviceModeBody(verificationId, s.transmitterId),
    );
    expect(otherCall.status).toBe(403);
    expect(otherCall.body.message).toContain('another call');

    // Expired.
    await sql(`UPDATE caller_verifications SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      verificationId,
    ]);
    const expired = await call(operator, 'POST', path, serviceModeBody(verificationId, s.transmitterId));
    expect(expired.status).toBe(403);
    expect(expired.body.message).toContain('verification expired');
    for (const denied of [
      call(operator, 'GET', `/intake/calls/${callId}/status?verificationId=${verificationId}`),
      call(operator, 'POST', `/intake/calls/${callId}/message`, { verificationId, text: 'Hello' }),
    ]) {
      expect((await denied).status).toBe(403);
    }

    expect(await modes()).toBe(0);
    expect(await count('manager_messages', 'call_id = $1', [callId])).toBe(0);
    const record = await expectStatus<IntakeCall>(call(operator, 'GET', `/intake/calls/${callId}`), 200);
    expect(record).toMatchObject({ outcome: null, note: null });

    // A person removed from the site's list after the verification no longer acts for it.
    const fresh = await expectStatus(verify(operator, callId, hans, RIGHT), 200);
    await sql(`DELETE FROM authorization_list_sites WHERE list_id = $1 AND site_id = $2`, [siteList, s.siteId]);
    const removed = await call(operator, 'POST', path, serviceModeBody(fresh.verificationId!, s.transmitterId));
    expect(removed.status).toBe(403);
    expect(removed.body.message).toContain('is not on an authorization list of this site any more');
  });
});

describe('service modes and block windows by phone', () => {
  it('lets level B put a fire transmitter in service mode and end it, with the same rules and records', async () => {
    const s = await site({ inputCategory: 'FIRE' });
    const bo = await person(await list([s.siteId]), 'Bo Brand', 'B');
    const { callId, verificationId } = await verifiedCall(s.siteId, bo);
    const auditBefore = await count('audit_log', `entity = 'service_mode'`);

    const tooLong = await call(operator, 'POST', `/intake/calls/${callId}/service-mode`, {
      ...serviceModeBody(verificationId, s.transmitterId, 'FIRE'),
      durationMinutes: 7 * 24 * 60,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.message).toContain('The duration must be at most 12 hours (720 minutes)');

    const mode = await expectStatus<ServiceMode>(
      call(operator, 'POST', `/intake/calls/${callId}/service-mode`, {
        ...serviceModeBody(verificationId, s.transmitterId, 'FIRE'),
        durationMinutes: 60,
      }),
      201,
    );
    expect(mode).toMatchObject({
      transmitterId: s.transmitterId,
      category: 'FIRE',
      active: true,
      requestedBy: { personId: bo, name: 'Bo Brand', level: 'B' },
      setBy: { userId: userIds.operator },
    });
    expect(Date.parse(mode.endsAt) - Date.parse(mode.startsAt)).toBe(60 * 60_000);
    expect(await count('audit_log', `entity = 'service_mode'`)).toBe(auditBefore + 1);
    // One at a time, as on the plain route.
    const clash = await call(
      operator,
      'POST',
      `/intake/calls/${callId}/service-mode`,
      serviceModeBody(verificationId, s.transmitterId),
    );
    expect(clash.status).toBe(409);

    const ended = await expectStatus<ServiceMode>(
      call(operator, 'POST', `/intake/calls/${callId}/end-service-mode`, { verificationId, serviceModeId: mode.id }),
      200,
    );
    expect(ended.active).toBe(false);
    expect(ended.endedEarlyAt).not.toBeNull();
    const twice = await call(operator, 'POST', `/intake/calls/${callId}/end-service-mode`, {
      verificationId,
      serviceModeId: mode.id,
    });
    expect(twice.status).toBe(409);

    const record = await expectStatus<IntakeCall>(call(operator, 'GET', `/intake/calls/${callId}`), 200);
    expect(record.outcome).toBe('SERVICE_MODE_ENDED');
    const lines = record.note!.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\d\d:\d\d Service mode on transmitter \w+ \(FIRE\) until .* \(Europe\/Stockholm\), asked by Bo Brand \(level B\)$/,
    );
    expect(lines[1]).toContain('ended, asked by Bo Brand (level B)');
  });

  it('refuses level C a fire service mode (422 with the reason) but not an intrusion one', async () => {
    const s = await site({ inputCategory: 'FIRE' });
    const intrusion = await transmitterOn(s.siteId, 'INTRUSION');
    const undeclared = await transmitterOn(s.siteId, null);
    const cia = await person(await list([s.siteId]), 'Cia Cederlund', 'C');
    const { callId, verificationId } = await verifiedCall(s.siteId, cia);
    const path = `/intake/calls/${callId}/service-mode`;

    const fire = await call(operator, 'POST', path, serviceModeBody(verificationId, s.transmitterId));
    expect(fire.status).toBe(422);
    expect(fire.body.message).toBe(
      'Refused for Cia Cederlund (level C), FIRE: level C may not put a fire transmitter in service mode; it needs level A or B',
    );
    // A whole transmitter that may send anything covers fire too.
    expect((await call(operator, 'POST', path, serviceModeBody(verificationId, undeclared.id))).status).toBe(422);
    expect((await call(operator, 'POST', path, serviceModeBody(verificationId, undeclared.id, 'FIRE'))).status).toBe(
      422,
    );
    expect(await count('service_modes', 'transmitter_id = ANY($1::uuid[])', [[s.transmitterId, undeclared.id]])).toBe(
      0,
    );

    await expectStatus(call(operator, 'POST', path, serviceModeBody(verificationId, intrusion.id)), 201);
    await expectStatus(call(operator, 'POST', path, serviceModeBody(verificationId, undeclared.id, 'INTRUSION')), 201);
  });

  it('registers a block window on the request of level B, not of level C, for a fire transmitter', async () => {
    const s = await site({ inputCategory: 'FIRE' });
    const siteList = await list([s.siteId]);
    const bo = await person(siteList, 'Bo Block', 'B');
    const cia = await person(siteList, 'Cia Block', 'C');
    const body = (verificationId: string) => ({
      verificationId,
      transmitterId: s.transmitterId,
      startsAt: hoursFromNow(24),
      endsAt: hoursFromNow(48),
      requestDate: '2026-11-20',
      reference: 'ORDER-17',
    });

    const byC = await verifiedCall(s.siteId, cia);
    const refused = await call(operator, 'POST', `/intake/calls/${byC.callId}/block-window`, body(byC.verificationId));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('level C may not block a fire transmitter; it needs level A or B');

    const byB = await verifiedCall(s.siteId, bo);
    const backwards = await call(operator, 'POST', `/intake/calls/${byB.callId}/block-window`, {
      ...body(byB.verificationId),
      startsAt: hoursFromNow(48),
      endsAt: hoursFromNow(24),
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.message).toBe('endsAt: must be after startsAt');
    expect(await count('block_windows', 'transmitter_id = $1', [s.transmitterId])).toBe(0);

    const window = await expectStatus<BlockWindow>(
      call(operator, 'POST', `/intake/calls/${byB.callId}/block-window`, body(byB.verificationId)),
      201,
    );
    expect(window).toMatchObject({
      state: 'SCHEDULED',
      reference: 'ORDER-17',
      requestedBy: { personId: bo, name: 'Bo Block', level: 'B' },
    });
    const overlap = await call(operator, 'POST', `/intake/calls/${byB.callId}/block-window`, body(byB.verificationId));
    expect(overlap.status).toBe(409);
    const record = await expectStatus<IntakeCall>(call(operator, 'GET', `/intake/calls/${byB.callId}`), 200);
    expect(record.outcome).toBe('BLOCK_WINDOW_REGISTERED');
    expect(record.note).toContain('(ref. ORDER-17) registered, asked by Bo Block (level B)');
  });
});

describe('cancel a false alarm by phone', () => {
  it('closes a waiting intrusion case and a held one, never a hold-up case', async () => {
    const s = await site();
    const other = await site();
    const cia = await person(await list([s.siteId]), 'Cia Cancel', 'C');
    const { callId, verificationId } = await verifiedCall(s.siteId, cia);
    const path = `/intake/calls/${callId}/cancel-case`;

    const waiting = await openCase(s.account, 'BA');
    const watcher = env.socket(operator);
    try {
      await nextEvent(watcher, SOCKET_EVENTS.queueSnapshot);
      const changed = new Promise<CaseSummary>((resolve) => {
        onCaseChange(watcher, (change) => {
          if (change.summary.id === waiting && change.summary.status === 'CLOSED') resolve(change.summary);
        });
      });
      const closed = await expectStatus<CaseSummary>(
        call(operator, 'POST', path, { verificationId, caseId: waiting }),
        200,
      );
      expect(closed).toMatchObject({ id: waiting, status: 'CLOSED', heldBy: null });
      await changed;
    } finally {
      watcher.disconnect();
    }
    const [row] = await sql<{ result: string; result_note: string; closed_by_user_id: string }>(
      `SELECT result, result_note, closed_by_user_id FROM cases WHERE id = $1`,
      [waiting],
    );
    expect(row).toEqual({
      result: 'FALSE_ALARM_USER_ERROR',
      result_note: 'Cancelled by Cia Cancel (level C) by phone',
      closed_by_user_id: userIds.operator,
    });
    expect(await count('case_events', `case_id = $1 AND type = 'CLOSED'`, [waiting])).toBe(1);
    expect((await call(operator, 'POST', path, { verificationId, caseId: waiting })).status).toBe(409);

    // Held by another operator: their hold ends as CLOSED.
    const held = await openCase(s.account, 'BA');
    await hold(held, userIds.other);
    await expectStatus(
      call(operator, 'POST', path, { verificationId, caseId: held, note: 'Pressed the wrong code' }),
      200,
    );
    const [heldRow] = await sql<{ status: string; held_by_user_id: string | null; result_note: string }>(
      `SELECT status, held_by_user_id, result_note FROM cases WHERE id = $1`,
      [held],
    );
    expect(heldRow).toEqual({
      status: 'CLOSED',
      held_by_user_id: null,
      result_note: 'Cancelled by Cia Cancel (level C) by phone: Pressed the wrong code',
    });
    expect(await sql(`SELECT end_reason FROM case_holds WHERE case_id = $1`, [held])).toEqual([
      { end_reason: 'CLOSED' },
    ]);

    // A hold-up is never cancelled by a caller.
    const holdup = await openCase(s.account, 'HA');
    const refused = await call(operator, 'POST', path, { verificationId, caseId: holdup });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('a hold-up alarm can never be cancelled by a caller');
    expect((await sql<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [holdup]))[0]!.status).toBe(
      'QUEUED',
    );

    // Another site's case is not this caller's to cancel; an unknown case is 404.
    const foreign = await openCase(other.account, 'BA');
    const notHere = await call(operator, 'POST', path, { verificationId, caseId: foreign });
    expect(notHere.status).toBe(403);
    expect(notHere.body.message).toContain('verification is for another site');
    expect(
      (await call(operator, 'POST', path, { verificationId, caseId: '00000000-0000-4000-8000-000000000000' })).status,
    ).toBe(404);

    const record = await expectStatus<IntakeCall>(call(operator, 'GET', `/intake/calls/${callId}`), 200);
    expect(record.outcome).toBe('ALARM_CANCELLED');
    expect(record.note!.split('\n')).toHaveLength(2);
  });

  it('refuses an installer, who must have the customer call', async () => {
    const s = await site();
    const firm = await company([s.siteId]);
    await approval(firm.companyId, 'POLICE_INTRUSION');
    const ivan = await person(firm.listId, 'Ivan Inst', 'A');
    const { callId, verificationId } = await verifiedCall(s.siteId, ivan);
    const burglary = await openCase(s.account, 'BA');
    const refused = await call(operator, 'POST', `/intake/calls/${callId}/cancel-case`, {
      verificationId,
      caseId: burglary,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('an installer cannot cancel an alarm; the customer must call');
  });
});

describe('status and messages', () => {
  it("gives the site's open cases, service modes and block windows", async () => {
    const s = await site({ inputCategory: 'INTRUSION' });
    const second = await transmitterOn(s.siteId, 'INTRUSION');
    const anna = await person(await list([s.siteId]), 'Anna Status', 'A');
    const { callId, verificationId } = await verifiedCall(s.siteId, anna);
    const burglary = await openCase(s.account, 'BA');
    const mode = await expectStatus<ServiceMode>(
      call(operator, 'POST', `/intake/calls/${callId}/service-mode`, serviceModeBody(verificationId, second.id)),
      201,
    );
    const window = await expectStatus<BlockWindow>(
      call(operator, 'POST', `/intake/calls/${callId}/block-window`, {
        verificationId,
        transmitterId: s.transmitterId,
        startsAt: hoursFromNow(24),
        endsAt: hoursFromNow(30),
        requestDate: '2026-11-20',
        reference: 'MAIL-3',
      }),
      201,
    );
    // Another site's case is not in it.
    await openCase((await site()).account, 'BA');

    const status = await expectStatus<SiteStatus>(
      call(operator, 'GET', `/intake/calls/${callId}/status?verificationId=${verificationId}`),
      200,
    );
    expect(status).toEqual({
      siteId: s.siteId,
      openCases: [
        {
          id: burglary,
          caseNo: expect.any(String),
          category: 'INTRUSION',
          title: expect.any(String),
          titleKey: 'alarmInZone',
          titleParams: expect.objectContaining({ eventCode: 'BA', event: 'Burglary alarm' }),
          status: 'QUEUED',
          queuedAt: expect.any(String),
        },
      ],
      serviceModes: [{ id: mode.id, account: second.account, category: null, endsAt: mode.endsAt }],
      blockWindows: [
        { id: window.id, account: s.account, startsAt: window.startsAt, endsAt: window.endsAt, state: 'SCHEDULED' },
      ],
    });
    expect((await call(operator, 'GET', `/intake/calls/${callId}/status`)).status).toBe(400);
    const record = await expectStatus<IntakeCall>(call(operator, 'GET', `/intake/calls/${callId}`), 200);
    expect(record.outcome).toBe('STATUS_GIVEN');
    expect(record.note).toContain(
      'Status given to Anna Status (level A): 1 open case(s), 1 service mode(s), 1 block window(s)',
    );
  });

  it("takes a message for the site's contract manager", async () => {
    const contractId = await contract();
    const s = await site({ contractId });
    const bo = await person(await list([s.siteId]), 'Bo Budskap', 'B');
    const { callId, verificationId } = await verifiedCall(s.siteId, bo);

    expect(
      (await call(operator, 'POST', `/intake/calls/${callId}/message`, { verificationId, text: ' ' })).status,
    ).toBe(400);
    const message = await expectStatus<ManagerMessage>(
      call(operator, 'POST', `/intake/calls/${callId}/message`, {
        verificationId,
        text: 'Please call me about the invoice',
      }),
      201,
    );
    expect(message).toMatchObject({
      contractId,
      siteId: s.siteId,
      fromPerson: { id: bo, name: 'Bo Budskap' },
      text: 'Please call me about the invoice',
      takenBy: { userId: userIds.operator },
    });
    expect(
      await sql(`SELECT call_id, site_id, contract_id, from_person_name, text FROM manager_messages WHERE id = $1`, [
        message.id,
      ]),
    ).toEqual([
      {
        call_id: callId,
        site_id: s.siteId,
        contract_id: contractId,
        from_person_name: 'Bo Budskap',
        text: 'Please call me about the invoice',
      },
    ]);
    const ended = await expectStatus<IntakeCall>(
      call(operator, 'POST', `/intake/calls/${callId}/end`, { outcome: 'MESSAGE_TAKEN', note: 'Caller was polite' }),
      200,
    );
    expect(ended.outcome).toBe('MESSAGE_TAKEN');
    expect(ended.note!.split('\n').map((l) => l.slice(6))).toEqual([
      'Message for the contract manager taken from Bo Budskap (level B)',
      'Caller was polite',
    ]);

    // Supervisors pass it on and record how; then it leaves the waiting list, once and for all.
    const waiting = await expectStatus<ManagerMessageEntry[]>(call(supervisor, 'GET', '/intake/messages'), 200);
    expect(waiting.find((m) => m.id === message.id)).toMatchObject({
      siteName: `Site ${s.account}`,
      fromPerson: { id: bo, name: 'Bo Budskap' },
      contract: { managerName: 'Eva Ek', managerPhone: null },
      forwarded: null,
    });
    expect((await call(operator, 'GET', '/intake/messages')).status).toBe(403);
    const path = `/intake/messages/${message.id}/forwarded`;
    expect((await call(operator, 'POST', path, { note: 'e-mailed' })).status).toBe(403);
    expect((await call(supervisor, 'POST', path, { note: ' ' })).status).toBe(400);
    expect((await call(supervisor, 'POST', path, { note: 'x', extra: 1 })).status).toBe(400);
    expect(
      (await call(supervisor, 'POST', '/intake/messages/00000000-0000-4000-8000-000000000000/forwarded', { note: 'x' }))
        .status,
    ).toBe(404);
    expect(await sql(`SELECT forwarded_at FROM manager_messages WHERE id = $1`, [message.id])).toEqual([
      { forwarded_at: null },
    ]);

    const forwarded = await expectStatus<ManagerMessageEntry>(
      call(supervisor, 'POST', path, { note: 'E-mailed to Eva Ek' }),
      200,
    );
    expect(forwarded.forwarded).toMatchObject({ by: { userId: userIds.supervisor }, note: 'E-mailed to Eva Ek' });
    const again = await call(supervisor, 'POST', path, { note: 'Phoned too' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('already passed on');
    const stillWaiting = await expectStatus<ManagerMessageEntry[]>(call(supervisor, 'GET', '/intake/messages'), 200);
    expect(stillWaiting.some((m) => m.id === message.id)).toBe(false);
    const all = await expectStatus<ManagerMessageEntry[]>(
      call(supervisor, 'GET', '/intake/messages?waiting=false'),
      200,
    );
    expect(all.find((m) => m.id === message.id)?.forwarded?.note).toBe('E-mailed to Eva Ek');
    expect(
      await sql(`SELECT action, actor_user_id FROM audit_log WHERE entity = 'manager_message' AND entity_id = $1`, [
        message.id,
      ]),
    ).toEqual([{ action: 'UPDATE', actor_user_id: userIds.supervisor }]);
  });
});

// ---- the password stays secret -------------------------------------------------------------------

describe('the password', () => {
  it('is in no response body, no log line and no stored row', async () => {
    // Make sure the capture works: requests are logged at this level.
    await expect.poll(() => logged.join('').includes('/api/v1/intake/calls'), { timeout: 5000 }).toBe(true);
    for (const secret of [RIGHT, WRONG]) {
      expect(bodies.filter((b) => b.includes(secret))).toEqual([]);
      expect(logged.filter((l) => l.includes(secret))).toEqual([]);
      for (const table of ['caller_verifications', 'intake_calls', 'audit_log', 'case_events', 'manager_messages']) {
        const [hit] = await sql<{ n: string }>(
          `SELECT count(*) AS n FROM ${table} t WHERE row_to_json(t)::text LIKE '%' || $1 || '%'`,
          [secret],
        );
        expect({ table, n: Number(hit!.n) }).toEqual({ table, n: 0 });
      }
    }
    expect(await count('caller_verifications')).toBeGreaterThan(10);
  });
});

describe('OpenAPI document', () => {
  it('lists the intake routes', async () => {
    const answer = await call<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>(
      null,
      'GET',
      '/openapi.json',
    );
    const expected: [string, string, string][] = [
      ['/intake/calls', 'post', '201'],
      ['/intake/calls', 'get', '200'],
      ['/intake/calls/{id}', 'get', '200'],
      ['/intake/calls/mine/open', 'get', '200'],
      ['/intake/calls/{id}/site', 'post', '200'],
      ['/intake/calls/{id}/end', 'post', '200'],
      ['/intake/calls/{id}/verify', 'post', '200'],
      ['/intake/calls/{id}/service-mode', 'post', '201'],
      ['/intake/calls/{id}/end-service-mode', 'post', '200'],
      ['/intake/calls/{id}/block-window', 'post', '201'],
      ['/intake/calls/{id}/cancel-case', 'post', '200'],
      ['/intake/calls/{id}/status', 'get', '200'],
      ['/intake/calls/{id}/message', 'post', '201'],
      ['/intake/messages', 'get', '200'],
      ['/intake/messages/{id}/forwarded', 'post', '200'],
      ['/intake/verifications', 'get', '200'],
    ];
    for (const [path, method, status] of expected) {
      expect(answer.body.paths[path]?.[method]?.responses[status], `${method} ${path}`).toBeDefined();
    }
  });
});
