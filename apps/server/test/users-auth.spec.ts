import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, type LoginResponse, type LoginTotpEnrollmentRequired } from '@arc/shared/auth';
import { SOCKET_EVENTS, type SocketErrorPayload } from '@arc/shared/socket-events';
import { type LoginActivity, type LoginFailure, type TotpEnrollment, type UserAccount } from '@arc/shared/users';
import {
  TEST_PASSWORDS,
  TestEnvironment,
  eventually,
  expectStatus,
  nextEvent,
  type ArcClientSocket,
} from './support/test-app.js';

/** Account lock after 3 failures; the address limit is out of the way here (see the two-process suite). */
const env = new TestEnvironment({ AUTH_ACCOUNT_MAX_FAILURES: '3', AUTH_ADDRESS_MAX_FAILURES: '1000' });
let admin = '';

beforeAll(async () => {
  await env.start();
  admin = await env.login('admin');
});

afterAll(async () => {
  await env.destroy();
});

/** Any answer of POST /auth/login, success or error, loosely typed for assertions. */
type LoginAnswer = Partial<LoginResponse & LoginTotpEnrollmentRequired> & { secondFactor?: string } & Partial<ApiError>;

function login(target: TestEnvironment, username: string, password: string, totpCode?: string) {
  return target.call<LoginAnswer>(null, 'POST', '/auth/login', { username, password, totpCode });
}

async function createUser(
  role: 'operator' | 'supervisor' | 'admin',
  username: string,
  password = 'Lagom-stark-fras-42',
) {
  const user = await expectStatus(
    env.call<UserAccount>(admin, 'POST', '/users', { username, displayName: `User ${username}`, role, password }),
    201,
  );
  return { user, password };
}

async function signIn(username: string, password: string): Promise<string> {
  const { accessToken } = await expectStatus(login(env, username, password), 200);
  if (!accessToken) throw new Error(`no token for ${username}`);
  return accessToken;
}

function disconnected(socket: ArcClientSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket not disconnected within 10 s')), 10_000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

function secretOf(uri: string): string {
  return new URL(uri).searchParams.get('secret')!;
}

describe('login throttling per account', () => {
  it('locks after repeated failures, refuses even the right password while locked, and an admin unlocks', async () => {
    const { user, password } = await createUser('operator', 'lock.me');
    const supervisorSocket = env.socket(await env.login('supervisor'));
    await nextEvent(supervisorSocket, SOCKET_EVENTS.supervisorSnapshot);
    const live: LoginFailure[] = [];
    supervisorSocket.on(SOCKET_EVENTS.loginFailed, (failure) => live.push(failure));

    // A parallel burst: at most 3 passwords are checked, the rest are refused before the check.
    const burst = await Promise.all(Array.from({ length: 12 }, () => login(env, 'lock.me', 'wrong-guess-1234')));
    const statuses = burst.map((answer) => answer.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
    const refused = burst.find((answer) => answer.status === 429)!;
    expect(refused.body).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/locked/) });
    expect(refused.body.retryAfterSeconds).toBeGreaterThan(0);

    const right = await login(env, 'lock.me', password);
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');

    // Audited: three failures, one lock; the supervisor saw them live and in the list.
    const rows = await env.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'login' AND (entity_id = $1 OR after->>'username' = 'lock.me') ORDER BY id`,
      [user.id],
    );
    expect(rows.filter((r) => r.action === 'LOGIN_FAILED')).toHaveLength(3);
    expect(rows.filter((r) => r.action === 'LOGIN_LOCKED')).toHaveLength(1);
    await eventually(async () => (live.length >= 3 ? true : undefined));
    expect(live.some((f) => f.lockScope === 'account' && f.username === 'lock.me')).toBe(true);
    const supervisor = await env.login('supervisor');
    const activity = await expectStatus(env.call<LoginActivity>(supervisor, 'GET', '/security/logins'), 200);
    expect(activity.lockedAccounts).toEqual([expect.objectContaining({ username: 'lock.me', userId: user.id })]);
    expect(activity.failures.filter((f) => f.username === 'lock.me')).toHaveLength(3);
    const account = await expectStatus(env.call<UserAccount>(admin, 'GET', `/users/${user.id}`), 200);
    expect(account).toMatchObject({ failedLoginsSinceLastLogin: 3, lockedUntil: expect.any(String) });

    // Only an admin unlocks.
    expect((await env.call(supervisor, 'POST', `/users/${user.id}/unlock`)).status).toBe(403);
    const unlocked = await expectStatus(env.call<UserAccount>(admin, 'POST', `/users/${user.id}/unlock`), 200);
    expect(unlocked.lockedUntil).toBeNull();
    expect((await login(env, 'lock.me', password)).status).toBe(200);
    supervisorSocket.disconnect();
  });

  it('locks names that have no account the same way (answers do not tell which exist)', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login(env, 'nobody.here', 'wrong-guess-1234')).status).toBe(401);
    const answer = await fetch(`${env.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody.here', password: 'wrong-guess-1234' }),
    });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await answer.json()) as ApiError).code).toBe('ACCOUNT_LOCKED');
  });
});

