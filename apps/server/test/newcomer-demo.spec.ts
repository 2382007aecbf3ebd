import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectorySearchHit } from '@arc/shared/directory';
import type { IntakeCall, VerificationOutcome } from '@arc/shared/intake';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DEMO_SITES, demoHeartbeatSeconds } from '../src/cli/demo-data.js';
import { DEMO_PLAN_CATEGORIES } from '../src/cli/demo-plans.js';
import { DEMO_ZONE_NAMES, seedDemoKnowledge } from '../src/cli/demo-knowledge.js';
import { seedDemo, type DemoSeedReport } from '../src/cli/demo-seed.js';
import { SecretBox } from '../src/common/secret-box.js';
import { generateDirectory } from '../src/directory-tools/demo/generate-directory.js';
import { sqlOfPg, transactionOfPg } from '../src/database/sql-kit.js';
import { validateImport } from '../src/directory-tools/transfer/validate-import.js';
import { writeImport } from '../src/directory-tools/transfer/write-import.js';
import { TestEnvironment, eventually, expectStatus } from './support/test-app.js';

/**
 * What a newcomer meets in the demo: the live sites' seed (plans, contacts, rosters, authority
 * persons with the printed passwords), generated sites that do not bury the queue in missing
 * link tests, an HTTP signal that counts as heard (defect 9), and a search with a typo in each
 * word (defect 10).
 */
const env = new TestEnvironment({ SUPERVISION_GRACE_SECONDS: '1', SUPERVISION_SWEEP_SECONDS: '0.3' });
let client: pg.Client;
let box: SecretBox;
let operator: string;
let first: DemoSeedReport;
let second: DemoSeedReport;

beforeAll(async () => {
  await env.start();
  client = new pg.Client({ connectionString: env.config.database.url });
  await client.connect();
  box = new SecretBox(env.config.secretsKey);
  first = await seedDemo(client, box, 'caller-secret-one');
  second = await seedDemo(client, box, 'caller-secret-one');
  operator = await env.login('operator');
});

afterAll(async () => {
  await client?.end();
  await env.destroy();
});

async function siteOf(account: string): Promise<string> {
  const [row] = await env.query<{ site_id: string }>(`SELECT site_id FROM transmitters WHERE account = $1`, [account]);
  return row!.site_id;
}

async function verifyCaller(siteId: string, name: string, password: string): Promise<VerificationOutcome> {
  const [person] = await env.query<{ id: string }>(
    `SELECT p.id FROM persons p JOIN authorization_list_sites ls ON ls.list_id = p.list_id
      WHERE ls.site_id = $1 AND p.name = $2`,
    [siteId, name],
  );
  const call = await expectStatus<IntakeCall>(env.call(operator, 'POST', '/intake/calls', { siteId }), 201);
  return expectStatus<VerificationOutcome>(
    env.call(operator, 'POST', `/intake/calls/${call.id}/verify`, { personId: person!.id, password }),
    200,
  );
}

