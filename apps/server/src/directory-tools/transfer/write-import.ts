import { randomUUID } from 'node:crypto';
import { dc09KeyHex } from '@arc/shared/directory';
import { zoneKey } from '@arc/shared/site-knowledge';
import type { Sql } from '../../database/sql-kit.js';
import type { ExistingKeys, ParsedDocument, ParsedPerson } from './validate-import.js';

export interface WriteSecrets {
  /** Seals a transmitter's plaintext AES key (as hex of its bytes) for storage. */
  sealKey(plain: string): string;
  /** The argon2id hash of each person that came with a password (hashed before the transaction). */
  passwordHashes: Map<ParsedPerson, string>;
}

/**
 * Writes a validated document set-wise: one INSERT … SELECT FROM unnest(…) per table (in chunks),
 * never one statement per row. Ids are assigned here so that rows can be linked without reading
 * anything back. Must run inside the caller's transaction.
 */
export async function writeImport(
  sql: Sql,
  doc: ParsedDocument,
  existing: ExistingKeys,
  secrets: WriteSecrets,
): Promise<void> {
  const customerIds = new Map(existing.customerIds);
  const customers = doc.customers.map((c) => {
    const id = randomUUID();
    customerIds.set(c.customerNo, id);
    return [id, c.customerNo, c.name, c.orgNo];
  });
  await insertRows(sql, 'customers', CUSTOMER_COLUMNS, customers);

  const contractIds = new Map(existing.contractIds);
  const contracts = doc.contracts.map((c) => {
    const id = randomUUID();
    contractIds.set(c.contractNo, id);
    return [
      id,
      c.contractNo,
      customerIds.get(c.customerNo),
      c.managerName,
      c.managerPhone,
      c.managerEmail,
      c.yearlyEventQuota,
      c.startDate,
      c.termMonths,
    ];
  });
  await insertRows(sql, 'contracts', CONTRACT_COLUMNS, contracts);

  const siteIds = new Map<string, string>();
  const sites = doc.sites.map((s) => {
    const id = randomUUID();
    siteIds.set(s.ref, id);
    return [
      id,
      s.name,
      s.street,
      s.postcode,
      s.city,
      s.municipality,
      s.addressRef,
      s.contractNo === null ? null : contractIds.get(s.contractNo),
      s.archivedAt,
      s.instructions,
      s.hazards,
      s.policePhone,
      s.rescuePhone,
    ];
  });
  await insertRows(sql, 'sites', SITE_COLUMNS, sites);

  const site = (ref: string): string => siteIds.get(ref)!;
  const zones: unknown[][] = [];
  await insertRows(
    sql,
    'transmitters',
    TRANSMITTER_COLUMNS,
    doc.transmitters.map((t) => [
      withZones(randomUUID(), t.zones, zones),
      t.account,
      site(t.siteRef),
      t.protocol,
      t.encryptionKey === null ? null : secrets.sealKey(dc09KeyHex(t.encryptionKey)),
      t.requireEncryption,
      t.supervisionIntervalSeconds,
      t.inputCategory,
    ]),
  );
  await insertRows(sql, 'transmitter_zones', ZONE_COLUMNS, zones);

  const lists: unknown[][] = [];
  const listSites: unknown[][] = [];
  const persons: unknown[][] = [];
  const personRow = (listId: string, p: ParsedPerson, id = randomUUID()) => [
    id,
    listId,
    p.name,
    p.phone,
    p.level,
    secrets.passwordHashes.get(p) ?? null,
    p.validFrom,
    p.validTo,
  ];
  for (const list of doc.authorizationLists) {
    const listId = randomUUID();
    lists.push([listId, list.name, null]);
    for (const ref of new Set(list.siteRefs)) listSites.push([listId, site(ref)]);
    for (const p of list.persons) persons.push(personRow(listId, p));
  }

  const companies: unknown[][] = [];
  const companySites: unknown[][] = [];
  const approvals: unknown[][] = [];
  for (const company of doc.serviceCompanies) {
    const companyId = randomUUID();
    const listId = randomUUID();
    companies.push([companyId, company.name, company.orgNo]);
    lists.push([listId, `Installatörer ${company.name}`, companyId]);
    for (const ref of new Set(company.siteRefs)) companySites.push([companyId, site(ref)]);
    const installerIds = new Map<string, string>();
    for (const p of company.installers) {
      const id = randomUUID();
      if (p.ref) installerIds.set(p.ref, id);
      persons.push(personRow(listId, p, id));
    }
    for (const a of company.approvals) {
      approvals.push([
        randomUUID(),
        companyId,
        a.installerRef === null ? null : installerIds.get(a.installerRef),
        a.kind,
        a.reference,
        a.validFrom,
        a.validTo,
      ]);
    }
  }
  // Companies first: a company's list refers to it.
  await insertRows(sql, 'service_companies', COMPANY_COLUMNS, companies);
  await insertRows(sql, 'authorization_lists', LIST_COLUMNS, lists);
  await insertRows(sql, 'authorization_list_sites', LIST_SITE_COLUMNS, listSites);
  await insertRows(sql, 'service_company_sites', COMPANY_SITE_COLUMNS, companySites);
  await insertRows(sql, 'persons', PERSON_COLUMNS, persons);
  await insertRows(sql, 'approvals', APPROVAL_COLUMNS, approvals);

  const contactIds = new Map<string, string>();
  const positions = new Map<string, number>();
  const contacts = doc.contacts.map((c) => {
    const id = randomUUID();
    contactIds.set(c.ref, id);
    const position = (positions.get(c.siteRef) ?? 0) + 1;
    positions.set(c.siteRef, position);
    return [id, site(c.siteRef), c.name, c.note, position, JSON.stringify(c.routes)];
  });
  await insertRows(sql, 'contacts', CONTACT_COLUMNS, contacts);

  const rosterIds = new Map<string, string>();
  const rosters = doc.onCallRosters.map((r) => {
    const id = randomUUID();
    rosterIds.set(r.ref, id);
    return [id, r.name, r.rotationStart, JSON.stringify(r.members)];
  });
  await insertRows(sql, 'on_call_rosters', ROSTER_COLUMNS, rosters);

  const plans: unknown[][] = [];
  const steps: unknown[][] = [];
  for (const plan of doc.actionPlans) {
    const planId = randomUUID();
    plans.push([planId, site(plan.siteRef), plan.category]);
    plan.steps.forEach((step, index) => {
      steps.push([
        randomUUID(),
        planId,
        index + 1,
        step.type,
        step.contactRef === null ? null : contactIds.get(step.contactRef),
        step.rosterRef === null ? null : rosterIds.get(step.rosterRef),
        step.instruction,
        step.mandatory,
      ]);
    });
  }
  await insertRows(sql, 'action_plans', PLAN_COLUMNS, plans);
  await insertRows(sql, 'action_plan_steps', STEP_COLUMNS, steps);
}

