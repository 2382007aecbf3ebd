import { type AlarmCategory } from '@arc/shared/alarm';
import { type ApprovalKind, type AuthorityLevel } from '@arc/shared/authority';
import { type ContactRoute, type OnCallMember, type StepType, type TransmitterProtocol } from '@arc/shared/directory';
import {
  DIRECTORY_TRANSFER_FORMAT,
  DIRECTORY_TRANSFER_VERSION,
  type DirectoryTransferDocument,
  type TransferPerson,
} from '@arc/shared/directory-transfer';
import type { Sql } from '../../database/sql-kit.js';

/**
 * The whole directory in the transfer format, database ids as refs. Secrets stay behind: no
 * transmitter keys, no password hashes. Meant to run in one REPEATABLE READ transaction so the
 * sections agree with each other.
 */
export async function exportDirectory(sql: Sql): Promise<DirectoryTransferDocument> {
  // Sequential on purpose: one connection, one statement at a time.
  const [customers, contracts, sites, transmitters, lists, listSites, persons, companies, companySites, approvals] =
    await sequence([
      () =>
        sql<{ customer_no: string; name: string; org_no: string | null }>(
          `SELECT customer_no, name, org_no FROM customers ORDER BY customer_no`,
        ),
      () =>
        sql<ContractRow>(
          `SELECT k.contract_no, cu.customer_no, k.manager_name, k.manager_phone, k.manager_email,
                k.yearly_event_quota, to_char(k.start_date, 'YYYY-MM-DD') AS start_date, k.term_months
           FROM contracts k JOIN customers cu ON cu.id = k.customer_id ORDER BY k.contract_no`,
        ),
      () =>
        sql<SiteRow>(
          `SELECT s.id, s.name, s.street, s.postcode, s.city, s.municipality, s.address_ref, k.contract_no,
                s.archived_at, s.instructions, s.hazards, s.police_phone, s.rescue_phone
           FROM sites s LEFT JOIN contracts k ON k.id = s.contract_id ORDER BY s.created_at, s.id`,
        ),
      () =>
        sql<TransmitterRow>(
          `SELECT t.account, t.site_id, t.protocol, t.require_encryption, t.supervision_interval_seconds,
                t.input_category,
                COALESCE((SELECT jsonb_agg(jsonb_build_object('zone', z.zone, 'name', z.name, 'location', z.location)
                                           ORDER BY length(z.zone_key), z.zone_key)
                            FROM transmitter_zones z WHERE z.transmitter_id = t.id), '[]'::jsonb) AS zones
           FROM transmitters t ORDER BY t.account`,
        ),
      () =>
        sql<{ id: string; name: string; service_company_id: string | null }>(
          `SELECT id, name, service_company_id FROM authorization_lists ORDER BY created_at, id`,
        ),
      () =>
        sql<{ list_id: string; site_id: string }>(
          `SELECT list_id, site_id FROM authorization_list_sites ORDER BY list_id, site_id`,
        ),
      () =>
        sql<PersonRow>(
          `SELECT id, list_id, name, phone, level, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
                to_char(valid_to, 'YYYY-MM-DD') AS valid_to
           FROM persons ORDER BY list_id, created_at, id`,
        ),
      () =>
        sql<{ id: string; name: string; org_no: string | null }>(
          `SELECT id, name, org_no FROM service_companies ORDER BY created_at, id`,
        ),
      () =>
        sql<{ service_company_id: string; site_id: string }>(
          `SELECT service_company_id, site_id FROM service_company_sites ORDER BY service_company_id, site_id`,
        ),
      () =>
        sql<ApprovalRow>(
          `SELECT service_company_id, person_id, kind, reference, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
                to_char(valid_to, 'YYYY-MM-DD') AS valid_to
           FROM approvals ORDER BY service_company_id, id`,
        ),
    ]);
  const [contacts, rosters, plans, steps] = await sequence([
    () => sql<ContactRow>(`SELECT id, site_id, name, note, routes FROM contacts ORDER BY site_id, position, id`),
    () =>
      sql<RosterRow>(
        `SELECT id, name, to_char(rotation_start, 'YYYY-MM-DD') AS rotation_start, members
         FROM on_call_rosters ORDER BY created_at, id`,
      ),
    () =>
      sql<{ id: string; site_id: string; category: AlarmCategory }>(
        `SELECT id, site_id, category FROM action_plans ORDER BY site_id, category`,
      ),
    () =>
      sql<StepRow>(
        `SELECT plan_id, type, contact_id, roster_id, instruction, mandatory
         FROM action_plan_steps ORDER BY plan_id, position`,
      ),
  ]);

  const sitesOfList = groupBy(
    listSites,
    (r) => r.list_id,
    (r) => r.site_id,
  );
  const personsOfList = groupBy(persons, (r) => r.list_id, toPerson);
  const sitesOfCompany = groupBy(
    companySites,
    (r) => r.service_company_id,
    (r) => r.site_id,
  );
  const approvalsOfCompany = groupBy(
    approvals,
    (r) => r.service_company_id,
    (a) => ({
      kind: a.kind,
      installerRef: a.person_id,
      reference: a.reference,
      validFrom: a.valid_from,
      validTo: a.valid_to,
    }),
  );
  const listOfCompany = new Map(lists.filter((l) => l.service_company_id).map((l) => [l.service_company_id!, l.id]));
  const stepsOfPlan = groupBy(
    steps,
    (r) => r.plan_id,
    (s) => ({
      type: s.type,
      contactRef: s.contact_id,
      rosterRef: s.roster_id,
      instruction: s.instruction,
      mandatory: s.mandatory,
    }),
  );

  return {
    format: DIRECTORY_TRANSFER_FORMAT,
    version: DIRECTORY_TRANSFER_VERSION,
    exportedAt: new Date().toISOString(),
    customers: customers.map((c) => ({ customerNo: c.customer_no, name: c.name, orgNo: c.org_no })),
    contracts: contracts.map((k) => ({
      contractNo: k.contract_no,
      customerNo: k.customer_no,
      managerName: k.manager_name,
      managerPhone: k.manager_phone,
      managerEmail: k.manager_email,
      yearlyEventQuota: k.yearly_event_quota,
      startDate: k.start_date,
      termMonths: k.term_months,
    })),
    sites: sites.map((s) => ({
      ref: s.id,
      name: s.name,
      street: s.street,
      postcode: s.postcode,
      city: s.city,
      municipality: s.municipality,
      addressRef: s.address_ref,
      contractNo: s.contract_no,
      archivedAt: s.archived_at === null ? null : new Date(s.archived_at).toISOString(),
      instructions: s.instructions,
      hazards: s.hazards,
      policePhone: s.police_phone,
      rescuePhone: s.rescue_phone,
    })),
    transmitters: transmitters.map((t) => ({
      account: t.account,
      siteRef: t.site_id,
      protocol: t.protocol,
      requireEncryption: t.require_encryption,
      supervisionIntervalSeconds: t.supervision_interval_seconds,
      inputCategory: t.input_category,
      zones: t.zones,
    })),
    authorizationLists: lists
      .filter((l) => l.service_company_id === null)
      .map((l) => ({
        ref: l.id,
        name: l.name,
        siteRefs: sitesOfList.get(l.id) ?? [],
        persons: personsOfList.get(l.id) ?? [],
      })),
    serviceCompanies: companies.map((c) => {
      const listId = listOfCompany.get(c.id);
      return {
        ref: c.id,
        name: c.name,
        orgNo: c.org_no,
        siteRefs: sitesOfCompany.get(c.id) ?? [],
        installers: listId === undefined ? [] : (personsOfList.get(listId) ?? []),
        approvals: approvalsOfCompany.get(c.id) ?? [],
      };
    }),
    contacts: contacts.map((c) => ({ ref: c.id, siteRef: c.site_id, name: c.name, note: c.note, routes: c.routes })),
    onCallRosters: rosters.map((r) => ({
      ref: r.id,
      name: r.name,
      rotationStart: r.rotation_start,
      members: r.members,
    })),
    actionPlans: plans.map((p) => ({ siteRef: p.site_id, category: p.category, steps: stepsOfPlan.get(p.id) ?? [] })),
  };
}