describe('tokens do not outlive their user', () => {
  it("refuses a deactivated operator's token on HTTP and closes their socket at once", async () => {
    const { user, password } = await createUser('operator', 'leaving.operator');
    const token = await signIn('leaving.operator', password);
    const socket = env.socket(token);
    await nextEvent(socket, SOCKET_EVENTS.queueSnapshot);
    const gone = disconnected(socket);
    const error = nextEvent<SocketErrorPayload>(socket, SOCKET_EVENTS.error, 10_000);
    await env.createSite('0DE1', 'Deactivation');
    await env.postSignal({ account: '0DE1', code: 'BA', zone: '001' });

    await expectStatus(env.call<UserAccount>(admin, 'POST', `/users/${user.id}/deactivate`), 200);
    expect(await gone).toBe('io server disconnect');
    expect((await error).code).toBe('UNAUTHORIZED');
    expect((await env.call(token, 'GET', '/auth/me')).status).toBe(401);
    expect((await env.call(token, 'POST', '/cases/take-next')).status).toBe(401);
    expect((await env.call(token, 'POST', '/auth/refresh')).status).toBe(401);
    const [held] = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE held_by_user_id = $1`, [
      user.id,
    ]);
    expect(held!.n).toBe(0);
    // A new socket is refused too; login answers as for a wrong password.
    const refused = env.socket(token);
    await expect(nextEvent(refused, 'connect_error')).resolves.toBeDefined();
    refused.disconnect();
    expect((await login(env, 'leaving.operator', password)).status).toBe(401);

    // Reactivated: a new login works, the old token stays dead (its version is older).
    await expectStatus(env.call<UserAccount>(admin, 'POST', `/users/${user.id}/activate`), 200);
    expect((await env.call(token, 'GET', '/auth/me')).status).toBe(401);
    expect((await env.call(await signIn('leaving.operator', password), 'GET', '/auth/me')).status).toBe(200);
  });

  it('ends old tokens when an admin resets the password or changes the role', async () => {
    const { user, password } = await createUser('operator', 'reset.me');
    const before = await signIn('reset.me', password);
    await expectStatus(
      env.call(admin, 'POST', `/users/${user.id}/password`, { password: 'Ny-lösen-fras-för-dig' }),
      200,
    );
    expect((await env.call(before, 'GET', '/auth/me')).status).toBe(401);
    expect((await login(env, 'reset.me', password)).status).toBe(401);
    const after = await signIn('reset.me', 'Ny-lösen-fras-för-dig');
    expect((await env.call(after, 'GET', '/auth/me')).status).toBe(200);

    await expectStatus(env.call(admin, 'PATCH', `/users/${user.id}`, { role: 'supervisor' }), 200);
    expect((await env.call(after, 'GET', '/auth/me')).status).toBe(401);
    const promoted = await signIn('reset.me', 'Ny-lösen-fras-för-dig');
    expect((await env.call<{ role: string }>(promoted, 'GET', '/auth/me')).body.role).toBe('supervisor');
  });

  it('lets a user change their own password with the current one; other tokens end', async () => {
    const { password } = await createUser('operator', 'self.service');
    const other = await signIn('self.service', password);
    const mine = await signIn('self.service', password);
    const wrong = await env.call<ApiError>(mine, 'POST', '/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'Helt-ny-lång-fras-9',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_INVALID');
    const weak = await env.call<ApiError>(mine, 'POST', '/auth/password', {
      currentPassword: password,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.issues?.[0]?.path).toBe('newPassword');
    const changed = await expectStatus(
      env.call<LoginResponse>(mine, 'POST', '/auth/password', {
        currentPassword: password,
        newPassword: 'Helt-ny-lång-fras-9',
      }),
      200,
    );
    expect((await env.call(changed.accessToken, 'GET', '/auth/me')).status).toBe(200);
    expect((await env.call(other, 'GET', '/auth/me')).status).toBe(401);
    expect((await env.call(mine, 'GET', '/auth/me')).status).toBe(401);
  });
});

describe('user management', () => {
  it('is for admins only', async () => {
    for (const role of ['operator', 'supervisor'] as const) {
      const token = await env.login(role);
      expect((await env.call(token, 'GET', '/users')).status).toBe(403);
      const create = await env.call(token, 'POST', '/users', {
        username: `by.${role}`,
        displayName: 'Nope',
        role: 'admin',
        password: 'Lagom-stark-fras-42',
      });
      expect(create.status).toBe(403);
      expect((await env.call(token, 'GET', '/security/settings')).status).toBe(403);
    }
    const [row] = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username LIKE 'by.%'`);
    expect(row!.n).toBe(0);
  });

  it('creates, lists, renames and audits; never shows a hash or a secret', async () => {
    const { user } = await createUser('supervisor', 'new.supervisor');
    expect(user).toMatchObject({ username: 'new.supervisor', role: 'supervisor', active: true, totpEnrolled: false });
    const list = await env.call<UserAccount[]>(admin, 'GET', '/users');
    expect(list.body.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'operator', 'new.supervisor']));
    expect(list.text).not.toMatch(/argon2|password_?hash|totp_?secret|sealed/i);
    const renamed = await expectStatus(
      env.call<UserAccount>(admin, 'PATCH', `/users/${user.id}`, { displayName: 'Renamed Supervisor' }),
      200,
    );
    expect(renamed.displayName).toBe('Renamed Supervisor');
    const duplicate = await env.call<ApiError>(admin, 'POST', '/users', {
      username: 'New.Supervisor',
      displayName: 'Again',
      role: 'operator',
      password: 'Lagom-stark-fras-42',
    });
    expect(duplicate.status).toBe(409);
    const audit = await env.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect((await env.call(admin, 'GET', '/users/not-a-uuid')).status).toBe(400);
    expect((await env.call(admin, 'GET', '/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('applies the password policy with clear 400 messages', async () => {
    const cases: [string, string, RegExp][] = [
      ['weak.one', 'short', /at least 12 characters/],
      ['weak.two', 'xxweak.twoxx-long', /must not contain the username/],
      ['weak.three', 'Password2024!', /too common/],
      ['weak.four', 'aaaaaaaaaaaaaaaa', /too common/],
    ];
    for (const [username, password, message] of cases) {
      const answer = await env.call<ApiError>(admin, 'POST', '/users', {
        username,
        displayName: 'W',
        role: 'operator',
        password,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION');
      expect(answer.body.issues).toContainEqual(
        expect.objectContaining({ path: 'password', message: expect.stringMatching(message), code: 'custom' }),
      );
    }
    const { user } = await createUser('operator', 'policy.reset');
    const reset = await env.call<ApiError>(admin, 'POST', `/users/${user.id}/password`, {
      password: 'policy.reset-1234',
    });
    expect(reset.status).toBe(400);
    expect(reset.body.issues?.[0]).toMatchObject({ path: 'password', message: 'must not contain the username' });
    const [row] = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username LIKE 'weak.%'`);
    expect(row!.n).toBe(0);
  });

  it('keeps an active admin: not yourself, not the last one', async () => {
    const me = await env.call<{ id: string }>(admin, 'GET', '/auth/me');
    const self = await env.call<ApiError>(admin, 'POST', `/users/${me.body.id}/deactivate`);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('SELF_DEACTIVATION');
    const demote = await env.call<ApiError>(admin, 'PATCH', `/users/${me.body.id}`, { role: 'operator' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('LAST_ADMIN');
    // With a second admin the first may be demoted, and the second cannot then be deactivated by the first.
    const { user: second, password } = await createUser('admin', 'second.admin');
    const secondToken = await signIn('second.admin', password);
    await expectStatus(env.call(secondToken, 'PATCH', `/users/${me.body.id}`, { role: 'operator' }), 200);
    const last = await env.call<ApiError>(secondToken, 'PATCH', `/users/${second.id}`, { role: 'operator' });
    expect(last.body.code).toBe('LAST_ADMIN');
    await expectStatus(env.call(secondToken, 'PATCH', `/users/${me.body.id}`, { role: 'admin' }), 200);
    admin = await env.login('admin');
    await expectStatus(env.call(admin, 'POST', `/users/${second.id}/deactivate`), 200);
  });
});

describe('language preference', () => {
  it('is unset for a new user, remembered across sign-ins and refreshes, and refuses what is not a language', async () => {
    const { password } = await createUser('operator', 'sprak.val');
    const first = await expectStatus(login(env, 'sprak.val', password), 200);
    expect(first.locale).toBeNull();
    const token = first.accessToken!;

    const chosen = await expectStatus(env.call(token, 'PUT', '/auth/preferences', { locale: 'en' }), 200);
    expect(chosen).toEqual({ locale: 'en' });
    expect((await expectStatus(login(env, 'sprak.val', password), 200)).locale).toBe('en');
    const refreshed = await expectStatus(env.call<LoginResponse>(token, 'POST', '/auth/refresh'), 200);
    expect(refreshed.locale).toBe('en');

    for (const body of [{ locale: 'de' }, { locale: 'EN' }, {}, { locale: 'sv', extra: 1 }, { locale: null }]) {
      const refused = await env.call<ApiError>(token, 'PUT', '/auth/preferences', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.code).toBe('VALIDATION');
    }
    expect((await expectStatus(login(env, 'sprak.val', password), 200)).locale).toBe('en');
    expect((await env.call(null, 'PUT', '/auth/preferences', { locale: 'sv' })).status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents the user, second-factor and login-security routes', async () => {
    const doc = await expectStatus(
      env.call<{ paths: Record<string, Record<string, unknown>> }>(null, 'GET', '/openapi.json'),
      200,
    );
    for (const [path, method] of [
      ['/users', 'post'],
      ['/users/{id}', 'patch'],
      ['/users/{id}/password', 'post'],
      ['/users/{id}/deactivate', 'post'],
      ['/users/{id}/activate', 'post'],
      ['/users/{id}/unlock', 'post'],
      ['/users/{id}/totp', 'delete'],
      ['/auth/password', 'post'],
      ['/auth/account', 'get'],
      ['/auth/totp/enrollment', 'post'],
      ['/auth/totp/confirm', 'post'],
      ['/security/logins', 'get'],
      ['/security/unlock-address', 'post'],
      ['/security/settings', 'put'],
    ] as const) {
      expect(doc.paths[path], path).toHaveProperty([method]);
    }
  });
});

describe('second factor (TOTP)', () => {
  it('enrols, then asks for a code at sign-in, and refuses a code used once already', async () => {
    const { password } = await createUser('operator', 'totp.user');
    const token = await signIn('totp.user', password);
    const enrollment = await expectStatus(env.call<TotpEnrollment>(token, 'POST', '/auth/totp/enrollment'), 200);
    expect(enrollment.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    const secret = secretOf(enrollment.otpauthUri);
    const [stored] = await env.query<{ sealed: string }>(
      `SELECT totp_pending_sealed AS sealed FROM users WHERE username = 'totp.user'`,
    );
    expect(stored!.sealed).toMatch(/^v1\./);
    expect(stored!.sealed).not.toContain(secret);

    const bad = await env.call<ApiError>(token, 'POST', '/auth/totp/confirm', { code: '000000' });
    expect([401, 400]).toContain(bad.status);
    await expectStatus(env.call(token, 'POST', '/auth/totp/confirm', { code: await generate({ secret }) }), 200);
    expect((await env.call<ApiError>(token, 'POST', '/auth/totp/enrollment')).body.code).toBe('TOTP_ALREADY_ENROLLED');

    expect((await expectStatus(login(env, 'totp.user', password), 200)).secondFactor).toBe('code-required');
    // The confirmation used this step's code: the next step's code (within the tolerance) signs in.
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const signed = await expectStatus(login(env, 'totp.user', password, code), 200);
    expect(signed.accessToken).toEqual(expect.any(String));
    const replay = await login(env, 'totp.user', password, code);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'TOTP_INVALID', message: expect.stringMatching(/used already/) });
    const wrong = await login(env, 'totp.user', password, '123456');
    expect(wrong.status).toBe(401);

    // An admin resets the factor: the user signs in with the password alone again.
    const me = await env.call<{ id: string }>(signed.accessToken!, 'GET', '/auth/me');
    const reset = await expectStatus(env.call<UserAccount>(admin, 'DELETE', `/users/${me.body.id}/totp`), 200);
    expect(reset.totpEnrolled).toBe(false);
    expect((await env.call(signed.accessToken!, 'GET', '/auth/me')).status).toBe(401);
    expect((await expectStatus(login(env, 'totp.user', password), 200)).accessToken).toEqual(expect.any(String));
  });

  it('makes required roles enrol at their next sign-in', async () => {
    const { password } = await createUser('supervisor', 'must.enrol');
    const operatorBefore = await createUser('operator', 'not.required');
    await expectStatus(env.call(admin, 'PUT', '/security/settings', { totpRequiredRoles: ['supervisor'] }), 200);

    const first = await expectStatus(login(env, 'must.enrol', password), 200);
    expect(first).toMatchObject({ secondFactor: 'enrollment-required', enrollmentToken: expect.any(String) });
    if (!first.enrollmentToken) throw new Error('no enrollment token');
    // The enrollment token is good for the enrolment only.
    expect((await env.call(first.enrollmentToken, 'GET', '/auth/me')).status).toBe(401);
    expect((await env.call(first.enrollmentToken, 'GET', '/cases/operators')).status).toBe(401);
    const enrollment = await expectStatus(
      env.call<TotpEnrollment>(first.enrollmentToken, 'POST', '/auth/totp/enrollment'),
      200,
    );
    const secret = secretOf(enrollment.otpauthUri);
    const signed = await expectStatus(
      env.call<LoginResponse>(first.enrollmentToken, 'POST', '/auth/totp/confirm', {
        code: await generate({ secret }),
      }),
      200,
    );
    expect((await env.call<{ role: string }>(signed.accessToken, 'GET', '/auth/me')).body.role).toBe('supervisor');
    expect((await expectStatus(login(env, 'must.enrol', password), 200)).secondFactor).toBe('code-required');
    // Roles not required sign in as before.
    expect((await expectStatus(login(env, 'not.required', operatorBefore.password), 200)).accessToken).toBeDefined();
    await expectStatus(env.call(admin, 'PUT', '/security/settings', { totpRequiredRoles: [] }), 200);
  });
});

describe('login throttling shared by two server processes, and per address', () => {
  const limits = { AUTH_ACCOUNT_MAX_FAILURES: '3', AUTH_ADDRESS_MAX_FAILURES: '6' };
  const first = new TestEnvironment(limits);
  let second: TestEnvironment;

  beforeAll(async () => {
    await first.start();
    second = new TestEnvironment({
      ...limits,
      DATABASE_URL: first.config.database.url,
      REDIS_PREFIX: first.config.redis.prefix,
    });
    await second.start();
  });

  afterAll(async () => {
    await second?.stop();
    await first.destroy();
  });

  it('counts failures on either process towards one lock, and a deactivation on one closes sockets on the other', async () => {
    const firstAdmin = await first.login('admin');
    const operatorOnSecond = await second.login('operator');
    const socket = second.socket(operatorOnSecond);
    await nextEvent(socket, SOCKET_EVENTS.queueSnapshot);

    expect((await login(first, 'supervisor', 'wrong-guess-1')).status).toBe(401);
    expect((await login(second, 'supervisor', 'wrong-guess-2')).status).toBe(401);
    expect((await login(first, 'supervisor', 'wrong-guess-3')).status).toBe(401);
    expect((await login(second, 'supervisor', TEST_PASSWORDS.supervisor)).status).toBe(429);
    expect((await login(first, 'supervisor', TEST_PASSWORDS.supervisor)).status).toBe(429);
    const [supervisor] = await first.query<{ id: string }>(`SELECT id FROM users WHERE username = 'supervisor'`);
    await expectStatus(second.call(await second.login('admin'), 'POST', `/users/${supervisor!.id}/unlock`), 200);
    expect((await login(first, 'supervisor', TEST_PASSWORDS.supervisor)).status).toBe(200);

    const [operator] = await first.query<{ id: string }>(`SELECT id FROM users WHERE username = 'operator'`);
    const gone = disconnected(socket);
    await expectStatus(first.call(firstAdmin, 'POST', `/users/${operator!.id}/deactivate`), 200);
    expect(await gone).toBe('io server disconnect');
    expect((await second.call(operatorOnSecond, 'GET', '/auth/me')).status).toBe(401);
    await expectStatus(first.call(firstAdmin, 'POST', `/users/${operator!.id}/activate`), 200);
  });

  it('blocks an address after failures across many names; an admin unblocks it', async () => {
    const firstAdmin = await first.login('admin');
    await expectStatus(first.call(firstAdmin, 'POST', '/security/unlock-address', { address: '127.0.0.1' }), 204);
    for (let i = 0; i < 6; i += 1) {
      const target = i % 2 === 0 ? first : second;
      expect((await login(target, `sprayed.${i}`, 'Summer2026!')).status).toBe(401);
    }
    const blocked = await login(second, 'admin', TEST_PASSWORDS.admin);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('LOGIN_THROTTLED');
    const activity = await expectStatus(first.call<LoginActivity>(firstAdmin, 'GET', '/security/logins'), 200);
    expect(activity.lockedAddresses).toEqual([expect.objectContaining({ address: '127.0.0.1' })]);
    await expectStatus(first.call(firstAdmin, 'POST', '/security/unlock-address', { address: '127.0.0.1' }), 204);
    expect((await login(second, 'admin', TEST_PASSWORDS.admin)).status).toBe(200);
  });
});

describe('with Redis down', () => {
  const down = new TestEnvironment({ REDIS_URL: 'redis://127.0.0.1:1', AUTH_ACCOUNT_MAX_FAILURES: '3' });

  beforeAll(async () => {
    await down.start();
  });

  afterAll(async () => {
    await down.destroy();
  });

  it('still signs in, and still locks after repeated failures (in memory)', async () => {
    expect((await login(down, 'operator', TEST_PASSWORDS.operator)).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await login(down, 'operator', 'wrong-guess-1234')).status).toBe(401);
    const locked = await login(down, 'operator', TEST_PASSWORDS.operator);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
  });
});

describe('with PostgreSQL unreachable for a moment', () => {
  // Every request asks PostgreSQL for the user's state (no fresh cache), so the blip is felt.
  const blip = new TestEnvironment({ AUTH_USER_CACHE_SECONDS: '0', AUTH_USER_STALE_SECONDS: '300' });

  beforeAll(async () => {
    await blip.start();
  });

  afterAll(async () => {
    await blip.destroy();
  });

  /** This database refuses connections and the server's are cut, as in a PostgreSQL restart. */
  async function withDatabaseDown(run: () => Promise<void>): Promise<void> {
    const url = new URL(blip.config.database.url);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      await run();
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
  }

  it('keeps users known a moment ago signed in, and answers 503 (not 401) for a user it cannot check', async () => {
    const known = await blip.login('operator');
    expect((await blip.call(known, 'GET', '/auth/me')).status).toBe(200);
    const unknown = await blip.login('supervisor'); // never checked by this process yet
    await withDatabaseDown(async () => {
      expect((await blip.call(known, 'GET', '/auth/me')).status).toBe(200);
      const refused = await blip.call<ApiError>(unknown, 'GET', '/auth/me');
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('STORAGE_UNAVAILABLE');
    });
    await eventually(async () => ((await blip.call(unknown, 'GET', '/auth/me')).status === 200 ? true : undefined));
  });
});
