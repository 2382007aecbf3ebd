import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type { Page, Site, SiteInputSchema, SiteListQuerySchema } from '@arc/shared/directory';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/index.js';
import { count, type Db, Filter, likePattern, pageOf, requireRow, throwNotFound } from '../database/sql-kit.js';
import { SITE_COLUMNS, SITE_FROM, findSite, toSite } from './sites-db.js';
import { lockSignalsForDelete } from './transmitters-db.js';

type SiteData = z.output<typeof SiteInputSchema>;
type SiteQuery = z.output<typeof SiteListQuerySchema>;

/** What DELETE did: sites with history are archived, the others removed. */
export type SiteRemoval = { deleted: true } | { deleted: false; site: Site };

@Injectable()
export class SitesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: SiteQuery): Promise<Page<Site>> {
    const filter = new Filter();
    if (!query.includeArchived) filter.raw('s.archived_at IS NULL');
    if (query.municipality)
      filter.add(
        's.municipality ILIKE ?',
        query.municipality.replace(/[\\%_]/g, (c) => `\\${c}`),
      );
    if (query.contractId) filter.add('s.contract_id = ?', query.contractId);
    if (query.q) {
      filter.add(
        `(s.name ILIKE ? OR s.street ILIKE ? OR s.postcode ILIKE ? OR s.city ILIKE ? OR s.municipality ILIKE ?
          OR k.contract_no ILIKE ? OR c.customer_no ILIKE ? OR c.name ILIKE ?)`,
        likePattern(query.q),
      );
    }
    return pageOf(
      this.dataSource,
      { select: SITE_COLUMNS, from: SITE_FROM, filter, orderBy: 's.name, s.id' },
      query,
      toSite,
    );
  }

  async get(id: string): Promise<Site> {
    return (await findSite(this.dataSource, id)) ?? throwNotFound('site', id);
  }

  async create(user: SessionUser, input: SiteData): Promise<Site> {
    return this.dataSource.transaction(async (m) => {
      if (input.contractId) await requireRow(m, 'contracts', input.contractId, 'contractId', 'contract');
      const [row] = (await m.query(
        `INSERT INTO sites (name, street, postcode, city, municipality, address_ref, contract_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        siteParams(input),
      )) as { id: string }[];
      const site = (await findSite(m, row!.id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'site',
        entityId: site.id,
        after: { ...site },
      });
      return site;
    });
  }

  async update(user: SessionUser, id: string, input: SiteData): Promise<Site> {
    return this.dataSource.transaction(async (m) => {
      const before = (await findSite(m, id, true)) ?? throwNotFound('site', id);
      if (input.contractId) await requireRow(m, 'contracts', input.contractId, 'contractId', 'contract');
      await m.query(
        `UPDATE sites SET name = $1, street = $2, postcode = $3, city = $4, municipality = $5, address_ref = $6,
                contract_id = $7, updated_at = now() WHERE id = $8`,
        [...siteParams(input), id],
      );
      const after = (await findSite(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'site',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /**
   * A site with history (signals, cases) must stay for the reports, so it is archived; one
   * without is removed together with what only it uses: contacts, plans, list links, transmitters.
   */
  async remove(user: SessionUser, id: string): Promise<SiteRemoval> {
    return this.dataSource.transaction(async (m): Promise<SiteRemoval> => {
      const before = (await findSite(m, id, true)) ?? throwNotFound('site', id);
      // Its transmitters may be deleted below: no signal may be stored for them meanwhile.
      await lockSignalsForDelete(m);
      if (await hasHistory(m, id)) {
        if (before.archivedAt) return { deleted: false, site: before };
        await m.query(`UPDATE sites SET archived_at = now(), updated_at = now() WHERE id = $1`, [id]);
        const after = (await findSite(m, id))!;
        await this.audit.record(m, {
          actorUserId: user.id,
          action: 'ARCHIVE',
          entity: 'site',
          entityId: id,
          before: { ...before },
          after: { ...after },
        });
        return { deleted: false, site: after };
      }
      const transmitters = await m.query(`SELECT account FROM transmitters WHERE site_id = $1 ORDER BY account`, [id]);
      await m.query(`DELETE FROM action_plans WHERE site_id = $1`, [id]);
      await m.query(`DELETE FROM contacts WHERE site_id = $1`, [id]);
      await m.query(`DELETE FROM authorization_list_sites WHERE site_id = $1`, [id]);
      await m.query(`DELETE FROM service_company_sites WHERE site_id = $1`, [id]);
      await m.query(`DELETE FROM transmitters WHERE site_id = $1`, [id]);
      await m.query(`DELETE FROM sites WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'site',
        entityId: id,
        before: { ...before, transmitters: (transmitters as { account: string }[]).map((t) => t.account) },
      });
      return { deleted: true };
    });
  }

  async unarchive(user: SessionUser, id: string): Promise<Site> {
    return this.dataSource.transaction(async (m) => {
      const before = (await findSite(m, id, true)) ?? throwNotFound('site', id);
      if (!before.archivedAt) return before;
      await m.query(`UPDATE sites SET archived_at = NULL, updated_at = now() WHERE id = $1`, [id]);
      const after = (await findSite(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'site',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }
}

async function hasHistory(db: Db, siteId: string): Promise<boolean> {
  const n = await count(
    db,
    `SELECT (EXISTS (SELECT 1 FROM cases WHERE site_id = $1)
          OR EXISTS (SELECT 1 FROM signals s JOIN transmitters t ON t.id = s.transmitter_id WHERE t.site_id = $1))::int AS n`,
    [siteId],
  );
  return n > 0;
}

function siteParams(input: SiteData): unknown[] {
  return [input.name, input.street, input.postcode, input.city, input.municipality, input.addressRef, input.contractId];
}