describe('the demo seed of the live sites', () => {
  it('gives every live site contacts with routes, an action plan per category and an authorization list', async () => {
    expect(first.created).toBe(DEMO_SITES.length);
    for (const site of DEMO_SITES) {
      const siteId = await siteOf(site.account);
      const contacts = await env.query<{ id: string; routes: { kind: string }[] }>(
        `SELECT id, routes FROM contacts WHERE site_id = $1 ORDER BY position`,
        [siteId],
      );
      expect(contacts.length).toBeGreaterThanOrEqual(2);
      const [contract] = await env.query<{ customer_no: string; contract_no: string }>(
        `SELECT cu.customer_no, k.contract_no FROM sites s JOIN contracts k ON k.id = s.contract_id
           JOIN customers cu ON cu.id = k.customer_id WHERE s.id = $1`,
        [siteId],
      );
      expect(contract).toEqual({ customer_no: `DEMO-${site.account}`, contract_no: `DEMO-A-${site.account}` });
      expect(contacts.every((c) => c.routes.some((r) => r.kind === 'PHONE'))).toBe(true);
      const steps = await env.query<{ category: string; type: string; contact_id: string | null; members: unknown[] }>(
        `SELECT p.category, s.type, s.contact_id, r.members
           FROM action_plans p JOIN action_plan_steps s ON s.plan_id = p.id
           LEFT JOIN on_call_rosters r ON r.id = s.roster_id
          WHERE p.site_id = $1 ORDER BY p.category, s.position`,
        [siteId],
      );
      expect(new Set(steps.map((s) => s.category))).toEqual(new Set(DEMO_PLAN_CATEGORIES));
      const contactIds = new Set(contacts.map((c) => c.id));
      for (const step of steps.filter((s) => s.type === 'CALL_CONTACT'))
        expect(contactIds.has(step.contact_id!)).toBe(true);
      const fire = steps.filter((s) => s.category === 'FIRE').map((s) => s.type);
      expect(fire[0]).toBe('ALERT_RESCUE_SERVICE');
      expect(fire).toContain('CALL_CONTACT');
      expect(steps.filter((s) => s.category === 'HOLDUP').map((s) => s.type)).toContain('ALERT_POLICE');
      expect(steps.filter((s) => s.category === 'INTRUSION').map((s) => s.type)).toContain('DISPATCH_GUARD');
      const onCall = steps.find((s) => s.category === 'TECHNICAL' && s.type === 'CALL_ON_CALL');
      expect(onCall?.members.length).toBeGreaterThanOrEqual(2);
      const persons = await env.query<{ name: string; password_hash: string | null }>(
        `SELECT p.name, p.password_hash FROM persons p JOIN authorization_list_sites ls ON ls.list_id = p.list_id
          WHERE ls.site_id = $1`,
        [siteId],
      );
      expect(persons.map((p) => p.name).sort()).toEqual(site.authority.map((p) => p.name).sort());
      expect(persons.every((p) => p.password_hash?.startsWith('$argon2id$'))).toBe(true);
    }
  });

  it('a second run adds nothing and keeps the passwords', async () => {
    expect(second).toMatchObject({ created: 0, updated: 0, completed: 0, passwordsSet: 0 });
    expect(second.callers).toEqual(first.callers);
    const [counts] = await env.query<{
      contacts: number;
      contracts: number;
      plans: number;
      persons: number;
      rosters: number;
    }>(
      `SELECT (SELECT count(*)::int FROM contacts) AS contacts, (SELECT count(*)::int FROM contracts) AS contracts, (SELECT count(*)::int FROM action_plans) AS plans,
              (SELECT count(*)::int FROM persons) AS persons, (SELECT count(*)::int FROM on_call_rosters) AS rosters`,
    );
    expect(counts).toEqual({
      contracts: DEMO_SITES.length,
      contacts: DEMO_SITES.reduce((n, s) => n + s.contacts.length, 0),
      plans: DEMO_SITES.length * DEMO_PLAN_CATEGORIES.length,
      persons: DEMO_SITES.reduce((n, s) => n + s.authority.length, 0),
      rosters: 1,
    });
  });

  it('the printed caller verifies on the intake screen with the printed password, and only with it', async () => {
    const caller = first.callers.find((c) => c.account === '1004')!;
    expect(caller.password).toMatch(/^[a-z2-9]{10}$/);
    const siteId = await siteOf('1004');
    expect((await verifyCaller(siteId, caller.name, caller.password!)).result).toBe('VERIFIED');
    const other = first.callers.find((c) => c.account === '0B10')!;
    expect((await verifyCaller(await siteOf('0B10'), other.name, `${other.password}x`)).result).toBe('WRONG_PASSWORD');
  });

  it('a new DEMO_CALLER_SECRET (a new .demo/env) sets the passwords again, so the printed ones work', async () => {
    const third = await seedDemo(client, box, 'caller-secret-two');
    expect(third.passwordsSet).toBe(first.callers.length);
    const caller = third.callers.find((c) => c.account === '1006')!;
    expect(caller.password).not.toBe(first.callers.find((c) => c.name === caller.name)!.password);
    expect((await verifyCaller(await siteOf('1006'), caller.name, caller.password!)).result).toBe('VERIFIED');
  });
});

describe('the demo site knowledge', () => {
  it('names every zone the feed sends, gives instructions, hazards and temporary notes, and a second run adds nothing', async () => {
    const admin = await env.login('admin');
    const firstRun = await seedDemoKnowledge(client);
    expect(firstRun.zones).toBe(DEMO_SITES.length * DEMO_ZONE_NAMES.length);
    expect(firstRun.sites).toBe(DEMO_SITES.length);
    expect(firstRun.notes).toBe(2);
    expect(await seedDemoKnowledge(client)).toEqual({ zones: 0, sites: 0, notes: 0 });

    const preschool = await siteOf('1004');
    const knowledge = await expectStatus<{ instructions: string | null; hazards: string | null }>(
      env.call(operator, 'GET', `/sites/${preschool}/knowledge`),
      200,
    );
    expect(knowledge.instructions).toMatch(/evacuation/);
    expect(knowledge.hazards).toMatch(/children/);
    const notes = await expectStatus<{ text: string }[]>(env.call(operator, 'GET', `/sites/${preschool}/notes`), 200);
    expect(notes.map((n) => n.text)).toEqual([expect.stringMatching(/Fire drill/)]);
    const [transmitter] = await env.query<{ id: string }>(`SELECT id FROM transmitters WHERE account = '1004'`);
    const zones = await expectStatus<{ zone: string; name: string }[]>(
      env.call(admin, 'GET', `/transmitters/${transmitter!.id}/zones`),
      200,
    );
    expect(zones).toHaveLength(DEMO_ZONE_NAMES.length);
    expect(zones[2]).toMatchObject({ zone: '003', name: 'Kitchen smoke detector' });
  });
});

