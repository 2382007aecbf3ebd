import type pg from 'pg';
import { hashPassword, verifyPassword } from '../common/auth/password.js';
import type { SecretBox } from '../common/secret-box.js';
import { DEMO_ROSTER, DEMO_SITES, type DemoSite } from './demo-data.js';
import { DEMO_PLAN_CATEGORIES, demoCallerPassword, demoPlan } from './demo-plans.js';

interface TransmitterRow {
  site_id: string;
  protocol: string;
  supervision_interval_seconds: number | null;
  encryption_key_sealed: string | null;
}

/** An authority person of a live demo site, with the password the demo prints. */
export interface DemoCaller {
  name: string;
  level: 'A' | 'B' | 'C';
  siteName: string;
  account: string;
  /** Null when no DEMO_CALLER_SECRET was given: the person then has no password. */
  password: string | null;
}

export interface DemoSeedReport {
  created: number;
  updated: number;
  /** Sites that got contacts, an authorization list or action plans they lacked. */
  completed: number;
  /** Authority persons whose password hash was set (new, or not matching the secret any more). */
  passwordsSet: number;
  callers: DemoCaller[];
}

/** A sealed key cannot be compared as text (each seal has its own IV): open it. */
function sameKey(box: SecretBox, sealed: string | null, key: string | null): boolean {
  if (sealed === null || key === null) return sealed === key;
  try {
    return box.open(sealed) === key;
  } catch {
    return false; // sealed under another SECRETS_KEY
  }
}

function upToDate(box: SecretBox, row: TransmitterRow, site: DemoSite): boolean {
  return (
    row.protocol === site.protocol &&
    row.supervision_interval_seconds === site.supervisionSeconds &&
    sameKey(box, row.encryption_key_sealed, site.key)
  );
}

/**
 * The demo's live sites (the ones the DC-09 feed plays), idempotent: sites and transmitters,
 * and for each site what an operator works with — contacts with routes, an authorization list
 * whose persons have known passwords, and an action plan per category (the roster for technical
 * and service cases is shared). What a site already has is kept (also edits made in the console);
 * only what is missing is added. A password hash that does not verify with the password derived
 * from `callerSecret` is set again, so the printed passwords always work.
 */
