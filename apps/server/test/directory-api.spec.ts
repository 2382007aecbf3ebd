import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ActionPlan,
  AuditEntry,
  AuthorizationList,
  Contact,
  Contract,
  Customer,
  OnCallRoster,
  Page,
  Person,
  ServiceCompany,
  Site,
  SiteDetail,
  Transmitter,
} from '@arc/shared/directory';
import { SecretBox } from '../src/common/secret-box.js';
import { TestEnvironment, TEST_SECRETS_KEY } from './support/test-app.js';

const env = new TestEnvironment();
let admin: string;
let operator: string;
let supervisor: string;

const call = <T = Record<string, unknown>>(token: string | null, method: string, path: string, body?: unknown) =>
  env.call<T>(token, method, path, body);

/** Creates as admin and fails loudly unless the answer is 201. */
async function create<T>(path: string, body: unknown): Promise<T> {
  const answer = await call<T>(admin, 'POST', path, body);
  if (answer.status !== 201) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const TABLES = [
  'customers',
  'contracts',
  'sites',
  'transmitters',
  'authorization_lists',
  'authorization_list_sites',
  'persons',
  'service_companies',
  'approvals',
  'contacts',
  'on_call_rosters',
  'action_plans',
  'action_plan_steps',
  'audit_log',
];

/** Row counts of every directory table and the audit log: "nothing changed" means this is equal. */
async function snapshot(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await env.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    result[table] = Number(row!.n);
  }
  return result;
}

let serial = 0;
const unique = (prefix: string) => `${prefix}${Date.now() % 100_000}${(serial += 1)}`;

const siteInput = (overrides: Record<string, unknown> = {}) => ({
  name: unique('Lager '),
  street: 'Storgatan 5',
  postcode: '72215',
  city: 'Västerås',
  municipality: 'Västerås',
  ...overrides,
});

beforeAll(async () => {
  await env.start();
  [admin, operator, supervisor] = await Promise.all([
    env.login('admin'),
    env.login('operator'),
    env.login('supervisor'),
  ]);
});

afterAll(async () => {
  await env.destroy();
});

