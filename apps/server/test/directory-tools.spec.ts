import type { DirectorySearchHit } from '@arc/shared/directory';
import type { DirectoryImportReport, DirectoryTransferDocument } from '@arc/shared/directory-transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDirectory } from '../src/directory-tools/demo/generate-directory.js';
import { SecretBox } from '../src/common/secret-box.js';
import { TestEnvironment, TEST_SECRETS_KEY } from './support/test-app.js';

/** A small directory in the transfer format; the two sites share a street in two municipalities. */
function smallDirectory(): DirectoryTransferDocument {
  return {
    format: 'arc-directory',
    version: 1,
    customers: [{ customerNo: 'C-100', name: 'Svensson Bygg AB', orgNo: '556677-8899' }],
    contracts: [
      {
        contractNo: 'K-200',
        customerNo: 'C-100',
        managerName: 'Eva Berg',
        managerPhone: '070-123 45 67',
        yearlyEventQuota: 20,
        startDate: '2025-01-01',
        termMonths: 36,
      },
    ],
    sites: [
      {
        ref: 's1',
        name: 'Kvarteret Svalan',
        street: 'Storgatan 5',
        postcode: '722 15',
        city: 'Västerås',
        municipality: 'Västerås',
        contractNo: 'K-200',
      },
      {
        ref: 's2',
        name: 'Bostadsrätt Arboga',
        street: 'Storgatan 5',
        postcode: '73230',
        city: 'Arboga',
        municipality: 'Arboga',
        contractNo: 'K-200',
      },
    ],
    transmitters: [
      {
        account: 'ab1234',
        siteRef: 's1',
        protocol: 'SIA-DCS',
        encryptionKey: { format: 'text', value: 'ArcDemoKey-1003!' },
        requireEncryption: true,
        inputCategory: 'FIRE',
      },
      { account: 'CD5678', siteRef: 's2', inputCategory: 'INTRUSION' },
    ],
    authorizationLists: [
      {
        ref: 'l1',
        name: 'Behörighetslista Svalan',
        siteRefs: ['s1'],
        persons: [
          { name: 'Gunnel Höglund', phone: '073-555 12 34', level: 'A', password: 'hemligt-123' },
          { name: 'Per Ek', phone: '+46 70 999 88 77', level: 'C' },
        ],
      },
    ],
    serviceCompanies: [
      {
        ref: 'co1',
        name: 'Larmteknik AB',
        siteRefs: ['s1', 's2'],
        installers: [{ ref: 'i1', name: 'Ivar Installatör', phone: '0701112233', level: 'B' }],
        approvals: [{ kind: 'POLICE_INTRUSION', installerRef: 'i1', reference: 'POL-1' }],
      },
    ],
    contacts: [{ ref: 'c1', siteRef: 's1', name: 'Nyckelhållare', routes: [{ kind: 'PHONE', value: '0705556677' }] }],
    onCallRosters: [
      { ref: 'r1', name: 'Jour', rotationStart: '2026-01-05', members: [{ name: 'Jan', phone: '0702223344' }] },
    ],
    actionPlans: [
      {
        siteRef: 's1',
        category: 'FIRE',
        steps: [
          { type: 'ALERT_RESCUE_SERVICE', mandatory: true },
          { type: 'CALL_CONTACT', contactRef: 'c1' },
          { type: 'CALL_ON_CALL', rosterRef: 'r1' },
        ],
      },
    ],
  };
}

const COUNT_TABLES = [
  'customers',
  'contracts',
  'sites',
  'transmitters',
  'authorization_lists',
  'persons',
  'service_companies',
  'approvals',
  'contacts',
  'on_call_rosters',
  'action_plans',
  'action_plan_steps',
] as const;

async function tableCounts(env: TestEnvironment): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNT_TABLES) {
    const [row] = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = row!.n;
  }
  return counts;
}

