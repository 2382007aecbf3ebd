import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ENTITIES, type AuditEntry, type Customer, type Page } from '@arc/shared/directory';
import { expectStatus, TestEnvironment } from './support/test-app.js';

/**
 * GET /audit filtered by who (actor), what (action, entity, entityId) and when (from, to), as the
 * administration view's audit log asks for it (issue 16).
 */
const env = new TestEnvironment();
let admin: string;
let supervisor: string;
let operator: string;
let adminId: string;
let supervisorId: string;
let customer: Customer;

const audit = (token: string, query: string) =>
  expectStatus<Page<AuditEntry>>(env.call(token, 'GET', `/audit?${query}`), 200);

/** An audit row at a chosen instant (the API always writes now()). */
async function insertEntry(entry: {
  actor: string | null;
  action: string;
  entity: string;
  entityId: string;
  at: string;
}) {
  await env.query(
    `INSERT INTO audit_log (actor_user_id, action, entity, entity_id, at, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.actor,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.at,
      JSON.stringify({ name: 'before' }),
      JSON.stringify({ name: 'after' }),
    ],
  );
}

beforeAll(async () => {
  await env.start();
  [admin, supervisor, operator] = await Promise.all([
    env.login('admin'),
    env.login('supervisor'),
    env.login('operator'),
  ]);
  const users = await env.query<{ id: string; username: string }>(`SELECT id, username FROM users`);
  adminId = users.find((u) => u.username === 'admin')!.id;
  supervisorId = users.find((u) => u.username === 'supervisor')!.id;

  // Through the API (now): the admin creates and renames a customer.
  customer = await expectStatus<Customer>(
    env.call(admin, 'POST', '/customers', { customerNo: 'AF-1', name: 'Filter AB', orgNo: null }),
    201,
  );
  await expectStatus(
    env.call(admin, 'PUT', `/customers/${customer.id}`, { customerNo: 'AF-1', name: 'Filter Två AB' }),
    200,
  );

  // At chosen instants in 2026 (in the order written: the log is newest first by id): the
  // supervisor's shift notes and one failed sign-in (no actor).
  await insertEntry({
    actor: supervisorId,
    action: 'CREATE',
    entity: 'shift_note',
    entityId: '1',
    at: '2026-03-01T08:00:00Z',
  });
  await insertEntry({
    actor: null,
    action: 'LOGIN_FAILED',
    entity: 'login',
    entityId: adminId,
    at: '2026-03-01T08:30:00Z',
  });
  await insertEntry({
    actor: supervisorId,
    action: 'UPDATE',
    entity: 'shift_note',
    entityId: '1',
    at: '2026-03-01T09:00:00Z',
  });
  await insertEntry({
    actor: supervisorId,
    action: 'DELETE',
    entity: 'shift_note',
    entityId: '1',
    at: '2026-03-02T10:00:00Z',
  });
});

afterAll(async () => {
  await env.destroy();
});

describe('GET /audit filters', () => {
  it('filters by who: only the changes one user made, newest first', async () => {
    const bySupervisor = await audit(supervisor, `actor=${supervisorId}`);
    expect(bySupervisor.total).toBe(3);
    expect(bySupervisor.items.map((e) => e.action)).toEqual(['DELETE', 'UPDATE', 'CREATE']);
    expect(bySupervisor.items.every((e) => e.actorUserId === supervisorId && e.actorName)).toBe(true);

    const byAdmin = await audit(supervisor, `actor=${adminId}&entity=customer`);
    expect(byAdmin.items.map((e) => [e.action, e.entityId])).toEqual([
      ['UPDATE', customer.id],
      ['CREATE', customer.id],
    ]);
    // A user who changed nothing has an empty log, not an error.
    const nobody = await audit(supervisor, `actor=00000000-0000-4000-8000-000000000000`);
    expect(nobody).toMatchObject({ items: [], total: 0, page: 1 });
  });

  it('filters by what: action, entity and entity id, alone and together', async () => {
    const updates = await audit(admin, 'action=UPDATE');
    expect(updates.items.map((e) => e.entity).sort()).toEqual(['customer', 'shift_note']);
    const failed = await audit(admin, 'action=LOGIN_FAILED');
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ actorUserId: null, actorName: null, entity: 'login', entityId: adminId });
    const renamed = await audit(admin, `action=UPDATE&entity=customer&entityId=${customer.id}&actor=${adminId}`);
    expect(renamed.total).toBe(1);
    expect(renamed.items[0]!.before).toMatchObject({ name: 'Filter AB' });
    expect(renamed.items[0]!.after).toMatchObject({ name: 'Filter Två AB' });
    expect((await audit(admin, `action=DELETE&entity=customer`)).total).toBe(0);
  });

  it('filters by when: from inclusive, to exclusive, in any offset', async () => {
    const day = await audit(supervisor, 'from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z');
    expect(day.items.map((e) => e.at)).toEqual([
      '2026-03-01T09:00:00.000Z',
      '2026-03-01T08:30:00.000Z',
      '2026-03-01T08:00:00.000Z',
    ]);
    // 09:00 Swedish winter time is 08:00 UTC: included by from, and to excludes its own instant.
    const exact = await audit(
      supervisor,
      `from=${encodeURIComponent('2026-03-01T09:00:00+01:00')}&to=2026-03-01T09:00:00Z`,
    );
    expect(exact.items.map((e) => e.at)).toEqual(['2026-03-01T08:30:00.000Z', '2026-03-01T08:00:00.000Z']);
    // Open-ended on either side.
    expect((await audit(supervisor, 'from=2026-03-02T00:00:00Z&entity=shift_note')).items.map((e) => e.action)).toEqual(
      ['DELETE'],
    );
    const before = await audit(supervisor, 'to=2026-03-01T08:15:00.000Z');
    expect(before.items.map((e) => e.action)).toEqual(['CREATE']);
    // Who, what and when together.
    const all = await audit(
      supervisor,
      `actor=${supervisorId}&entity=shift_note&action=UPDATE&from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z`,
    );
    expect(all.items.map((e) => e.at)).toEqual(['2026-03-01T09:00:00.000Z']);
  });

  it('pages a filtered list: the total counts the filtered entries', async () => {
    const first = await audit(supervisor, `actor=${supervisorId}&pageSize=2`);
    const second = await audit(supervisor, `actor=${supervisorId}&pageSize=2&page=2`);
    expect([first.total, second.total]).toEqual([3, 3]);
    expect(first.items.map((e) => e.action)).toEqual(['DELETE', 'UPDATE']);
    expect(second.items.map((e) => e.action)).toEqual(['CREATE']);
    expect(second).toMatchObject({ page: 2, pageSize: 2 });
  });

  it('refuses bad filters with 400 naming the field and the rule, never a 5xx', async () => {
    const bad = async (query: string, field: string, words: string) => {
      const answer = await env.call<{ message: string; code: string; issues: { path: string; message: string }[] }>(
        supervisor,
        'GET',
        `/audit?${query}`,
      );
      expect(answer.status, query).toBe(400);
      expect(answer.body.code, query).toBe('VALIDATION');
      expect(
        answer.body.issues.map((i) => i.path),
        query,
      ).toContain(field);
      expect(answer.body.message, query).toContain(words);
    };
    await bad('actor=12', 'actor', 'actor: must be a user id');
    await bad('actor=', 'actor', 'must be a user id');
    await bad('action=MAYBE', 'action', 'action: must be one of CREATE, UPDATE');
    await bad('action=update', 'action', 'must be one of');
    await bad('from=yesterday', 'from', 'from: must be a date and time, e.g. 2026-11-22T14:00:00Z');
    await bad('to=2026-03-01', 'to', 'to: must be a date and time');
    await bad('from=2026-02-30T10:00:00Z', 'from', 'must be a date and time');
    await bad('from=0000-01-01T00:00:00Z', 'from', 'from: must be between the years 2000 and 9999');
    await bad('from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'to', 'to: must be after from');
    await bad('from=2026-03-01T00:00:00Z&to=2026-03-01T00:00:00Z', 'to', 'to: must be after from');
    await bad('from=2026-03-01T00:00:00Z&from=2026-03-02T00:00:00Z', 'from', 'from: must be a date and time');
    await bad('actor=a&actor=b', 'actor', 'actor: must be a user id');
    await bad('entity=', 'entity', 'entity');
    await bad(`entity=${'x'.repeat(51)}`, 'entity', 'entity');
    await bad('entityId=a%00b', 'entityId', 'entityId');
    await bad('pageSize=201', 'pageSize', 'pageSize');
    await bad('page=0', 'page', 'page');
  });

  it('is for supervisors and administrators only, filters or not', async () => {
    expect((await env.call(operator, 'GET', `/audit?actor=${adminId}`)).status).toBe(403);
    expect((await env.call(null, 'GET', '/audit?action=UPDATE')).status).toBe(401);
  });

  it('has an index for each filter', async () => {
    const indexes = await env.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'audit_log'`,
    );
    const byName = Object.fromEntries(indexes.map((i) => [i.indexname, i.indexdef]));
    expect(byName.audit_log_actor_idx).toContain('(actor_user_id, id)');
    expect(byName.audit_log_at_idx).toContain('(at)');
    expect(byName.audit_log_action_idx).toContain('(action, id)');
    expect(byName.audit_log_entity_idx).toContain('(entity, entity_id, id)');
  });

  it('describes every filter in the OpenAPI document', async () => {
    const document = await expectStatus<{ paths: Record<string, { get?: { parameters: { name: string }[] } }> }>(
      env.call(null, 'GET', '/openapi.json'),
      200,
    );
    const names = document.paths['/audit']!.get!.parameters.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'actor', 'action', 'entity', 'entityId', 'from', 'to']),
    );
  });
});

describe('AUDIT_ENTITIES', () => {
  /** Every `.ts` file under `dir`, specs left out. */
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
    });
  }

  it('lists every entity the server writes to the audit log (the console offers them as filters)', () => {
    const written = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '../src'))) {
      const text = readFileSync(file, 'utf8');
      // audit.record(manager, { actorUserId, action, entity: '…', … }): entity comes before before/after.
      for (const match of text.matchAll(/\.record\(\s*\w+,\s*\{[^}]*?\bentity: '([^']+)'/g)) written.add(match[1]!);
      // Rows written with SQL: INSERT INTO audit_log (…) VALUES (…, 'ACTION', 'entity', …).
      for (const match of text.matchAll(/INSERT INTO audit_log[^`]*VALUES \([^`]*?'[A-Z_]+', '([^']+)'/g)) {
        written.add(match[1]!);
      }
    }
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter((entity) => !(AUDIT_ENTITIES as readonly string[]).includes(entity))).toEqual([]);
  });
});