export async function seedDemo(
  client: pg.ClientBase,
  box: SecretBox,
  callerSecret: string | null,
): Promise<DemoSeedReport> {
  const report: DemoSeedReport = { created: 0, updated: 0, completed: 0, passwordsSet: 0, callers: [] };
  const rosterId = await ensureRoster(client);
  for (const site of DEMO_SITES) {
    // The same secret gives the same passwords on every run.
    const passwords = site.authority.map((p) =>
      callerSecret === null ? null : demoCallerPassword(callerSecret, site.account, p.name),
    );
    await client.query('BEGIN');
    try {
      const siteId = await ensureSite(client, box, site, report);
      const added = [
        await ensureContract(client, siteId, site),
        await ensureContacts(client, siteId, site),
        await ensureAuthority(client, siteId, site, passwords, report),
        await ensurePlans(client, siteId, rosterId),
      ];
      if (added.some(Boolean)) report.completed += 1;
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    site.authority.forEach((p, i) =>
      report.callers.push({
        name: p.name,
        level: p.level,
        siteName: site.name,
        account: site.account,
        password: passwords[i]!,
      }),
    );
  }
  return report;
}

async function ensureRoster(client: pg.ClientBase): Promise<string> {
  const found = await client.query<{ id: string }>(
    `SELECT id FROM on_call_rosters WHERE name = $1 ORDER BY id LIMIT 1`,
    [DEMO_ROSTER.name],
  );
  if (found.rows[0]) return found.rows[0].id;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO on_call_rosters (name, rotation_start, members) VALUES ($1, $2, $3::jsonb) RETURNING id`,
    [DEMO_ROSTER.name, DEMO_ROSTER.rotationStart, JSON.stringify(DEMO_ROSTER.members)],
  );
  return rows[0]!.id;
}

async function ensureSite(
  client: pg.ClientBase,
  box: SecretBox,
  site: DemoSite,
  report: DemoSeedReport,
): Promise<string> {
  const sealed = site.key === null ? null : box.seal(site.key);
  const existing = await client.query<TransmitterRow>(
    `SELECT site_id, protocol, supervision_interval_seconds, encryption_key_sealed
       FROM transmitters WHERE account = $1 FOR UPDATE`,
    [site.account],
  );
  const row = existing.rows[0];
  if (!row) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO sites (name, street, postcode, city, municipality) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [site.name, site.street, site.postcode, site.city, site.municipality],
    );
    await client.query(
      `INSERT INTO transmitters (account, site_id, protocol, supervision_interval_seconds, encryption_key_sealed)
       VALUES ($1, $2, $3, $4, $5)`,
      [site.account, rows[0]!.id, site.protocol, site.supervisionSeconds, sealed],
    );
    report.created += 1;
    return rows[0]!.id;
  }
  if (!upToDate(box, row, site)) {
    // updated_at tells the running receiver's directory to reload this transmitter.
    await client.query(
      `UPDATE transmitters SET protocol = $2, supervision_interval_seconds = $3, encryption_key_sealed = $4,
              updated_at = now()
        WHERE account = $1`,
      [site.account, site.protocol, site.supervisionSeconds, sealed],
    );
    report.updated += 1;
  }
  return row.site_id;
}

/** A customer and contract for a site that has no contract yet (the manager: its first authority person). */
async function ensureContract(client: pg.ClientBase, siteId: string, site: DemoSite): Promise<boolean> {
  const { rows } = await client.query<{ contract_id: string | null }>(`SELECT contract_id FROM sites WHERE id = $1`, [
    siteId,
  ]);
  if (rows[0]?.contract_id) return false;
  const customer = await client.query<{ id: string }>(
    `INSERT INTO customers (customer_no, name) VALUES ($1, $2)
     ON CONFLICT (customer_no) DO UPDATE SET customer_no = EXCLUDED.customer_no RETURNING id`,
    [`DEMO-${site.account}`, site.customer],
  );
  const manager = site.authority[0]!;
  const contract = await client.query<{ id: string }>(
    `INSERT INTO contracts (contract_no, customer_id, manager_name, manager_phone, yearly_event_quota, start_date,
                            term_months)
     VALUES ($1, $2, $3, $4, 25, '2025-01-01', 36)
     ON CONFLICT (contract_no) DO UPDATE SET contract_no = EXCLUDED.contract_no RETURNING id`,
    [`DEMO-A-${site.account}`, customer.rows[0]!.id, manager.name, manager.phone],
  );
  await client.query(`UPDATE sites SET contract_id = $2, updated_at = now() WHERE id = $1`, [
    siteId,
    contract.rows[0]!.id,
  ]);
  return true;
}

/** The contacts, when the site has none yet. */
async function ensureContacts(client: pg.ClientBase, siteId: string, site: DemoSite): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM contacts WHERE site_id = $1 LIMIT 1`, [siteId]);
  if (rows.length > 0) return false;
  for (const [index, contact] of site.contacts.entries()) {
    await client.query(
      `INSERT INTO contacts (site_id, name, note, position, routes) VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [siteId, contact.name, contact.note, index + 1, JSON.stringify(contact.routes)],
    );
  }
  return true;
}

const listName = (site: DemoSite) => `Authorization list ${site.name}`;

/** The site's authorization list and its persons (found by name), and their password hashes. */
async function ensureAuthority(
  client: pg.ClientBase,
  siteId: string,
  site: DemoSite,
  passwords: (string | null)[],
  report: DemoSeedReport,
): Promise<boolean> {
  let added = false;
  const found = await client.query<{ id: string }>(
    `SELECT l.id FROM authorization_lists l JOIN authorization_list_sites ls ON ls.list_id = l.id
      WHERE ls.site_id = $1 AND l.name = $2 ORDER BY l.id LIMIT 1`,
    [siteId, listName(site)],
  );
  let listId = found.rows[0]?.id;
  if (!listId) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO authorization_lists (name) VALUES ($1) RETURNING id`,
      [listName(site)],
    );
    listId = rows[0]!.id;
    await client.query(`INSERT INTO authorization_list_sites (list_id, site_id) VALUES ($1, $2)`, [listId, siteId]);
    added = true;
  }
  for (const [index, person] of site.authority.entries()) {
    const password = passwords[index] ?? null;
    const existing = await client.query<{ id: string; password_hash: string | null }>(
      `SELECT id, password_hash FROM persons WHERE list_id = $1 AND name = $2 ORDER BY id LIMIT 1`,
      [listId, person.name],
    );
    const row = existing.rows[0];
    if (!row) {
      await client.query(
        `INSERT INTO persons (list_id, name, phone, level, password_hash) VALUES ($1, $2, $3, $4, $5)`,
        [listId, person.name, person.phone, person.level, password === null ? null : await hashPassword(password)],
      );
      added = true;
      if (password !== null) report.passwordsSet += 1;
    } else if (
      password !== null &&
      (row.password_hash === null || !(await verifyPassword(row.password_hash, password)))
    ) {
      await client.query(`UPDATE persons SET password_hash = $2, updated_at = now() WHERE id = $1`, [
        row.id,
        await hashPassword(password),
      ]);
      report.passwordsSet += 1;
    }
  }
  return added;
}

/** An action plan for each category the site has none for yet. */
async function ensurePlans(client: pg.ClientBase, siteId: string, rosterId: string): Promise<boolean> {
  const contacts = await client.query<{ id: string }>(
    `SELECT id FROM contacts WHERE site_id = $1 ORDER BY position, id`,
    [siteId],
  );
  const present = await client.query<{ category: string }>(`SELECT category FROM action_plans WHERE site_id = $1`, [
    siteId,
  ]);
  const have = new Set(present.rows.map((r) => r.category));
  let added = false;
  for (const category of DEMO_PLAN_CATEGORIES) {
    if (have.has(category)) continue;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO action_plans (site_id, category) VALUES ($1, $2) RETURNING id`,
      [siteId, category],
    );
    const steps = demoPlan(category, contacts.rows.length);
    for (const [index, step] of steps.entries()) {
      await client.query(
        `INSERT INTO action_plan_steps (plan_id, position, type, contact_id, roster_id, instruction, mandatory)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          rows[0]!.id,
          index + 1,
          step.type,
          step.contact === undefined ? null : contacts.rows[step.contact]!.id,
          step.roster ? rosterId : null,
          step.instruction ?? null,
          step.mandatory,
        ],
      );
    }
    added = true;
  }
  return added;
}

/** The line the demo prints for a caller to verify on the intake screen. */
export function callerLine(caller: DemoCaller): string {
  return (
    `Verify caller: ${caller.name} (site ${caller.siteName}, account ${caller.account}, level ${caller.level}) ` +
    `password ${caller.password ?? '(none: DEMO_CALLER_SECRET not set)'}`
  );
}
