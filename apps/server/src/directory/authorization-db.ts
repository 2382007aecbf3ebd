import type { Approval, AuthorizationList, Person, ServiceCompany } from '@arc/shared/directory';
import { AppError } from '../common/app-error.js';
import { type Db, first, iso, rows } from '../database/sql-kit.js';

/**
 * The SQL of the authorization aggregates (lists, their persons, service companies with their
 * approvals): the read models and the site links the three services share.
 */

export async function requireSites(db: Db, siteIds: string[], field: string): Promise<void> {
  if (siteIds.length === 0) return;
  const found = await rows<{ id: string }>(db, `SELECT id FROM sites WHERE id = ANY($1::uuid[])`, [siteIds]);
  const known = new Set(found.map((r) => r.id));
  const index = siteIds.findIndex((id) => !known.has(id));
  if (index >= 0) {
    throw new AppError('UNPROCESSABLE', `${field}.${index}: site ${siteIds[index]} does not exist`, {
      key: 'notFound',
      params: { entity: 'siteRecord', id: siteIds[index]! },
    });
  }
}

export async function linkSites(
  db: Db,
  table: string,
  column: string,
  ownerId: string,
  siteIds: string[],
): Promise<void> {
  if (siteIds.length === 0) return;
  await db.query(`INSERT INTO ${table} (${column}, site_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
    ownerId,
    siteIds,
  ]);
}

// ---- read models ---------------------------------------------------------------------------------

interface ListRow {
  id: string;
  name: string;
  site_ids: string[];
  service_company_id: string | null;
  person_count: number;
  created_at: Date;
  updated_at: Date;
}

export const LIST_COLUMNS = `l.id, l.name, l.service_company_id, l.created_at, l.updated_at,
  ARRAY(SELECT x.site_id FROM authorization_list_sites x WHERE x.list_id = l.id ORDER BY x.site_id) AS site_ids,
  (SELECT count(*)::int FROM persons p WHERE p.list_id = l.id) AS person_count`;

export function toList(row: ListRow): AuthorizationList {
  return {
    id: row.id,
    name: row.name,
    siteIds: row.site_ids,
    serviceCompanyId: row.service_company_id,
    personCount: row.person_count,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function findList(db: Db, id: string, lock = false): Promise<AuthorizationList | undefined> {
  const row = await first<ListRow>(
    db,
    `SELECT ${LIST_COLUMNS} FROM authorization_lists l WHERE l.id = $1 ${lock ? 'FOR UPDATE OF l' : ''}`,
    [id],
  );
  return row && toList(row);
}

/** The authorization lists covering a site (the site detail shows them with their persons). */
export async function listsOfSite(db: Db, siteId: string): Promise<AuthorizationList[]> {
  const found = await rows<ListRow>(
    db,
    `SELECT ${LIST_COLUMNS} FROM authorization_lists l
      WHERE EXISTS (SELECT 1 FROM authorization_list_sites x WHERE x.list_id = l.id AND x.site_id = $1) ORDER BY l.name, l.id`,
    [siteId],
  );
  return found.map(toList);
}

interface PersonRow {
  id: string;
  list_id: string;
  name: string;
  phone: string;
  level: Person['level'];
  valid_from: string | null;
  valid_to: string | null;
  has_password: boolean;
  created_at: Date;
  updated_at: Date;
}

// The hash is never selected: a read model cannot leak what it never loaded.
const PERSON_COLUMNS = `id, list_id, name, phone, level, valid_from::text AS valid_from, valid_to::text AS valid_to,
  password_hash IS NOT NULL AS has_password, created_at, updated_at`;

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    listId: row.list_id,
    name: row.name,
    phone: row.phone,
    level: row.level,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    hasPassword: row.has_password,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function findPerson(db: Db, id: string, lock = false): Promise<Person | undefined> {
  const row = await first<PersonRow>(
    db,
    `SELECT ${PERSON_COLUMNS} FROM persons WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row && toPerson(row);
}

export async function personsOfList(db: Db, listId: string): Promise<Person[]> {
  const found = await rows<PersonRow>(
    db,
    `SELECT ${PERSON_COLUMNS} FROM persons WHERE list_id = $1 ORDER BY level, name, id`,
    [listId],
  );
  return found.map(toPerson);
}

interface CompanyRow {
  id: string;
  name: string;
  org_no: string | null;
  site_ids: string[];
  list_id: string;
  created_at: Date;
  updated_at: Date;
}

interface ApprovalRow {
  id: string;
  service_company_id: string;
  kind: Approval['kind'];
  person_id: string | null;
  reference: string;
  valid_from: string | null;
  valid_to: string | null;
}

export async function companiesByIds(db: Db, ids: string[]): Promise<ServiceCompany[]> {
  if (ids.length === 0) return [];
  const companies = await rows<CompanyRow>(
    db,
    `SELECT sc.id, sc.name, sc.org_no, sc.created_at, sc.updated_at, l.id AS list_id,
            ARRAY(SELECT x.site_id FROM service_company_sites x WHERE x.service_company_id = sc.id ORDER BY x.site_id) AS site_ids
       FROM service_companies sc JOIN authorization_lists l ON l.service_company_id = sc.id
      WHERE sc.id = ANY($1::uuid[])`,
    [ids],
  );
  const approvals = await rows<ApprovalRow>(
    db,
    `SELECT id, service_company_id, kind, person_id, reference, valid_from::text AS valid_from, valid_to::text AS valid_to
       FROM approvals WHERE service_company_id = ANY($1::uuid[]) ORDER BY kind, reference, id`,
    [ids],
  );
  const byId = new Map(
    companies.map((row): [string, ServiceCompany] => [
      row.id,
      {
        id: row.id,
        name: row.name,
        orgNo: row.org_no,
        siteIds: row.site_ids,
        authorizationListId: row.list_id,
        approvals: approvals
          .filter((a) => a.service_company_id === row.id)
          .map((a) => ({
            id: a.id,
            serviceCompanyId: a.service_company_id,
            kind: a.kind,
            personId: a.person_id,
            reference: a.reference,
            validFrom: a.valid_from,
            validTo: a.valid_to,
          })),
        createdAt: iso(row.created_at),
        updatedAt: iso(row.updated_at),
      },
    ]),
  );
  // Keep the caller's order (a page is already sorted).
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findCompany(db: Db, id: string): Promise<ServiceCompany | undefined> {
  return (await companiesByIds(db, [id]))[0];
}

/** The service companies that service a site. */
export async function companiesOfSite(db: Db, siteId: string): Promise<ServiceCompany[]> {
  const ids = await rows<{ id: string }>(
    db,
    `SELECT sc.id FROM service_companies sc JOIN service_company_sites x ON x.service_company_id = sc.id
      WHERE x.site_id = $1 ORDER BY sc.name, sc.id`,
    [siteId],
  );
  return companiesByIds(
    db,
    ids.map((r) => r.id),
  );
}

/** The person's authority-password hash; null when none is set or the person is unknown. Never sent anywhere. */
export async function passwordHashOfPerson(db: Db, personId: string): Promise<string | null> {
  const row = await first<{ password_hash: string | null }>(db, `SELECT password_hash FROM persons WHERE id = $1`, [
    personId,
  ]);
  return row?.password_hash ?? null;
}

/** The service company whose installer the person is (on the company's own list), if any. */
export async function installerCompanyOf(db: Db, personId: string): Promise<{ name: string } | undefined> {
  return first<{ name: string }>(
    db,
    `SELECT sc.name FROM persons p JOIN authorization_lists l ON l.id = p.list_id
       JOIN service_companies sc ON sc.id = l.service_company_id WHERE p.id = $1`,
    [personId],
  );
}