describe('customers and contracts', () => {
  it('round-trips a customer: create, read, list, replace, delete, each audited', async () => {
    const customer = await create<Customer>('/customers', {
      customerNo: 'K-100',
      name: 'Acme AB',
      orgNo: '5566778899',
    });
    expect(customer).toMatchObject({ customerNo: 'K-100', name: 'Acme AB', orgNo: '556677-8899' });

    expect((await call<Customer>(operator, 'GET', `/customers/${customer.id}`)).body).toEqual(customer);
    const list = await call<Page<Customer>>(operator, 'GET', '/customers?q=acme');
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.body.items[0]!.id).toBe(customer.id);

    const replaced = await call<Customer>(admin, 'PUT', `/customers/${customer.id}`, {
      customerNo: 'K-100',
      name: 'Acme Sverige AB',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'Acme Sverige AB', orgNo: null });

    expect((await call(admin, 'DELETE', `/customers/${customer.id}`)).status).toBe(204);
    expect((await call(admin, 'GET', `/customers/${customer.id}`)).status).toBe(404);

    const audit = await call<Page<AuditEntry>>(supervisor, 'GET', `/audit?entity=customer&entityId=${customer.id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['DELETE', 'UPDATE', 'CREATE']);
    expect(audit.body.items[1]).toMatchObject({
      actorName: expect.any(String),
      before: { name: 'Acme AB' },
      after: { name: 'Acme Sverige AB' },
    });
  });

  it('refuses a duplicate contract number with 409 naming contractNo, and changes nothing', async () => {
    const customer = await create<Customer>('/customers', { customerNo: unique('K'), name: 'Dup AB' });
    const contract = {
      contractNo: unique('A-'),
      customerId: customer.id,
      managerName: 'Eva Ek',
      managerPhone: '070-123 45 67',
      yearlyEventQuota: 12,
      startDate: '2026-01-01',
      termMonths: 36,
    };
    const first = await create<Contract>('/contracts', contract);
    expect(first).toMatchObject({
      customerNo: customer.customerNo,
      managerPhone: '+46701234567',
      startDate: '2026-01-01',
    });

    const before = await snapshot();
    const again = await call(admin, 'POST', '/contracts', contract);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(`contractNo: ${contract.contractNo} is already used by another contract`);
    expect(await snapshot()).toEqual(before);

    const unknownCustomer = await call(admin, 'POST', '/contracts', {
      ...contract,
      contractNo: unique('A-'),
      customerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownCustomer.status).toBe(422);
    expect(unknownCustomer.body.message).toMatch(/^customerId: /);
    expect(await snapshot()).toEqual(before);

    // A customer with contracts cannot go; a contract used by a site cannot either.
    expect((await call(admin, 'DELETE', `/customers/${customer.id}`)).status).toBe(409);
    await create<Site>('/sites', siteInput({ contractId: first.id }));
    expect((await call(admin, 'DELETE', `/contracts/${first.id}`)).status).toBe(409);
    const byCustomer = await call<Page<Contract>>(operator, 'GET', `/contracts?customerId=${customer.id}`);
    expect(byCustomer.body.items.map((c) => c.id)).toEqual([first.id]);
  });

  it('refuses a duplicate customer number with 409 naming customerNo', async () => {
    const customerNo = unique('K');
    await create<Customer>('/customers', { customerNo, name: 'One' });
    const before = await snapshot();
    const again = await call(admin, 'POST', '/customers', { customerNo, name: 'Two' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/^customerNo: /);
    expect(await snapshot()).toEqual(before);
  });
});

describe('roles', () => {
  it('lets an operator read but not write', async () => {
    const before = await snapshot();
    for (const [method, path, body] of [
      ['POST', '/customers', { customerNo: 'X1', name: 'X' }],
      ['POST', '/sites', siteInput()],
      ['PUT', '/sites/00000000-0000-4000-8000-000000000000', siteInput()],
      ['DELETE', '/transmitters/00000000-0000-4000-8000-000000000000', undefined],
      ['POST', '/persons/00000000-0000-4000-8000-000000000000/password', {}],
    ] as const) {
      expect((await call(operator, method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
    expect((await call(operator, 'GET', '/sites')).status).toBe(200);
    expect((await call(operator, 'GET', '/audit')).status).toBe(403);
    expect((await call(null, 'GET', '/sites')).status).toBe(401);
  });
});

describe('sites and transmitters', () => {
  it('refuses an invalid postcode with 400 naming postcode, and changes nothing', async () => {
    const before = await snapshot();
    const answer = await call<{ message: string; issues: { path: string }[] }>(
      admin,
      'POST',
      '/sites',
      siteInput({ postcode: '7221' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.issues.map((i) => i.path)).toEqual(['postcode']);
    expect(await snapshot()).toEqual(before);
  });

  it('filters the list and hides archived sites unless asked', async () => {
    const municipality = unique('Kommun');
    const site = await create<Site>('/sites', siteInput({ municipality, name: 'Filtered 100%_site' }));
    expect(site.postcode).toBe('722 15');
    const byMunicipality = await call<Page<Site>>(operator, 'GET', `/sites?municipality=${municipality}`);
    expect(byMunicipality.body.items.map((s) => s.id)).toEqual([site.id]);
    // % and _ in q are literal characters, not wildcards.
    expect((await call<Page<Site>>(operator, 'GET', `/sites?q=${encodeURIComponent('100%_')}`)).body.total).toBe(1);
    expect((await call<Page<Site>>(operator, 'GET', `/sites?q=${encodeURIComponent('1%e')}`)).body.total).toBe(0);
  });

  it('deletes a site without history together with its contacts, plans and links', async () => {
    const site = await create<Site>('/sites', siteInput());
    await create<Transmitter>('/transmitters', { account: unique('A'), siteId: site.id });
    const contact = await create<Contact>(`/sites/${site.id}/contacts`, {
      name: 'Eva',
      routes: [{ kind: 'PHONE', value: '070-1234567' }],
    });
    await call(admin, 'PUT', `/sites/${site.id}/action-plans/FIRE`, {
      steps: [{ type: 'CALL_CONTACT', contactId: contact.id }],
    });
    await create<AuthorizationList>('/authorization-lists', { name: unique('List '), siteIds: [site.id] });

    const answer = await call(admin, 'DELETE', `/sites/${site.id}`);
    expect(answer.status).toBe(204);
    for (const table of [
      'sites WHERE id',
      'contacts WHERE site_id',
      'action_plans WHERE site_id',
      'authorization_list_sites WHERE site_id',
      'transmitters WHERE site_id',
    ]) {
      const [row] = await env.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} = $1`, [site.id]);
      expect(Number(row!.n), table).toBe(0);
    }
  });

  it('archives a site with history instead of deleting it, and unarchives it', async () => {
    const site = await create<Site>('/sites', siteInput());
    const account = unique('B');
    const transmitter = await create<Transmitter>('/transmitters', { account, siteId: site.id });
    const signal = await env.postSignal({ account, code: 'BA', zone: '1' });
    expect(signal.status).toBe(201);

    const answer = await call<Site>(admin, 'DELETE', `/sites/${site.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.archivedAt).toEqual(expect.any(String));
    expect((await call(admin, 'GET', `/sites/${site.id}`)).status).toBe(200);
    expect((await call<Page<Site>>(operator, 'GET', `/sites?q=${encodeURIComponent(site.name)}`)).body.total).toBe(0);
    expect(
      (await call<Page<Site>>(operator, 'GET', `/sites?includeArchived=true&q=${encodeURIComponent(site.name)}`)).body
        .total,
    ).toBe(1);
    const audit = await call<Page<AuditEntry>>(admin, 'GET', `/audit?entity=site&entityId=${site.id}`);
    expect(audit.body.items[0]!.action).toBe('ARCHIVE');

    // A transmitter with signals cannot be deleted either.
    expect((await call(admin, 'DELETE', `/transmitters/${transmitter.id}`)).status).toBe(409);

    const restored = await call<Site>(admin, 'POST', `/sites/${site.id}/unarchive`);
    expect(restored.status).toBe(200);
    expect(restored.body.archivedAt).toBeNull();
  });

  it('seals the transmitter key, never returns it, and keeps or removes it on PUT', async () => {
    const site = await create<Site>('/sites', siteInput());
    const key = 'AAAAAAAAAAAAAAAA';
    const input = {
      account: unique('C'),
      siteId: site.id,
      protocol: 'SIA-DCS',
      encryptionKey: { format: 'text', value: key } as { format: string; value: string } | null,
      supervisionIntervalSeconds: 90,
    };
    const transmitter = await create<Transmitter>('/transmitters', input);
    expect(transmitter).toMatchObject({ encrypted: true, protocol: 'SIA-DCS', supervisionIntervalSeconds: 90 });
    expect(JSON.stringify(transmitter)).not.toContain(key);
    expect(transmitter).not.toHaveProperty('encryptionKey');

    const sealed = async () =>
      (
        await env.query<{ k: string | null }>(`SELECT encryption_key_sealed AS k FROM transmitters WHERE id = $1`, [
          transmitter.id,
        ])
      )[0]!.k;
    const stored = await sealed();
    expect(stored).not.toContain(key);
    // Sealed as the hex of its bytes, whatever the format it was entered in.
    expect(new SecretBox(TEST_SECRETS_KEY).open(stored!)).toBe('41'.repeat(16));

    const updatedAt = async () =>
      (
        await env.query<{ t: Date }>(`SELECT updated_at AS t FROM transmitters WHERE id = $1`, [transmitter.id])
      )[0]!.t.getTime();
    const firstUpdate = await updatedAt();
    const withoutKey: Partial<typeof input> = { ...input };
    delete withoutKey.encryptionKey;
    const kept = await call<Transmitter>(admin, 'PUT', `/transmitters/${transmitter.id}`, {
      ...withoutKey,
      supervisionIntervalSeconds: 120,
    });
    expect(kept.body).toMatchObject({ encrypted: true, supervisionIntervalSeconds: 120 });
    expect(await sealed()).toBe(stored);
    expect(await updatedAt()).toBeGreaterThan(firstUpdate);

    const removed = await call<Transmitter>(admin, 'PUT', `/transmitters/${transmitter.id}`, {
      ...withoutKey,
      encryptionKey: null,
    });
    expect(removed.body.encrypted).toBe(false);
    expect(await sealed()).toBeNull();

    const audit = await env.query<{ after: unknown }>(
      `SELECT after FROM audit_log WHERE entity = 'transmitter' AND entity_id = $1`,
      [transmitter.id],
    );
    expect(JSON.stringify(audit)).not.toContain(key);
    expect(JSON.stringify(audit)).not.toContain(stored!);
  });

  it('refuses a duplicate account and a key of the wrong length, naming the field, changing nothing', async () => {
    const site = await create<Site>('/sites', siteInput());
    const account = unique('D');
    await create<Transmitter>('/transmitters', { account, siteId: site.id });
    const before = await snapshot();

    const duplicate = await call(admin, 'POST', '/transmitters', { account: account.toLowerCase(), siteId: site.id });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toBe(`account: ${account} is already used by another transmitter`);

    const shortKey = await call<{ issues: { path: string }[] }>(admin, 'POST', '/transmitters', {
      account: unique('E'),
      siteId: site.id,
      encryptionKey: { format: 'text', value: 'too-short' },
    });
    expect(shortKey.status).toBe(400);
    expect(shortKey.body.issues.map((i) => i.path)).toEqual(['encryptionKey.value']);

    const unknownSite = await call(admin, 'POST', '/transmitters', {
      account: unique('F'),
      siteId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownSite.status).toBe(422);
    expect(unknownSite.body.message).toMatch(/^siteId: /);
    expect(await snapshot()).toEqual(before);
  });
});

describe('transmitter key format and requireEncryption', () => {
  const sealedKey = async (id: string) => {
    const [row] = await env.query<{ k: string | null }>(
      `SELECT encryption_key_sealed AS k FROM transmitters WHERE id = $1`,
      [id],
    );
    return row!.k === null ? null : new SecretBox(TEST_SECRETS_KEY).open(row!.k);
  };

  it('takes the key with its format: a 32-character text key of hex digits is AES-256, not 16 hex bytes', async () => {
    const site = await create<Site>('/sites', siteInput());
    const text = '0123456789ABCDEF0123456789ABCDEF';
    const asText = await create<Transmitter>('/transmitters', {
      account: unique('A1'),
      siteId: site.id,
      encryptionKey: { format: 'text', value: text },
    });
    expect(asText.encrypted).toBe(true);
    expect(await sealedKey(asText.id)).toBe(Buffer.from(text, 'latin1').toString('hex').toUpperCase());
    const asHex = await create<Transmitter>('/transmitters', {
      account: unique('A2'),
      siteId: site.id,
      encryptionKey: { format: 'hex', value: text.toLowerCase() },
    });
    expect(await sealedKey(asHex.id)).toBe(text);
  });

  it('refuses a key without its format, of the wrong length for it, or not hex in hex, naming the field', async () => {
    const site = await create<Site>('/sites', siteInput());
    const before = await snapshot();
    const attempt = async (encryptionKey: unknown) => {
      const answer = await call<{ issues: { path: string; message: string }[] }>(admin, 'POST', '/transmitters', {
        account: unique('B'),
        siteId: site.id,
        encryptionKey,
      });
      expect(answer.status).toBe(400);
      return answer.body.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(await attempt('0123456789ABCDEF0123456789ABCDEF')).toEqual([
      "encryptionKey: must be an object { format: 'hex' | 'text', value }",
    ]);
    expect(await attempt({ value: '0123456789ABCDEF0123456789ABCDEF' })).toEqual([
      "encryptionKey.format: must be 'hex' or 'text'",
    ]);
    expect(await attempt({ format: 'hex', value: 'AB'.repeat(20) })).toEqual([
      'encryptionKey.value: must be 32, 48 or 64 hex digits for format hex (AES-128/192/256), not 40',
    ]);
    expect(await attempt({ format: 'hex', value: 'XY'.repeat(16) })).toEqual([
      'encryptionKey.value: must be hex digits only (0-9, A-F) for format hex',
    ]);
    expect(await attempt({ format: 'text', value: 'A'.repeat(20) })).toEqual([
      'encryptionKey.value: must be 16, 24 or 32 characters for format text (AES-128/192/256), not 20',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('stores requireEncryption, keeps it when omitted, audits it and refuses it without a key', async () => {
    const site = await create<Site>('/sites', siteInput());
    const key = { format: 'hex', value: '0F'.repeat(16) };
    const input = { account: unique('A3'), siteId: site.id, encryptionKey: key, requireEncryption: true };
    const transmitter = await create<Transmitter>('/transmitters', input);
    expect(transmitter).toMatchObject({ encrypted: true, requireEncryption: true });
    const created = await call<Page<AuditEntry>>(
      supervisor,
      'GET',
      `/audit?entity=transmitter&entityId=${transmitter.id}`,
    );
    expect(created.body.items[0]).toMatchObject({ action: 'CREATE', after: { requireEncryption: true } });

    // Omitted: kept (a client that does not know the field cannot switch it off by accident).
    const base = { account: input.account, siteId: site.id };
    const kept = await call<Transmitter>(admin, 'PUT', `/transmitters/${transmitter.id}`, base);
    expect(kept.status).toBe(200);
    expect(kept.body.requireEncryption).toBe(true);
    expect((await call<SiteDetail>(operator, 'GET', `/sites/${site.id}/detail`)).body.transmitters[0]).toMatchObject({
      requireEncryption: true,
    });

    const before = await snapshot();
    const removeKey = await call(admin, 'PUT', `/transmitters/${transmitter.id}`, { ...base, encryptionKey: null });
    expect(removeKey.status).toBe(422);
    expect(removeKey.body.message).toMatch(/^requireEncryption: needs a key/);
    const both = await call<{ issues: { path: string }[] }>(admin, 'PUT', `/transmitters/${transmitter.id}`, {
      ...base,
      encryptionKey: null,
      requireEncryption: true,
    });
    expect(both.status).toBe(400);
    expect(both.body.issues.map((i) => i.path)).toEqual(['requireEncryption']);
    const noKey = await call(admin, 'POST', '/transmitters', {
      account: unique('A4'),
      siteId: site.id,
      requireEncryption: true,
    });
    expect(noKey.status).toBe(422);
    expect(noKey.body.message).toMatch(/^requireEncryption: /);
    const notBoolean = await call<{ issues: { path: string }[] }>(admin, 'PUT', `/transmitters/${transmitter.id}`, {
      ...base,
      requireEncryption: 'yes',
    });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.issues.map((i) => i.path)).toEqual(['requireEncryption']);
    expect(await snapshot()).toEqual(before);

    const off = await call<Transmitter>(admin, 'PUT', `/transmitters/${transmitter.id}`, {
      ...base,
      requireEncryption: false,
    });
    expect(off.body).toMatchObject({ encrypted: true, requireEncryption: false });
    const audit = await call<Page<AuditEntry>>(
      supervisor,
      'GET',
      `/audit?entity=transmitter&entityId=${transmitter.id}`,
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'UPDATE',
      before: { requireEncryption: true },
      after: { requireEncryption: false },
    });
  });
});

describe('authorization lists, persons and passwords', () => {
  let site: Site;
  let list: AuthorizationList;
  let a: Person;
  let b: Person;

  beforeAll(async () => {
    site = await create<Site>('/sites', siteInput());
    list = await create<AuthorizationList>('/authorization-lists', { name: unique('Behörighet '), siteIds: [site.id] });
    a = await create<Person>('/persons', {
      listId: list.id,
      name: 'Anna A',
      phone: '070-111 11 11',
      level: 'A',
      validFrom: '2026-01-01',
    });
    b = await create<Person>('/persons', { listId: list.id, name: 'Bo B', phone: '070-222 22 22', level: 'B' });
  });

  it('refuses a person without a level and an invalid phone, naming the field, changing nothing', async () => {
    const before = await snapshot();
    const noLevel = await call<{ issues: { path: string }[] }>(admin, 'POST', '/persons', {
      listId: list.id,
      name: 'Cecilia',
      phone: '070-333 33 33',
    });
    expect(noLevel.status).toBe(400);
    expect(noLevel.body.issues.map((i) => i.path)).toEqual(['level']);
    const badPhone = await call<{ issues: { path: string }[] }>(admin, 'POST', '/persons', {
      listId: list.id,
      name: 'Cecilia',
      phone: '12',
      level: 'C',
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.issues.map((i) => i.path)).toEqual(['phone']);
    expect(await snapshot()).toEqual(before);
  });

  it('sets a password on an A-level request: argon2id, never returned, masked in the audit log', async () => {
    const password = 'hemligt-lösen-42';
    const answer = await call(admin, 'POST', `/persons/${b.id}/password`, {
      password,
      requestedByPersonId: a.id,
      requestDate: '2026-03-01',
      requestReference: 'Brev 2026-02-27',
    });
    expect(answer.status).toBe(204);
    const [row] = await env.query<{ password_hash: string }>(`SELECT password_hash FROM persons WHERE id = $1`, [b.id]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);

    const reads = [
      await call(operator, 'GET', `/persons/${b.id}`),
      await call(operator, 'GET', `/authorization-lists/${list.id}/persons`),
      await call(operator, 'GET', `/sites/${site.id}/detail`),
    ];
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).not.toMatch(/argon2|passwordHash|password_hash|hemligt/);
    }
    expect(reads[0]!.body).toMatchObject({ hasPassword: true });

    const audit = await call<Page<AuditEntry>>(supervisor, 'GET', `/audit?entity=person&entityId=${b.id}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'SET_PASSWORD',
      after: {
        requestedByPersonId: a.id,
        requestDate: '2026-03-01',
        requestReference: 'Brev 2026-02-27',
        password: '***',
      },
    });
    const everything = await env.query(`SELECT before, after FROM audit_log`);
    expect(JSON.stringify(everything)).not.toMatch(/argon2|hemligt/);
  });

  it('refuses a password requested by a B-level person, or an A-level person not yet valid', async () => {
    const before = await snapshot();
    const [hashBefore] = await env.query(`SELECT password_hash FROM persons WHERE id = $1`, [a.id]);
    for (const [requester, date] of [
      [b.id, '2026-03-01'],
      [a.id, '2025-12-31'],
    ] as const) {
      const answer = await call(admin, 'POST', `/persons/${a.id}/password`, {
        password: 'another-secret',
        requestedByPersonId: requester,
        requestDate: date,
        requestReference: 'Telefon',
      });
      expect(answer.status).toBe(422);
      expect(answer.body.message).toMatch(/^requestedByPersonId: /);
    }
    expect(await snapshot()).toEqual(before);
    expect((await env.query(`SELECT password_hash FROM persons WHERE id = $1`, [a.id]))[0]).toEqual(hashBefore);
  });

  it('creates a service company with its own list; approvals need an installer on that list', async () => {
    const company = await create<ServiceCompany>('/service-companies', {
      name: unique('Larmservice '),
      siteIds: [site.id],
    });
    expect(company.authorizationListId).toEqual(expect.any(String));
    const [listRow] = await env.query<{ service_company_id: string }>(
      `SELECT service_company_id FROM authorization_lists WHERE id = $1`,
      [company.authorizationListId],
    );
    expect(listRow!.service_company_id).toBe(company.id);

    const installer = await create<Person>('/persons', {
      listId: company.authorizationListId,
      name: 'Ivar',
      phone: '070-444 44 44',
      level: 'B',
    });
    const approved = await create<ServiceCompany>(`/service-companies/${company.id}/approvals`, {
      kind: 'POLICE_INTRUSION',
      personId: installer.id,
      reference: 'Polis 123',
    });
    expect(approved.approvals).toHaveLength(1);
    const stranger = await call(admin, 'POST', `/service-companies/${company.id}/approvals`, {
      kind: 'FIRE_CERTIFICATE',
      personId: a.id,
      reference: 'X',
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.message).toMatch(/^personId: /);

    const detail = await call<SiteDetail>(operator, 'GET', `/sites/${site.id}/detail`);
    expect(detail.body.serviceCompanies[0]!.installers.map((p) => p.id)).toEqual([installer.id]);
    expect(detail.body.authorizationLists[0]!.persons.map((p) => p.name)).toEqual(['Anna A', 'Bo B']);

    expect(
      (await call(admin, 'DELETE', `/service-companies/${company.id}/approvals/${approved.approvals[0]!.id}`)).status,
    ).toBe(204);
    expect((await call(admin, 'DELETE', `/authorization-lists/${company.authorizationListId}`)).status).toBe(409);
    expect((await call(admin, 'DELETE', `/service-companies/${company.id}`)).status).toBe(204);
    expect((await call(admin, 'GET', `/persons/${installer.id}`)).status).toBe(404);
  });
});