type Column = readonly [name: string, type: string];

const CUSTOMER_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['customer_no', 'text'],
  ['name', 'text'],
  ['org_no', 'text'],
];
const CONTRACT_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['contract_no', 'text'],
  ['customer_id', 'uuid'],
  ['manager_name', 'text'],
  ['manager_phone', 'text'],
  ['manager_email', 'text'],
  ['yearly_event_quota', 'int'],
  ['start_date', 'date'],
  ['term_months', 'int'],
];
const SITE_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['name', 'text'],
  ['street', 'text'],
  ['postcode', 'text'],
  ['city', 'text'],
  ['municipality', 'text'],
  ['address_ref', 'text'],
  ['contract_id', 'uuid'],
  ['archived_at', 'timestamptz'],
  ['instructions', 'text'],
  ['hazards', 'text'],
  ['police_phone', 'text'],
  ['rescue_phone', 'text'],
];
const ZONE_COLUMNS: Column[] = [
  ['transmitter_id', 'uuid'],
  ['zone_key', 'text'],
  ['zone', 'text'],
  ['name', 'text'],
  ['location', 'text'],
];

/** Collects the transmitter's zone rows; returns its id. */
function withZones(
  transmitterId: string,
  list: readonly { zone: string; name: string; location: string | null }[],
  into: unknown[][],
): string {
  for (const z of list) into.push([transmitterId, zoneKey(z.zone), z.zone, z.name, z.location]);
  return transmitterId;
}
const TRANSMITTER_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['account', 'text'],
  ['site_id', 'uuid'],
  ['protocol', 'text'],
  ['encryption_key_sealed', 'text'],
  ['require_encryption', 'boolean'],
  ['supervision_interval_seconds', 'int'],
  ['input_category', 'text'],
];
const COMPANY_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['name', 'text'],
  ['org_no', 'text'],
];
const LIST_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['name', 'text'],
  ['service_company_id', 'uuid'],
];
const LIST_SITE_COLUMNS: Column[] = [
  ['list_id', 'uuid'],
  ['site_id', 'uuid'],
];
const COMPANY_SITE_COLUMNS: Column[] = [
  ['service_company_id', 'uuid'],
  ['site_id', 'uuid'],
];
const PERSON_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['list_id', 'uuid'],
  ['name', 'text'],
  ['phone', 'text'],
  ['level', 'text'],
  ['password_hash', 'text'],
  ['valid_from', 'date'],
  ['valid_to', 'date'],
];
const APPROVAL_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['service_company_id', 'uuid'],
  ['person_id', 'uuid'],
  ['kind', 'text'],
  ['reference', 'text'],
  ['valid_from', 'date'],
  ['valid_to', 'date'],
];
const CONTACT_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['site_id', 'uuid'],
  ['name', 'text'],
  ['note', 'text'],
  ['position', 'int'],
  ['routes', 'jsonb'],
];
const ROSTER_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['name', 'text'],
  ['rotation_start', 'date'],
  ['members', 'jsonb'],
];
const PLAN_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['site_id', 'uuid'],
  ['category', 'text'],
];
const STEP_COLUMNS: Column[] = [
  ['id', 'uuid'],
  ['plan_id', 'uuid'],
  ['position', 'int'],
  ['type', 'text'],
  ['contact_id', 'uuid'],
  ['roster_id', 'uuid'],
  ['instruction', 'text'],
  ['mandatory', 'boolean'],
];

/** Rows per statement: keeps each parameter array to a few MB. */
const CHUNK = 20_000;

/** INSERT … SELECT FROM unnest($1::t1[], $2::t2[], …): one statement per chunk of rows. */
async function insertRows(sql: Sql, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  // jsonb travels as text[] and is cast per row: a jsonb[] parameter would need array-literal quoting of JSON.
  const select = columns.map(([, type], i) => (type === 'jsonb' ? `c${i}::jsonb` : `c${i}`)).join(', ');
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type === 'jsonb' ? 'text' : type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const text = `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')})
                SELECT ${select} FROM unnest(${unnest}) AS u(${aliases})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await sql(
      text,
      columns.map((_, i) => chunk.map((row) => row[i] ?? null)),
    );
  }
}
