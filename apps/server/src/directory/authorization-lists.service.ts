import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type {
  AuthorizationList,
  AuthorizationListInputSchema,
  AuthorizationListQuerySchema,
  Page,
  Person,
} from '@arc/shared/directory';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import { Filter, likePattern, pageOf, throwNotFound } from '../database/sql-kit.js';
import { findList, linkSites, LIST_COLUMNS, personsOfList, requireSites, toList } from './authorization-db.js';

type ListData = z.output<typeof AuthorizationListInputSchema>;
type ListQuery = z.output<typeof AuthorizationListQuerySchema>;

/** Authorization lists: who may speak for the sites a list covers (the persons are PersonsService's). */
@Injectable()
export class AuthorizationListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
          { key: 'listOfCompany', params: { name: before.name } },
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
}
