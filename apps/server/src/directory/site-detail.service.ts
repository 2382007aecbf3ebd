import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry, AuditQuerySchema, Page, SiteDetail } from '@arc/shared/directory';
import type { AlarmEventCount, SignalLogEntry, SignalLogQuerySchema } from '@arc/shared/rules';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { centreTimeZone } from '../common/centre-time.js';
import { Filter, iso, pageOf, throwNotFound } from '../database/sql-kit.js';
import { plansOfSite } from './action-plans-db.js';
import { alarmEventsOfContract, currentUtcYear } from './alarm-events.js';
import { companiesOfSite, listsOfSite, personsOfList } from './authorization-db.js';
import { contactsOfSite, rostersByIds } from './contacts-db.js';
import { findContract, findCustomer } from './customers-db.js';
import { signalLogOfSite } from './signal-log.js';
import { SITE_WINDOWS, type SiteWindowsReader } from './site-windows.port.js';
import { findSite } from './sites-db.js';
import { transmittersOfSite } from './transmitters-db.js';

type AuditQuery = z.output<typeof AuditQuerySchema>;
type SignalLogQuery = z.output<typeof SignalLogQuerySchema>;

/**
 * Read-only views across the directory: the operator's site page, a site's signal log, a
 * contract's alarm events and the audit log.
 */
@Injectable()
export class SiteDetailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SITE_WINDOWS) private readonly windows: SiteWindowsReader,
  ) {}

  /** Everything an operator needs about one site, read in one snapshot. */
  async detail(siteId: string): Promise<SiteDetail> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const site = (await findSite(m, siteId)) ?? throwNotFound('site', siteId);
      const contract = site.contractId ? ((await findContract(m, site.contractId)) ?? null) : null;
      const customer = contract ? ((await findCustomer(m, contract.customerId)) ?? null) : null;
      const lists = await listsOfSite(m, siteId);
      const companies = await companiesOfSite(m, siteId);
      const actionPlans = await plansOfSite(m, siteId);
      const rosterIds = [
        ...new Set(actionPlans.flatMap((p) => p.steps.flatMap((s) => (s.rosterId ? [s.rosterId] : [])))),
      ];
      return {
        site,
        contract,
        customer,
        transmitters: await transmittersOfSite(m, siteId),
        authorizationLists: await Promise.all(
          lists.map(async (list) => ({ ...list, persons: await personsOfList(m, list.id) })),
        ),
        serviceCompanies: await Promise.all(
          companies.map(async (company) => ({
            ...company,
            installers: await personsOfList(m, company.authorizationListId),
          })),
        ),
        contacts: await contactsOfSite(m, siteId),
        actionPlans,
        onCallRosters: await rostersByIds(m, rosterIds, new Date(), centreTimeZone()),
        serviceModes: await this.windows.serviceModesOfSite(m, siteId),
        blockWindows: await this.windows.blockWindowsOfSite(m, siteId),
        alarmEvents: contract ? ((await alarmEventsOfContract(m, contract.id, currentUtcYear())) ?? null) : null,
      };
    });
  }

  /** Newest first; 404 for an unknown site (an existing site without signals is an empty list). */
  async signalLog(siteId: string, query: SignalLogQuery): Promise<SignalLogEntry[]> {
    if (!(await findSite(this.dataSource, siteId))) throwNotFound('site', siteId);
    return signalLogOfSite(this.dataSource, siteId, query);
  }

  /** `year` defaults to the current calendar year (UTC). */
  async alarmEvents(contractId: string, year: number | undefined): Promise<AlarmEventCount> {
    return (
      (await alarmEventsOfContract(this.dataSource, contractId, year ?? currentUtcYear())) ??
      throwNotFound('contract', contractId)
    );
  }

  /**
   * Newest first, filtered by who (actor), what (action, entity, entity id) and when (from
   * inclusive, to exclusive). Indexes: audit_log_actor_idx, audit_log_action_idx,
   * audit_log_entity_idx, audit_log_at_idx.
   */
  audit(query: AuditQuery): Promise<Page<AuditEntry>> {
    const filter = new Filter();
    if (query.actor) filter.add('a.actor_user_id = ?', query.actor);
    if (query.action) filter.add('a.action = ?', query.action);
    if (query.entity) filter.add('a.entity = ?', query.entity);
    if (query.entityId) filter.add('a.entity_id = ?', query.entityId);
    if (query.from) filter.add('a.at >= ?::timestamptz', query.from);
    if (query.to) filter.add('a.at < ?::timestamptz', query.to);
    return pageOf(
      this.dataSource,
      {
        select: `a.id::text AS id, a.at, a.actor_user_id, u.display_name AS actor_name, a.action, a.entity, a.entity_id, a.before, a.after`,
        from: 'audit_log a LEFT JOIN users u ON u.id = a.actor_user_id',
        filter,
        orderBy: 'a.id DESC',
      },
      query,
      (row: AuditRow): AuditEntry => ({
        id: row.id,
        at: iso(row.at),
        actorUserId: row.actor_user_id,
        actorName: row.actor_name,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
      }),
    );
  }
}

interface AuditRow {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  action: AuditEntry['action'];
  entity: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
