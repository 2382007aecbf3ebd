import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type {
  ApprovalInputSchema,
  Page,
  PageQuery,
  ServiceCompany,
  ServiceCompanyInputSchema,
} from '@arc/shared/directory';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import { type Db, Filter, first, likePattern, pageOf, throwNotFound } from '../database/sql-kit.js';
import { companiesByIds, findCompany, linkSites, personsOfList, requireSites } from './authorization-db.js';

type CompanyData = z.output<typeof ServiceCompanyInputSchema>;
type ApprovalData = z.output<typeof ApprovalInputSchema>;

/**
 * Service companies, whose installers are the persons on the company's own authorization list,
 * and their approvals.
 */
@Injectable()
export class ServiceCompaniesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
            { key: 'notAnInstaller', params: { personId: input.personId, company: company.name } },
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