describe('contacts, rosters and action plans', () => {
  it('appends contacts, reorders them, and refuses a reorder that is not exactly the site contacts', async () => {
    const site = await create<Site>('/sites', siteInput());
    const other = await create<Site>('/sites', siteInput());
    const names = ['Första', 'Andra', 'Tredje'];
    const contacts: Contact[] = [];
    for (const name of names) {
      contacts.push(
        await create<Contact>(`/sites/${site.id}/contacts`, {
          name,
          routes: [{ kind: 'SMS', value: '070-555 55 55' }],
        }),
      );
    }
    expect(contacts.map((c) => c.position)).toEqual([1, 2, 3]);
    const foreign = await create<Contact>(`/sites/${other.id}/contacts`, {
      name: 'Främling',
      routes: [{ kind: 'EMAIL', value: 'x@example.se' }],
    });

    const order = [contacts[2]!.id, contacts[0]!.id, contacts[1]!.id];
    const reordered = await call<Contact[]>(admin, 'PUT', `/sites/${site.id}/contacts/order`, { ids: order });
    expect(reordered.status).toBe(200);
    expect(reordered.body.map((c) => [c.id, c.position])).toEqual(order.map((id, i) => [id, i + 1]));

    const before = await snapshot();
    for (const ids of [order.slice(0, 2), [...order.slice(0, 2), foreign.id]]) {
      const bad = await call(admin, 'PUT', `/sites/${site.id}/contacts/order`, { ids });
      expect(bad.status).toBe(422);
      expect(bad.body.message).toMatch(/^ids: /);
    }
    expect(await snapshot()).toEqual(before);
    expect((await call<Contact[]>(operator, 'GET', `/sites/${site.id}/contacts`)).body.map((c) => c.id)).toEqual(order);
  });

  it('stores plan steps in array order, and refuses a contact of another site at steps.<i>.contactId', async () => {
    const site = await create<Site>('/sites', siteInput());
    const other = await create<Site>('/sites', siteInput());
    const mine = await create<Contact>(`/sites/${site.id}/contacts`, {
      name: 'Min',
      routes: [{ kind: 'PHONE', value: '070-666 66 66' }],
    });
    const theirs = await create<Contact>(`/sites/${other.id}/contacts`, {
      name: 'Deras',
      routes: [{ kind: 'PHONE', value: '070-777 77 77' }],
    });
    const roster = await create<OnCallRoster>('/on-call-rosters', {
      name: unique('Jour '),
      rotationStart: '2026-01-05',
      members: [
        { name: 'Vecka ett', phone: '070-888 88 88' },
        { name: 'Vecka två', phone: '070-999 99 99' },
      ],
    });
    expect(roster.onCallNow).not.toBeNull();

    const steps = [
      { type: 'CALL_CONTACT', contactId: mine.id, mandatory: true },
      { type: 'CALL_ON_CALL', rosterId: roster.id },
      { type: 'INSTRUCTION', instruction: 'Nyckel finns i nyckelskåp 3' },
      { type: 'ALERT_RESCUE_SERVICE' },
    ];
    const plan = await call<ActionPlan>(admin, 'PUT', `/sites/${site.id}/action-plans/FIRE`, { steps });
    expect(plan.status).toBe(200);
    expect(plan.body.steps.map((s) => [s.position, s.type])).toEqual(steps.map((s, i) => [i + 1, s.type]));

    // Reordering the steps is a replace with a new array order.
    const reversed = await call<ActionPlan>(admin, 'PUT', `/sites/${site.id}/action-plans/FIRE`, {
      steps: [...steps].reverse(),
    });
    expect(reversed.body.steps.map((s) => s.type)).toEqual([
      'ALERT_RESCUE_SERVICE',
      'INSTRUCTION',
      'CALL_ON_CALL',
      'CALL_CONTACT',
    ]);

    const before = await snapshot();
    const foreign = await call(admin, 'PUT', `/sites/${site.id}/action-plans/FIRE`, {
      steps: [
        { type: 'INSTRUCTION', instruction: 'x' },
        { type: 'CALL_CONTACT', contactId: theirs.id },
      ],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.message).toMatch(/^steps\.1\.contactId: /);
    const noRoster = await call(admin, 'PUT', `/sites/${site.id}/action-plans/INTRUSION`, {
      steps: [{ type: 'CALL_ON_CALL', rosterId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(noRoster.status).toBe(422);
    expect(noRoster.body.message).toMatch(/^steps\.0\.rosterId: /);
    expect(await snapshot()).toEqual(before);

    // What a step uses cannot be deleted.
    expect((await call(admin, 'DELETE', `/contacts/${mine.id}`)).status).toBe(409);
    expect((await call(admin, 'DELETE', `/on-call-rosters/${roster.id}`)).status).toBe(409);

    const detail = await call<SiteDetail>(operator, 'GET', `/sites/${site.id}/detail`);
    expect(detail.body.actionPlans.map((p) => p.category)).toEqual(['FIRE']);
    expect(detail.body.onCallRosters.map((r) => r.id)).toEqual([roster.id]);
    expect(detail.body.contacts.map((c) => c.id)).toEqual([mine.id]);

    expect((await call(admin, 'DELETE', `/sites/${site.id}/action-plans/FIRE`)).status).toBe(204);
    expect((await call(operator, 'GET', `/sites/${site.id}/action-plans/FIRE`)).status).toBe(404);
    expect((await call(admin, 'DELETE', `/contacts/${mine.id}`)).status).toBe(204);
  });
});

describe('OpenAPI', () => {
  it('is public and lists every route with schemas from zod', async () => {
    const answer = await call<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>(
      null,
      'GET',
      '/openapi.json',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    const paths = answer.body.paths;
    for (const path of [
      '/customers/{id}',
      '/contracts',
      '/sites/{id}/detail',
      '/sites/{siteId}/contacts/order',
      '/sites/{siteId}/action-plans/{category}',
      '/persons/{id}/password',
      '/service-companies/{id}/approvals/{approvalId}',
      '/on-call-rosters/{id}',
      '/audit',
      '/auth/login',
      '/signals',
      '/health',
      '/directory/search',
    ]) {
      expect(paths, path).toHaveProperty([path]);
    }
    const transmitterBody = JSON.stringify(paths['/transmitters']!.post!.requestBody);
    expect(transmitterBody).toContain('encryptionKey');
    expect(transmitterBody).toContain('requireEncryption');
    expect(transmitterBody).toContain('"enum":["hex","text"]');
    expect(JSON.stringify(paths['/transmitters/{id}'])).toContain('requireEncryption');
    const siteQuery = (paths['/sites']!.get as unknown as { parameters: { name: string }[] }).parameters;
    expect(siteQuery.map((p) => p.name)).toEqual(
      expect.arrayContaining(['page', 'q', 'municipality', 'includeArchived']),
    );
  });
});
