import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreSettings } from '@arc/shared/settings';
import type { ShiftNote, ShiftNotePage } from '@arc/shared/shift-log';
import { hashPassword } from '../src/common/auth/password.js';
import { ConfigError, loadConfig } from '../src/config/config.schema.js';
import { TestEnvironment, expectStatus } from './support/test-app.js';

/**
 * GET /settings (what the console must know of the configuration) and the shift log (handover
 * notes, unread notes at login, read receipts), on real PostgreSQL and Redis.
 */

const env = new TestEnvironment({
  CENTRE_TIME_ZONE: 'Europe/Helsinki',
  SERVICE_MODE_MAX_MINUTES: '480',
  SERVICE_MODE_DEFAULT_MINUTES: '45',
  VERIFICATION_VALID_MINUTES: '12',
});
let admin: string;
let operator: string;
let supervisor: string;
let otherOperator: string;
const ids = { operator: '', other: '', supervisor: '', admin: '' };

beforeAll(async () => {
  await env.start();
  [admin, operator, supervisor] = await Promise.all([
    env.login('admin'),
    env.login('operator'),
    env.login('supervisor'),
  ]);
  await env.query(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ('operator2', 'Olle Operator', 'operator', $1)`,
    [await hashPassword('operator2-test-password')],
  );
  const answer = await env.call<{ accessToken: string }>(null, 'POST', '/auth/login', {
    username: 'operator2',
    password: 'operator2-test-password',
  });
  otherOperator = answer.body.accessToken;
  for (const row of await env.query<{ id: string; username: string }>(`SELECT id, username FROM users`)) {
    if (row.username === 'operator') ids.operator = row.id;
    if (row.username === 'operator2') ids.other = row.id;
    if (row.username === 'supervisor') ids.supervisor = row.id;
    if (row.username === 'admin') ids.admin = row.id;
  }
});

afterAll(async () => {
  await env.destroy();
});

describe('GET /settings', () => {
  it('gives any signed-in user the time zone and the limits the server enforces', async () => {
    const settings = await expectStatus(env.call<CentreSettings>(operator, 'GET', '/settings'), 200);
    expect(settings).toEqual({
      timeZone: 'Europe/Helsinki',
      serviceMode: { defaultMinutes: 45, maxMinutes: 480 },
      verification: { validMinutes: 12, maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
      cases: { returnSeconds: 30 },
      password: { minLength: 12, maxLength: 256 },
      shiftLog: { textMaxLength: 2000, unreadDays: 7 },
    });
    await expectStatus(env.call(supervisor, 'GET', '/settings'), 200);
    await expectStatus(env.call(admin, 'GET', '/settings'), 200);
  });

  it('refuses a caller without a token', async () => {
    expect((await env.call(null, 'GET', '/settings')).status).toBe(401);
  });

  it('takes only a real IANA time zone as CENTRE_TIME_ZONE, Europe/Stockholm by default', () => {
    expect(loadConfig({}).centre.timeZone).toBe('Europe/Stockholm');
    expect(loadConfig({ CENTRE_TIME_ZONE: 'America/New_York' }).centre.timeZone).toBe('America/New_York');
    expect(() => loadConfig({ CENTRE_TIME_ZONE: 'Mars/Olympus' })).toThrow(ConfigError);
    expect(() => loadConfig({ CENTRE_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /CENTRE_TIME_ZONE: must be an IANA time zone/,
    );
  });
});

describe('shift log', () => {
  const write = (token: string | null, body: unknown) =>
    env.call<ShiftNote & { message: string }>(token, 'POST', '/shift-log', body);

  it('a supervisor writes a note; operators see it unread until they mark it read; the supervisor sees who read it', async () => {
    const note = await expectStatus(
      write(supervisor, { text: '  Larmcentral: the Västerås line is down, use the backup number  ', important: true }),
      201,
    );
    expect(note).toMatchObject({
      text: 'Larmcentral: the Västerås line is down, use the backup number',
      important: true,
      author: { userId: ids.supervisor },
      readByMe: true,
      readers: [],
    });
    expect(note.unreadBy!.map((u) => u.userId).sort()).toEqual([ids.operator, ids.other, ids.admin].sort());

    // Not among the author's own unread notes; among both operators'.
    const own = await expectStatus(env.call<ShiftNote[]>(supervisor, 'GET', '/shift-log/unread'), 200);
    expect(own.map((n) => n.id)).not.toContain(note.id);
    const unread = await expectStatus(env.call<ShiftNote[]>(operator, 'GET', '/shift-log/unread'), 200);
    expect(unread.map((n) => n.id)).toContain(note.id);
    // Operators do not see read receipts.
    expect(unread.find((n) => n.id === note.id)).toMatchObject({ readByMe: false, readers: null, unreadBy: null });

    const read = await expectStatus(env.call<ShiftNote>(operator, 'POST', `/shift-log/${note.id}/read`), 200);
    expect(read).toMatchObject({ readByMe: true, readers: null });
    // Reading again changes nothing and is not audited twice.
    await expectStatus(env.call<ShiftNote>(operator, 'POST', `/shift-log/${note.id}/read`), 200);
    const after = await expectStatus(env.call<ShiftNote[]>(operator, 'GET', '/shift-log/unread'), 200);
    expect(after.map((n) => n.id)).not.toContain(note.id);
    // The other operator still has it.
    const other = await expectStatus(env.call<ShiftNote[]>(otherOperator, 'GET', '/shift-log/unread'), 200);
    expect(other.map((n) => n.id)).toContain(note.id);

    const page = await expectStatus(env.call<ShiftNotePage>(supervisor, 'GET', '/shift-log'), 200);
    const seen = page.items.find((n) => n.id === note.id)!;
    expect(seen.readers).toEqual([{ userId: ids.operator, name: expect.any(String), readAt: expect.any(String) }]);
    expect(Date.parse(seen.readers![0]!.readAt)).toBeGreaterThanOrEqual(Date.parse(note.at));
    expect(seen.unreadBy!.map((u) => u.userId).sort()).toEqual([ids.other, ids.admin].sort());

    const audit = await env.query<{ action: string; actor_user_id: string }>(
      `SELECT action, actor_user_id FROM audit_log WHERE entity = 'shift_note' AND entity_id = $1 ORDER BY id`,
      [note.id],
    );
    expect(audit).toEqual([
      { action: 'CREATE', actor_user_id: ids.supervisor },
      { action: 'UPDATE', actor_user_id: ids.operator },
    ]);
  });

  it('lists newest first, a page at a time, and leaves notes older than the unread period out of the unread list', async () => {
    const first = await expectStatus(write(operator, { text: 'First of three' }), 201);
    const second = await expectStatus(write(operator, { text: 'Second of three' }), 201);
    const third = await expectStatus(write(operator, { text: 'Third of three' }), 201);
    // The notes of other tests are older.
    await env.query(`UPDATE shift_notes SET at = at - interval '1 day' WHERE id <> ALL($1::uuid[])`, [
      [first.id, second.id, third.id],
    ]);
    await env.query(`UPDATE shift_notes SET at = now() - interval '3 minutes' WHERE id = $1`, [first.id]);
    await env.query(`UPDATE shift_notes SET at = now() - interval '2 minutes' WHERE id = $1`, [second.id]);
    await env.query(`UPDATE shift_notes SET at = now() - interval '1 minute' WHERE id = $1`, [third.id]);
    const page1 = await expectStatus(env.call<ShiftNotePage>(operator, 'GET', '/shift-log?pageSize=2'), 200);
    expect(page1.items.map((n) => n.text)).toEqual(['Third of three', 'Second of three']);
    expect(page1.items[0]).toMatchObject({ important: false, readByMe: true, readers: null });
    const page2 = await expectStatus(env.call<ShiftNotePage>(operator, 'GET', '/shift-log?pageSize=2&page=2'), 200);
    expect(page2.items[0]!.text).toBe('First of three');
    expect(page1.total).toBe(page2.total);

    await env.query(`UPDATE shift_notes SET at = now() - interval '8 days' WHERE id = $1`, [first.id]);
    const unread = await expectStatus(env.call<ShiftNote[]>(otherOperator, 'GET', '/shift-log/unread'), 200);
    expect(unread.map((n) => n.id)).toEqual(expect.arrayContaining([second.id, third.id]));
    expect(unread.map((n) => n.id)).not.toContain(first.id);
  });

  it('refuses bad input with 400 and a message in words, unknown notes with 404, strangers with 401', async () => {
    for (const body of [
      { text: '' },
      { text: '   ' },
      {},
      { text: 'x'.repeat(2001) },
      { text: 'ok', important: 'yes' },
      { text: 'ok', extra: 1 },
      { text: 'a\u0000b' },
    ]) {
      const answer = await write(operator, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect((await write(operator, { text: '' })).body.message).toBe('text: Write the note');
    expect((await write(operator, { text: 'x'.repeat(2001) })).body.message).toBe(
      'text: The note must be at most 2000 characters',
    );
    expect((await env.call(operator, 'GET', '/shift-log?pageSize=1000')).status).toBe(400);
    expect((await env.call(operator, 'POST', '/shift-log/not-a-uuid/read')).status).toBe(400);
    const unknown = await env.call(operator, 'POST', '/shift-log/00000000-0000-4000-8000-000000000000/read');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('Shift log note 00000000-0000-4000-8000-000000000000 does not exist');
    expect((await write(null, { text: 'hello' })).status).toBe(401);
    expect((await env.call(null, 'GET', '/shift-log')).status).toBe(401);
    expect((await env.call(null, 'GET', '/shift-log/unread')).status).toBe(401);
  });
});
