import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QueueSnapshot } from '@arc/shared/case';
import { type IngestSignalResponse } from '@arc/shared/signal';
import { SOCKET_EVENTS, SOCKET_PROTOCOL } from '@arc/shared/socket-events';
import { io } from 'socket.io-client';
import { Queue } from 'bullmq';
import {
  TestEnvironment,
  TEST_PASSWORDS,
  eventually,
  nextCaseChange,
  nextEvent,
  type ArcClientSocket,
} from './support/test-app.js';
import { redisConnectionOptions } from '../src/redis/redis-url.js';

const env = new TestEnvironment();
let siteId: string;

async function signalCount(): Promise<number> {
  const [row] = await env.query<{ n: string }>('SELECT count(*) AS n FROM signals');
  return Number(row!.n);
}

beforeAll(async () => {
  await env.start();
  ({ siteId } = await env.createSite('00AB12', 'Storgatan 5, lager'));
});

afterAll(async () => {
  await env.destroy();
});

describe('login', () => {
  it('issues a token for the right password and never returns the hash', async () => {
    const response = await fetch(`${env.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: TEST_PASSWORDS.operator }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.user).toMatchObject({ username: 'operator', role: 'operator' });
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
  });

  it('stores argon2id hashes', async () => {
    const rows = await env.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and a missing field with clear messages', async () => {
    const wrong = await fetch(`${env.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe('Invalid username or password');

    const missing = await fetch(`${env.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator' }),
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toMatch(/password/);
  });

  it('protects routes with the token and refreshes it', async () => {
    expect((await fetch(`${env.url}/api/v1/auth/me`)).status).toBe(401);
    const bad = await fetch(`${env.url}/api/v1/auth/me`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(bad.status).toBe(401);
    const token = await env.login('supervisor');
    const me = await fetch(`${env.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ username: 'supervisor', role: 'supervisor' });
    const refreshed = await fetch(`${env.url}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refreshed.status).toBe(200);
  });
});

describe('POST /api/v1/signals: bad input stores nothing', () => {
  it.each([
    ['no API key', { account: '00AB12', code: 'BA' }, null, 401, /Missing X-Api-Key/],
    ['a wrong API key', { account: '00AB12', code: 'BA' }, 'wrong-key-wrong-key', 401, /Invalid API key/],
    ['invalid JSON', '{"account": "00AB12", "code": ', undefined, 400, /not valid JSON/],
    ['a missing code', { account: '00AB12' }, undefined, 400, /code/],
    ['a wrong-typed account', { account: 1234, code: 'BA' }, undefined, 400, /account/],
    ['a malformed code', { account: '00AB12', code: 'burglary' }, undefined, 400, /code must be an SIA code/],
    ['an unknown field', { account: '00AB12', code: 'BA', priority: 1 }, undefined, 400, /priority/],
    ['an unknown event code', { account: '00AB12', code: 'ZZ' }, undefined, 422, /Unknown event code "ZZ"/],
  ])('refuses %s', async (_label, body, apiKey, status, message) => {
    const before = await signalCount();
    const response = await env.postSignal(body, apiKey);
    expect(response.status).toBe(status);
    const error = (await response.json()) as { message: string; statusCode: number };
    expect(error.statusCode).toBe(status);
    expect(error.message).toMatch(message);
    expect(await signalCount()).toBe(before);
  });
});

describe('one signal from ingest to the console', () => {
  it('stores, classifies, opens a case, enqueues it by priority and pushes it to a logged-in console', async () => {
    const socket = env.socket(await env.login('operator'));
    const snapshot = await nextEvent<QueueSnapshot>(socket, SOCKET_EVENTS.queueSnapshot);
    expect(snapshot.cases).toEqual([]);
    const pushed = nextCaseChange(socket);

    const response = await env.postSignal({ account: '00ab12', code: 'FA', zone: '012', area: '1' });
    expect(response.status).toBe(201);
    const result = (await response.json()) as IngestSignalResponse;
    expect(result).toMatchObject({ kind: 'ALARM', category: 'FIRE', duplicate: false, unknownTransmitter: false });
    expect(result.caseNo).toMatch(/^\d{4}-\d{7}$/);

    const { seq, summary } = await pushed;
    // The first change sent to this socket after its snapshot (seq 0).
    expect(snapshot.seq).toBe(0);
    expect(seq).toBe(1);
    expect(summary).toMatchObject({
      id: result.caseId,
      category: 'FIRE',
      priority: 1,
      status: 'QUEUED',
      title: 'Fire alarm, zone 012',
      titleKey: 'alarmInZone',
      titleParams: { eventCode: 'FA', event: 'Fire alarm', zone: '012', unknownTransmitter: false },
      siteId,
      siteName: 'Storgatan 5, lager',
      signalCount: 1,
      version: 1,
    });
    expect(summary.siteAddress).toContain('Västerås');

    const [signal] = await env.query<Record<string, unknown>>('SELECT * FROM signals_with_decisions WHERE id = $1', [
      result.signalId,
    ]);
    expect(signal).toMatchObject({
      account: '00AB12',
      code: 'FA',
      zone: '012',
      area: '1',
      kind: 'ALARM',
      case_id: result.caseId,
    });
    expect(signal!.evaluated_at).not.toBeNull();
    expect(JSON.parse(signal!.raw as string)).toMatchObject({ account: '00AB12', code: 'FA' });

    const events = await env.query<{ type: string }>('SELECT type FROM case_events WHERE case_id = $1', [
      result.caseId,
    ]);
    expect(events.map((e) => e.type)).toEqual(['CREATED']);

    const queue = new Queue('cases', {
      connection: redisConnectionOptions(env.config.redis.url),
      prefix: `${env.config.redis.prefix}:bull`,
    });
    // The job is added after the commit without holding up evaluation: wait for it.
    const job = await eventually(async () => (await queue.getJob(`case-${result.caseId}`)) ?? undefined);
    expect(job?.data).toEqual({ caseId: result.caseId });
    expect(job?.opts.priority).toBe(1);
    await queue.close();
    socket.disconnect();
  });

  it('appends a second alarm of the same site and category to the open case', async () => {
    const first = (await (
      await env.postSignal({ account: '00AB12', code: 'BA', zone: '1' })
    ).json()) as IngestSignalResponse;
    const second = (await (
      await env.postSignal({ account: '00AB12', code: '1130', zone: '2' })
    ).json()) as IngestSignalResponse;
    expect(second.caseId).toBe(first.caseId);
    const [row] = await env.query<{ signal_count: number; version: number }>(
      'SELECT signal_count, version FROM cases WHERE id = $1',
      [first.caseId],
    );
    expect(row).toEqual({ signal_count: 2, version: 2 });
  });

  it('stores a repeated eventId once', async () => {
    const body = { account: '00AB12', code: 'YT', eventId: 'panel-42-seq-17' };
    const first = await env.postSignal(body);
    expect(first.status).toBe(201);
    const before = await signalCount();
    const again = await env.postSignal(body);
    expect(again.status).toBe(200);
    const repeated = (await again.json()) as IngestSignalResponse;
    expect(repeated.duplicate).toBe(true);
    expect(repeated.signalId).toBe(((await first.json()) as IngestSignalResponse).signalId);
    expect(await signalCount()).toBe(before);
  });

  it('raises an unknown account as a case marked unknown transmitter, so no alarm is dropped', async () => {
    const response = await env.postSignal({ account: 'FFF999', code: 'HA' });
    expect(response.status).toBe(201);
    const result = (await response.json()) as IngestSignalResponse;
    expect(result).toMatchObject({ unknownTransmitter: true, category: 'HOLDUP' });
    const [row] = await env.query<Record<string, unknown>>('SELECT * FROM cases WHERE id = $1', [result.caseId]);
    expect(row).toMatchObject({ unknown_transmitter: true, site_id: null, case_key: 'account:FFF999', priority: 2 });
  });

  it('stores log and test signals without a case', async () => {
    const result = (await (await env.postSignal({ account: '00AB12', code: 'OP' })).json()) as IngestSignalResponse;
    expect(result).toMatchObject({ kind: 'LOG', caseId: null });
  });

  it('links a restore to the open case', async () => {
    const alarm = (await (await env.postSignal({ account: '00AB12', code: 'TA' })).json()) as IngestSignalResponse;
    const restore = (await (await env.postSignal({ account: '00AB12', code: 'TR' })).json()) as IngestSignalResponse;
    expect(restore).toMatchObject({ kind: 'RESTORE', caseId: alarm.caseId });
  });

  it('keeps one open case per site and category when many signals race', async () => {
    const { siteId: raceSite } = await env.createSite('0C0FFEE', 'Race site');
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => env.postSignal({ account: '0C0FFEE', code: 'BA', zone: String(i) })),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const rows = await env.query<{ signal_count: number }>(
      `SELECT signal_count FROM cases WHERE site_id = $1 AND category = 'INTRUSION' AND status <> 'CLOSED'`,
      [raceSite],
    );
    expect(rows).toEqual([{ signal_count: 25 }]);
  });

  it('keeps case history append-only', async () => {
    await expect(env.query(`UPDATE case_events SET type = 'X'`)).rejects.toThrow(/append-only/);
    await expect(env.query(`DELETE FROM case_events`)).rejects.toThrow(/append-only/);
  });
});

describe('socket authentication', () => {
  const refused = (token: string | undefined, socket = env.socket(token)) =>
    new Promise<string>((resolve, reject) => {
      socket.on('connect', () => {
        socket.disconnect();
        reject(new Error('connected without a valid token'));
      });
      socket.on('connect_error', (error) => {
        socket.disconnect();
        resolve(error.message);
      });
    });

  it('refuses a handshake without a token, with a bad one, or with an expired one', async () => {
    expect(await refused(undefined)).toMatch(/^UNAUTHORIZED: Missing bearer token/);
    expect(await refused('garbage')).toMatch(/^UNAUTHORIZED: Token is invalid/);
    const { JwtService } = await import('@nestjs/jwt');
    const expired = new JwtService({ secret: env.config.auth.jwtSecret }).sign({
      sub: '7b0e6c52-7d3f-4c1e-9a55-3f1f2a9a0c11',
      username: 'x',
      name: 'x',
      role: 'admin',
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    expect(await refused(expired)).toMatch(/^UNAUTHORIZED: Token has expired/);
    const forged = new JwtService({ secret: 'another-secret-another-secret-another' }).sign({
      sub: '7b0e6c52-7d3f-4c1e-9a55-3f1f2a9a0c11',
      username: 'x',
      name: 'x',
      role: 'admin',
    });
    expect(await refused(forged)).toMatch(/^UNAUTHORIZED: Token is invalid/);
  });

  it('refuses a console of another protocol version with a reason, whatever its token', async () => {
    const token = await env.login('operator');
    const old = (auth: object) =>
      io(env.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true }) as ArcClientSocket;
    // A console from before SOCKET_PROTOCOL sends no number: it would miss case.changes.v3.
    expect(await refused(token, old({ token }))).toMatch(
      /^OUTDATED: this console speaks an older protocol, the server protocol \d+; reload the page$/,
    );
    expect(await refused(token, old({ token, protocol: SOCKET_PROTOCOL - 1 }))).toMatch(
      new RegExp(
        `^OUTDATED: this console speaks protocol ${SOCKET_PROTOCOL - 1}, the server protocol ${SOCKET_PROTOCOL};`,
      ),
    );
    // The same token with the protocol is welcome.
    const current = env.socket(token);
    await nextEvent(current, SOCKET_EVENTS.queueSnapshot);
    current.disconnect();
  });

  it('answers a snapshot request with the open cases', async () => {
    const socket = env.socket(await env.login('supervisor'));
    await nextEvent(socket, SOCKET_EVENTS.queueSnapshot);
    const response = await socket.emitWithAck(SOCKET_EVENTS.requestSnapshot);
    expect(response.ok).toBe(true);
    if (response.ok) {
      const open = await env.query<{ id: string }>(`SELECT id FROM cases WHERE status <> 'CLOSED'`);
      expect(response.snapshot.cases.map((c) => c.id).sort()).toEqual(open.map((r) => r.id).sort());
    }
    socket.disconnect();
  });
});