interface ContractRow {
  contract_no: string;
  customer_no: string;
  manager_name: string;
  manager_phone: string | null;
  manager_email: string | null;
  yearly_event_quota: number;
  start_date: string;
  term_months: number;
}
interface SiteRow {
  id: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  municipality: string;
  address_ref: string | null;
  contract_no: string | null;
  archived_at: Date | string | null;
  instructions: string | null;
  hazards: string | null;
  police_phone: string | null;
  rescue_phone: string | null;
}
interface TransmitterRow {
  account: string;
  site_id: string;
  protocol: TransmitterProtocol;
  require_encryption: boolean;
  supervision_interval_seconds: number | null;
  input_category: AlarmCategory | null;
  zones: { zone: string; name: string; location: string | null }[];
}
interface PersonRow {
  id: string;
  list_id: string;
  name: string;
  phone: string;
  level: AuthorityLevel;
  valid_from: string | null;
  valid_to: string | null;
}
interface ApprovalRow {
  service_company_id: string;
  person_id: string | null;
  kind: ApprovalKind;
  reference: string;
  valid_from: string | null;
  valid_to: string | null;
}
interface ContactRow {
  id: string;
  site_id: string;
  name: string;
  note: string | null;
  routes: ContactRoute[];
}
interface RosterRow {
  id: string;
  name: string;
  rotation_start: string;
  members: OnCallMember[];
}
interface StepRow {
  plan_id: string;
  type: StepType;
  contact_id: string | null;
  roster_id: string | null;
  instruction: string | null;
  mandatory: boolean;
}

function toPerson(p: PersonRow): TransferPerson {
  return { ref: p.id, name: p.name, phone: p.phone, level: p.level, validFrom: p.valid_from, validTo: p.valid_to };
}

function groupBy<R, K, V>(rows: R[], key: (row: R) => K, value: (row: R) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(value(row));
  }
  return groups;
}

async function sequence<T extends unknown[]>(steps: [...{ [K in keyof T]: () => Promise<T[K]> }]): Promise<T> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await (step as () => Promise<unknown>)());
  return results as T;
}
