import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Approval,
  ApprovalInputSchema,
  AuthorizationList,
  AuthorizationListInputSchema,
  AuthorizationListQuerySchema,
  Page,
  PageQuery,
  Person,
  PersonInputSchema,
  ServiceCompany,
  ServiceCompanyInputSchema,
  SessionUser,
  SetPasswordInputSchema,
} from '@arc/shared';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { AppError } from '../common/app-error.js';
import {
  type Db,
  Filter,
  first,
  iso,
  likePattern,
  pageOf,
  requireRow,
  rows,
  throwNotFound,
} from '../database/sql-kit.js';
import { passwordRequesterProblem, type Requester } from './directory-rules.js';

type ListData = z.output<typeof AuthorizationListInputSchema>;
type ListQuery = z.output<typeof AuthorizationListQuerySchema>;
type PersonData = z.output<typeof PersonInputSchema>;
type PasswordData = z.output<typeof SetPasswordInputSchema>;
type CompanyData = z.output<typeof ServiceCompanyInputSchema>;
type ApprovalData = z.output<typeof ApprovalInputSchema>;

/**
 * Who may speak for a site: authorization lists and their persons (with authority levels and
 * passwords), and service companies, whose installers are the persons on the company's own list.
 */
@Injectable()
export class AuthorizationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ---- lists ---------------------------------------------------------------------------------

  listLists(query: ListQuery): Promise<Page<AuthorizationList>> {
    const filter = new Filter();
    if (query.q) filter.add('l.name ILIKE ?', likePattern(query.q));
    if (query.siteId)
      filter.add(
        'EXISTS (SELECT 1 FROM authorization_list_sites x WHERE x.list_id = l.id AND x.site_id = ?)',
        query.siteId,
      );
    return pageOf(
      this.dataSource,
      { select: LIST_COLUMNS, from: 'authorization_lists l', filter, orderBy: 'l.name, l.id' },
      query,
      toList,
    );
  }

  async getList(id: string): Promise<AuthorizationList> {
    return (await findList(this.dataSource, id)) ?? throwNotFound('authorization list', id);
  }

  async createList(user: SessionUser, input: ListData): Promise<AuthorizationList> {
    return this.dataSource.transaction(async (m) => {
      await requireSites(m, input.siteIds, 'siteIds');
      const [row] = (await m.query(`INSERT INTO authorization_lists (name) VALUES ($1) RETURNING id`, [
        input.name,
      ])) as { id: string }[];
      await linkSites(m, 'authorization_list_sites', 'list_id', row!.id, input.siteIds);
      const list = (await findList(m, row!.id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'authorizationList',
        entityId: list.id,
        after: { ...list },
      });
      return list;
    });
  }

  async updateList(user: SessionUser, id: string, input: ListData): Promise<AuthorizationList> {
    return this.dataSource.transaction(async (m) => {
      const before = (await findList(m, id, true)) ?? throwNotFound('authorization list', id);
      await requireSites(m, input.siteIds, 'siteIds');
      await m.query(`UPDATE authorization_lists SET name = $2, updated_at = now() WHERE id = $1`, [id, input.name]);
      await m.query(`DELETE FROM authorization_list_sites WHERE list_id = $1`, [id]);
      await linkSites(m, 'authorization_list_sites', 'list_id', id, input.siteIds);
      const after = (await findList(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'authorizationList',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deleteList(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = (await findList(m, id, true)) ?? throwNotFound('authorization list', id);
      if (before.serviceCompanyId) {
        throw new AppError(
          'CONFLICT',
          `authorization list ${before.name} belongs to a service company; delete the company instead`,
        );
      }
      const persons = await personsOfList(m, id);
      await m.query(`DELETE FROM authorization_lists WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'authorizationList',
        entityId: id,
        before: { ...before, persons },
      });
    });
  }

  async listPersons(listId: string): Promise<Person[]> {
    await this.getList(listId);
    return personsOfList(this.dataSource, listId);
  }

  // ---- persons -------------------------------------------------------------------------------

  async getPerson(id: string): Promise<Person> {
    return (await findPerson(this.dataSource, id)) ?? throwNotFound('person', id);
  }

  async createPerson(user: SessionUser, input: PersonData): Promise<Person> {
    return this.dataSource.transaction(async (m) => {
      await requireRow(m, 'authorization_lists', input.listId, 'listId', 'authorization list');
      const [row] = (await m.query(
        `INSERT INTO persons (list_id, name, phone, level, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        personParams(input),
      )) as { id: string }[];
      const person = (await findPerson(m, row!.id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'person',
        entityId: person.id,
        after: { ...person },
      });
      return person;
    });
  }

  async updatePerson(user: SessionUser, id: string, input: PersonData): Promise<Person> {
    return this.dataSource.transaction(async (m) => {
      const before = (await findPerson(m, id, true)) ?? throwNotFound('person', id);
      await requireRow(m, 'authorization_lists', input.listId, 'listId', 'authorization list');
      await m.query(
        `UPDATE persons SET list_id = $1, name = $2, phone = $3, level = $4, valid_from = $5, valid_to = $6, updated_at = now()
          WHERE id = $7`,
        [...personParams(input), id],
      );
      const after = (await findPerson(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'person',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async deletePerson(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = (await findPerson(m, id, true)) ?? throwNotFound('person', id);
      await m.query(`DELETE FROM persons WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'person',
        entityId: id,
        before: { ...before },
      });
    });
  }

  /** Passwords are set only here, on the written request of an A-level person of the same list. */
  async setPassword(user: SessionUser, id: string, input: PasswordData): Promise<void> {
    // Hashing is slow on purpose; do it before the transaction holds any lock.
    const hash = await hashPassword(input.password);
    await this.dataSource.transaction(async (m) => {
      const person = (await findPerson(m, id, true)) ?? throwNotFound('person', id);
      const requester = await first<Requester>(
        m,
        `SELECT list_id AS "listId", level, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM persons WHERE id = $1`,
        [input.requestedByPersonId],
      );
      const problem = passwordRequesterProblem(requester, person.listId, input.requestDate);
      if (problem) throw new AppError('UNPROCESSABLE', `requestedByPersonId: ${problem}`);
      await m.query(`UPDATE persons SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, hash]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'SET_PASSWORD',
        entity: 'person',
        entityId: id,
        after: {
          requestedByPersonId: input.requestedByPersonId,
          requestDate: input.requestDate,
          requestReference: input.requestReference,
          password: '***',
        },
      });
    });
  }

  // ---- service companies ---------------------------------------------------------------------

  async listCompanies(query: PageQuery): Promise<Page<ServiceCompany>> {
    const filter = new Filter();
    if (query.q) filter.add('(sc.name ILIKE ? OR sc.org_no ILIKE ?)', likePattern(query.q));
    const page = await pageOf(
      this.dataSource,
      { select: 'sc.id', from: 'service_companies sc', filter, orderBy: 'sc.name, sc.id' },
      query,
      (row: { id: string }) => row.id,
    );
    return { ...page, items: await companiesByIds(this.dataSource, page.items) };
  }

  async getCompany(id: string): Promise<ServiceCompany> {
    return (await findCompany(this.dataSource, id)) ?? throwNotFound('service company', id);
  }

  async createCompany(user: SessionUser, input: CompanyData): Promise<ServiceCompany> {
    return this.dataSource.transaction(async (m) => {
      await requireSites(m, input.siteIds, 'siteIds');
      const [row] = (await m.query(`INSERT INTO service_companies (name, org_no) VALUES ($1, $2) RETURNING id`, [
        input.name,
        input.orgNo,
      ])) as { id: string }[];
      await m.query(`INSERT INTO authorization_lists (name, service_company_id) VALUES ($1, $2)`, [
        input.name,
        row!.id,
      ]);
      await linkSites(m, 'service_company_sites', 'service_company_id', row!.id, input.siteIds);
      const company = (await findCompany(m, row!.id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'serviceCompany',
        entityId: company.id,
        after: { ...company },
      });
      return company;
    });
  }

  async updateCompany(user: SessionUser, id: string, input: CompanyData): Promise<ServiceCompany> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockCompany(m, id);
      await requireSites(m, input.siteIds, 'siteIds');
      await m.query(`UPDATE service_companies SET name = $2, org_no = $3, updated_at = now() WHERE id = $1`, [
        id,
        input.name,
        input.orgNo,
      ]);
      await m.query(`UPDATE authorization_lists SET name = $2, updated_at = now() WHERE service_company_id = $1`, [
        id,
        input.name,
      ]);
      await m.query(`DELETE FROM service_company_sites WHERE service_company_id = $1`, [id]);
      await linkSites(m, 'service_company_sites', 'service_company_id', id, input.siteIds);
      const after = (await findCompany(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'serviceCompany',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /** Removes the company with its list, its installers and their approvals. */
  async deleteCompany(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.lockCompany(m, id);
      const installers = await personsOfList(m, before.authorizationListId);
      await m.query(`DELETE FROM service_companies WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'serviceCompany',
        entityId: id,
        before: { ...before, installers },
      });
    });
  }

  async addApproval(user: SessionUser, companyId: string, input: ApprovalData): Promise<ServiceCompany> {
    return this.dataSource.transaction(async (m) => {
      const company = await this.lockCompany(m, companyId);
      if (input.personId) {
        const onList = await first(m, `SELECT 1 FROM persons WHERE id = $1 AND list_id = $2`, [
          input.personId,
          company.authorizationListId,
        ]);
        if (!onList)
          throw new AppError(
            'UNPROCESSABLE',
            `personId: ${input.personId} is not an installer on ${company.name}'s authorization list`,
          );
      }
      const [row] = (await m.query(
        `INSERT INTO approvals (service_company_id, person_id, kind, reference, valid_from, valid_to)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [companyId, input.personId, input.kind, input.reference, input.validFrom, input.validTo],
      )) as { id: string }[];
      const after = (await findCompany(m, companyId))!;
      const approval = after.approvals.find((a) => a.id === row!.id);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'approval',
        entityId: row!.id,
        after: { ...approval },
      });
      return after;
    });
  }

  async removeApproval(user: SessionUser, companyId: string, approvalId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const company = await this.lockCompany(m, companyId);
      const approval = company.approvals.find((a) => a.id === approvalId) ?? throwNotFound('approval', approvalId);
      await m.query(`DELETE FROM approvals WHERE id = $1`, [approvalId]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'approval',
        entityId: approvalId,
        before: { ...approval },
      });
    });
  }

  private async lockCompany(m: Db, id: string): Promise<ServiceCompany> {
    const locked = await first(m, `SELECT 1 FROM service_companies WHERE id = $1 FOR UPDATE`, [id]);
    if (!locked) throwNotFound('service company', id);
    return (await findCompany(m, id))!;
  }
}

async function requireSites(db: Db, siteIds: string[], field: string): Promise<void> {
  if (siteIds.length === 0) return;
  const found = await rows<{ id: string }>(db, `SELECT id FROM sites WHERE id = ANY($1::uuid[])`, [siteIds]);
  const known = new Set(found.map((r) => r.id));
  const index = siteIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw new AppError('UNPROCESSABLE', `${field}.${index}: site ${siteIds[index]} does not exist`);
}

async function linkSites(db: Db, table: string, column: string, ownerId: string, siteIds: string[]): Promise<void> {
  if (siteIds.length === 0) return;
  await db.query(`INSERT INTO ${table} (${column}, site_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
    ownerId,
    siteIds,
  ]);
}

function personParams(input: PersonData): unknown[] {
  return [input.listId, input.name, input.phone, input.level, input.validFrom, input.validTo];
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

const LIST_COLUMNS = `l.id, l.name, l.service_company_id, l.created_at, l.updated_at,
  ARRAY(SELECT x.site_id FROM authorization_list_sites x WHERE x.list_id = l.id ORDER BY x.site_id) AS site_ids,
  (SELECT count(*)::int FROM persons p WHERE p.list_id = l.id) AS person_count`;

function toList(row: ListRow): AuthorizationList {
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

async function findList(db: Db, id: string, lock = false): Promise<AuthorizationList | undefined> {
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

async function findPerson(db: Db, id: string, lock = false): Promise<Person | undefined> {
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

async function findCompany(db: Db, id: string): Promise<ServiceCompany | undefined> {
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