describe('the generated sites around the demo', () => {
  it('are not supervised, and every supervised transmitter is one the feed tests well within its interval', async () => {
    const document = generateDirectory({ sites: 40, seed: 9, supervised: false });
    const checked = await validateImport(document, sqlOfPg(client));
    expect(checked.rejected).toEqual([]);
    await transactionOfPg(client)((sql) =>
      writeImport(sql, checked.document!, checked.existing, {
        sealKey: (plain) => box.seal(plain),
        passwordHashes: new Map(),
      }),
    );
    const supervised = await env.query<{ account: string; supervision_interval_seconds: number }>(
      `SELECT account, supervision_interval_seconds FROM transmitters WHERE supervision_interval_seconds IS NOT NULL`,
    );
    expect(supervised.map((t) => t.account).sort()).toEqual(DEMO_SITES.map((s) => s.account).sort());
    for (const t of supervised) {
      // The feed's link test comes at most every third of the interval (and grace is added on top).
      expect(demoHeartbeatSeconds(t.supervision_interval_seconds)).toBeLessThanOrEqual(
        t.supervision_interval_seconds / 1.5,
      );
    }
    // The same seed with supervision draws the same directory otherwise.
    const withSupervision = generateDirectory({ sites: 40, seed: 9 });
    expect(withSupervision.transmitters.every((t) => t.supervisionIntervalSeconds! > 0)).toBe(true);
    expect(withSupervision.sites).toEqual(document.sites);
  });
});

describe('defect 9: an HTTP signal counts as heard', () => {
  it('updates last seen and moves the supervision deadline, as a DC-09 frame does', async () => {
    const { transmitterId } = await env.createSite('4711', 'HTTP panel', { supervisionIntervalSeconds: 600 });
    const before = Date.now();
    const response = await env.postSignal({ account: '4711', code: 'FA', zone: '002' });
    expect(response.status).toBe(201);
    const seen = await eventually(async () => {
      const [row] = await env.query<{ last_seen_at: Date | null }>(
        `SELECT last_seen_at FROM transmitters WHERE id = $1`,
        [transmitterId],
      );
      return row?.last_seen_at ?? undefined;
    }, 15_000);
    expect(seen.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const redis = new Redis(env.config.redis.url);
    try {
      const score = await redis.zscore(`${env.config.redis.prefix}:supervision:deadlines`, transmitterId);
      expect(Number(score)).toBeGreaterThanOrEqual(before + 600_000);
    } finally {
      redis.disconnect();
    }
  });
});

describe('defect 10: a typo in each word of a search', () => {
  const search = async (q: string) =>
    expectStatus<DirectorySearchHit[]>(env.call(operator, 'GET', `/directory/search?q=${encodeURIComponent(q)}`), 200);

  beforeAll(async () => {
    await env.query(
      `INSERT INTO sites (name, street, postcode, city, municipality)
       VALUES ('Förskolan Björken', 'Skolgatan 8', '753 30', 'Uppsala', 'Uppsala'),
              ('Kontor Björken', 'Kungsgatan 3', '411 19', 'Göteborg', 'Göteborg'),
              ('Villa Lärkan', 'Ekvägen 2', '753 31', 'Uppsala', 'Uppsala')`,
    );
  });

  it('"Bjrken Uppsla" finds Förskolan Björken in Uppsala', async () => {
    const hits = await search('Bjrken Uppsla');
    expect(hits.map((h) => h.siteName)).toContain('Förskolan Björken');
    // Only Björken sites in Uppsala (the generated ones among them): not the one in Göteborg.
    expect(hits.every((h) => h.municipality === 'Uppsala')).toBe(true);
  });

  it('"Solrsen Upsala" finds the demo preschool, and "Svlan Västrås" the office', async () => {
    expect((await search('Solrsen Upsala'))[0]?.siteName).toBe('Förskolan Solrosen');
    expect((await search('Svlan Västrås'))[0]?.siteName).toBe('Kvarteret Svalan (kontor)');
  });

  it('exact searches rank as before: the whole text first', async () => {
    const exact = await search('Förskolan Björken');
    expect(exact[0]).toMatchObject({ siteName: 'Förskolan Björken', matchedOn: 'site' });
    expect(exact[0]!.score).toBeGreaterThanOrEqual(1);
    const street = await search('Storgatan 5');
    // The two demo sites at "Storgatan 5" and the test's own panel there, before anything else.
    const top = street.slice(0, 3);
    expect(top.every((h) => h.address.startsWith('Storgatan 5,'))).toBe(true);
    expect(top.map((h) => h.siteName)).toEqual(
      expect.arrayContaining(['Kvarteret Svalan (kontor)', 'Storgatan 5 bostadsrätt']),
    );
    expect((await search('1004'))[0]?.siteName).toBe('Förskolan Solrosen');
  });
});