function importFile(env: TestEnvironment, token: string, doc: unknown, dryRun = false): Promise<Response> {
  return fetch(`${env.url}/api/v1/directory/import?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
}

async function search(env: TestEnvironment, token: string, q: string): Promise<DirectorySearchHit[]> {
  const response = await fetch(`${env.url}/api/v1/directory/search?q=${encodeURIComponent(q)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as DirectorySearchHit[];
}

describe('directory tools', () => {
  const env = new TestEnvironment();
  let admin = '';
  let operator = '';

  beforeAll(async () => {
    await env.start();
    admin = await env.login('admin');
    operator = await env.login('operator');
  });
  afterAll(() => env.destroy());

  it('rejects a file with bad rows, names each row, and writes nothing', async () => {
    const before = await tableCounts(env);
    const doc = smallDirectory();
    doc.sites[1]!.postcode = '7323';
    doc.transmitters[1]!.account = 'AB1234';
    doc.contracts[0]!.customerNo = 'C-999';
    const response = await importFile(env, admin, doc);
    expect(response.status).toBe(422);
    const report = (await response.json()) as DirectoryImportReport;
    expect(report.valid).toBe(false);
    expect(report.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ section: 'sites', index: 1, ref: 's2', field: 'postcode' }),
        expect.objectContaining({
          section: 'transmitters',
          index: 1,
          field: 'account',
          message: 'is not unique in the file',
        }),
        expect.objectContaining({ section: 'contracts', index: 0, field: 'customerNo' }),
      ]),
    );
    expect(await tableCounts(env)).toEqual(before);
  });

  it('takes a directory larger than the default body limit as application/json, and other routes keep it', async () => {
    const doc = smallDirectory();
    // Pad with many sites until the JSON is well over 100 kB.
    const template = doc.sites[0]!;
    const sites = Array.from({ length: 1000 }, (_, i) => ({ ...template, ref: `bulk-${i}`, name: `Bulk site ${i}` }));
    const big = { ...doc, sites: [...doc.sites, ...sites] };
    expect(JSON.stringify(big).length).toBeGreaterThan(100_000);
    const response = await importFile(env, admin, big, true);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { counts: Record<string, number> }).counts.sites).toBe(doc.sites.length + 1000);
    const tooBig = await env.postSignal({ account: '1234', code: 'BA', text: 'x'.repeat(200_000) });
    expect(tooBig.status).toBe(413);
  });

  it('refuses requireEncryption without a key, and a key without its format, naming the row and field', async () => {
    const doc = smallDirectory();
    doc.transmitters[0]!.encryptionKey = null;
    doc.transmitters[1]!.encryptionKey = '0123456789ABCDEF0123456789ABCDEF' as never;
    const response = await importFile(env, admin, doc, true);
    expect(response.status).toBe(422);
    const report = (await response.json()) as DirectoryImportReport;
    expect(report.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          section: 'transmitters',
          index: 0,
          field: 'requireEncryption',
          message: 'needs encryptionKey (an export carries no keys: add the key of the panel)',
        }),
        expect.objectContaining({ section: 'transmitters', index: 1, field: 'encryptionKey' }),
      ]),
    );
  });

  it('a dry run validates but writes nothing; only admins may import or export', async () => {
    const before = await tableCounts(env);
    const dry = await importFile(env, admin, smallDirectory(), true);
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as DirectoryImportReport).valid).toBe(true);
    expect(await tableCounts(env)).toEqual(before);

    expect((await importFile(env, operator, smallDirectory())).status).toBe(403);
    const exported = await fetch(`${env.url}/api/v1/directory/export`, {
      headers: { authorization: `Bearer ${operator}` },
    });
    expect(exported.status).toBe(403);
    expect(await tableCounts(env)).toEqual(before);
  });

  it('imports a valid file in one go, sealing keys, hashing passwords and auditing once', async () => {
    const response = await importFile(env, admin, smallDirectory());
    expect(response.status).toBe(201);
    const report = (await response.json()) as DirectoryImportReport;
    expect(report).toMatchObject({ valid: true, rejected: [] });
    expect(report.counts).toMatchObject({ sites: 2, transmitters: 2, persons: 2, installers: 1, actionPlanSteps: 3 });

    const [transmitter] = await env.query<{ encryption_key_sealed: string; require_encryption: boolean }>(
      `SELECT encryption_key_sealed, require_encryption FROM transmitters WHERE account = 'AB1234'`,
    );
    expect(transmitter!.encryption_key_sealed).toMatch(/^v1\./);
    // Sealed as the hex of the key's bytes.
    expect(new SecretBox(TEST_SECRETS_KEY).open(transmitter!.encryption_key_sealed)).toBe(
      Buffer.from('ArcDemoKey-1003!', 'latin1').toString('hex').toUpperCase(),
    );
    expect(transmitter!.require_encryption).toBe(true);
    const [person] = await env.query<{ password_hash: string }>(
      `SELECT password_hash FROM persons WHERE name = 'Gunnel Höglund'`,
    );
    expect(person!.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await env.query<{ after: Record<string, number> }>(
      `SELECT after FROM audit_log WHERE action = 'IMPORT' AND entity = 'directory'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after.sites).toBe(2);

    // The same file again: its numbers and accounts now exist in the database.
    const again = await importFile(env, admin, smallDirectory());
    expect(again.status).toBe(422);
    const rejected = ((await again.json()) as DirectoryImportReport).rejected;
    expect(rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          section: 'customers',
          field: 'customerNo',
          message: 'already exists in the directory',
        }),
        expect.objectContaining({ section: 'transmitters', index: 0, field: 'account' }),
      ]),
    );
  });

  it('finds sites by every key, typo-tolerant, for any signed-in role', async () => {
    const byAccount = await search(env, operator, 'ab1234');
    expect(byAccount[0]).toMatchObject({ siteName: 'Kvarteret Svalan', matchedOn: 'account', accounts: ['AB1234'] });
    expect((await search(env, operator, 'AB12'))[0]?.accounts).toEqual(['AB1234']);
    expect((await search(env, operator, 'Svalan'))[0]).toMatchObject({
      siteName: 'Kvarteret Svalan',
      matchedOn: 'site',
    });
    expect((await search(env, operator, 'C-100')).map((h) => h.matchedOn)).toEqual(['customer', 'customer']);
    expect((await search(env, operator, 'K-200'))[0]).toMatchObject({ matchedOn: 'contract', contractNo: 'K-200' });
    expect((await search(env, operator, 'Gunnel Höglnd'))[0]).toMatchObject({
      siteName: 'Kvarteret Svalan',
      matchedOn: 'person',
    });
    expect((await search(env, operator, '073-555 12 34'))[0]).toMatchObject({ matchedOn: 'person' });
    expect((await search(env, operator, 'Arboga'))[0]).toMatchObject({ municipality: 'Arboga' });

    const typo = await search(env, operator, 'Storgtan 5');
    const same = typo.filter((h) => h.address.startsWith('Storgatan 5'));
    expect(same.map((h) => h.municipality).sort()).toEqual(['Arboga', 'Västerås']);
    expect(new Set(same.map((h) => h.address)).size).toBe(2);
  });

  it('leaves archived sites out and checks its input', async () => {
    await env.query(`UPDATE sites SET archived_at = now() WHERE name = 'Bostadsrätt Arboga'`);
    expect((await search(env, operator, 'Storgatan 5')).map((h) => h.siteName)).toEqual(['Kvarteret Svalan']);
    await env.query(`UPDATE sites SET archived_at = NULL WHERE name = 'Bostadsrätt Arboga'`);

    for (const query of ['', `q=${'x'.repeat(101)}`, 'q=Storgatan&limit=51']) {
      const response = await fetch(`${env.url}/api/v1/directory/search?${query}`, {
        headers: { authorization: `Bearer ${operator}` },
      });
      expect(response.status).toBe(400);
    }
    expect((await fetch(`${env.url}/api/v1/directory/search?q=Storgatan`)).status).toBe(401);
  });

  it('exports without secrets, and the export imports into a fresh directory with the same counts', async () => {
    const response = await fetch(`${env.url}/api/v1/directory/export`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/argon2|encryptionKey|password|v1\./);
    const exported = JSON.parse(text) as DirectoryTransferDocument;
    const sourceCounts = await tableCounts(env);

    const fresh = new TestEnvironment();
    await fresh.start();
    try {
      const token = await fresh.login('admin');
      // A transmitter that requires encryption needs its key, which no export carries.
      expect(exported.transmitters.find((t) => t.account === 'AB1234')).toMatchObject({ requireEncryption: true });
      const withoutKeys = await importFile(fresh, token, exported);
      expect(withoutKeys.status).toBe(422);
      expect(((await withoutKeys.json()) as DirectoryImportReport).rejected).toEqual([
        expect.objectContaining({ section: 'transmitters', field: 'requireEncryption', ref: 'AB1234' }),
      ]);
      for (const t of exported.transmitters) {
        if (t.requireEncryption) t.encryptionKey = { format: 'text', value: 'ArcDemoKey-1003!' };
      }
      const imported = await importFile(fresh, token, exported);
      expect(imported.status).toBe(201);
      expect(await tableCounts(fresh)).toEqual(sourceCounts);
      const reExported = (await (
        await fetch(`${fresh.url}/api/v1/directory/export`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as DirectoryTransferDocument;
      expect(reExported.customers).toEqual(exported.customers);
      expect(reExported.contracts).toEqual(exported.contracts);
      expect(reExported.transmitters.map((t) => t.account)).toEqual(exported.transmitters.map((t) => t.account));
    } finally {
      await fresh.destroy();
    }
  });
});

describe('demo generator', () => {
  it('is deterministic per seed, and its output passes the import rules', () => {
    const a = generateDirectory({ sites: 200, seed: 7 });
    const b = generateDirectory({ sites: 200, seed: 7 });
    const c = generateDirectory({ sites: 200, seed: 8 });
    expect(a).toEqual(b);
    expect(c.sites).not.toEqual(a.sites);
    expect(a.sites).toHaveLength(200);
    expect(a.customers).toHaveLength(50);
    expect(new Set(a.transmitters.map((t) => t.account)).size).toBe(a.transmitters.length);
    expect(a.transmitters.some((t) => ['1001', '00A9', '0B10'].includes(t.account))).toBe(false);
    const addresses = new Map<string, Set<string>>();
    for (const site of a.sites) {
      addresses.set(site.street, (addresses.get(site.street) ?? new Set()).add(site.municipality));
    }
    expect([...addresses.values()].some((municipalities) => municipalities.size > 1)).toBe(true);
  });
});
