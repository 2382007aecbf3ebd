import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SessionUser } from '@arc/shared/auth';
import {
  type Contact,
  type ContactInputSchema,
  type OnCallRoster,
  type OnCallRosterInputSchema,
  type OnCallSwapInputSchema,
  type Page,
  type PageQuery,
  swapProblem,
  swapProblemText,
} from '@arc/shared/directory';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import { centreTimeZone } from '../common/centre-time.js';
import { count, Filter, first, isUniqueViolation, likePattern, pageOf, throwNotFound } from '../database/sql-kit.js';
import { lockSite } from './sites-db.js';
import { ROSTER_COLUMNS, type RosterRow, contactsOfSite, findContact, findRoster, toRoster } from './contacts-db.js';
import { reorderRefusal, reorderText, swapRefusal } from './directory-rules.js';

type ContactData = z.output<typeof ContactInputSchema>;
type RosterData = z.output<typeof OnCallRosterInputSchema>;
type SwapData = z.output<typeof OnCallSwapInputSchema>;

/** A site's alarm contacts (called in position order) and the on-call rosters. */
@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listOfSite(siteId: string): Promise<Contact[]> {
    if (!(await first(this.dataSource, `SELECT 1 FROM sites WHERE id = $1`, [siteId]))) throwNotFound('site', siteId);
    return contactsOfSite(this.dataSource, siteId);
  }

  async create(user: SessionUser, siteId: string, input: ContactData): Promise<Contact> {
    return this.dataSource.transaction(async (m) => {
      await lockSite(m, siteId);
      const [row] = (await m.query(
        `INSERT INTO contacts (site_id, name, note, routes, position)
         VALUES ($1, $2, $3, $4::jsonb, (SELECT coalesce(max(position), 0) + 1 FROM contacts WHERE site_id = $1))
         RETURNING id`,
        [siteId, input.name, input.note, JSON.stringify(input.routes)],
      )) as { id: string }[];
      const contact = (await findContact(m, row!.id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'contact',
        entityId: contact.id,
        after: { ...contact },
      });
      return contact;
    });
  }

  async update(user: SessionUser, id: string, input: ContactData): Promise<Contact> {
    return this.dataSource.transaction(async (m) => {
      const before = (await findContact(m, id, true)) ?? throwNotFound('contact', id);
      await m.query(`UPDATE contacts SET name = $2, note = $3, routes = $4::jsonb, updated_at = now() WHERE id = $1`, [
        id,
        input.name,
        input.note,
        JSON.stringify(input.routes),
      ]);
      const after = (await findContact(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'contact',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async remove(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const found = (await findContact(m, id)) ?? throwNotFound('contact', id);
      await lockSite(m, found.siteId);
      const steps = await count(
        m,
        `SELECT count(*) AS n FROM action_plan_steps st JOIN action_plans p ON p.id = st.plan_id WHERE st.contact_id = $1`,
        [id],
      );
      if (steps > 0) {
        throw new AppError('CONFLICT', `contact ${found.name} is used by ${steps} action-plan step(s)`, {
          key: 'contactInUse',
          params: { name: found.name, count: steps },
        });
      }
      await m.query(`DELETE FROM contacts WHERE id = $1`, [id]);
      // Keep positions 1..n without gaps, so "appended last" stays simple.
      await m.query(
        `UPDATE contacts c SET position = o.rn FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rn
            FROM contacts WHERE site_id = $1) o WHERE c.id = o.id AND c.position <> o.rn`,
        [found.siteId],
      );
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'contact',
        entityId: id,
        before: { ...found },
      });
    });
  }

  async reorder(user: SessionUser, siteId: string, ids: string[]): Promise<Contact[]> {
    return this.dataSource.transaction(async (m) => {
      await lockSite(m, siteId);
      const before = await contactsOfSite(m, siteId);
      const problem = reorderRefusal(
        before.map((c) => c.id),
        ids,
      );
      if (problem) throw new AppError('UNPROCESSABLE', `ids: ${reorderText(problem)}`, problem);
      await m.query(
        `UPDATE contacts c SET position = o.ord, updated_at = now()
           FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE c.id = o.id AND c.site_id = $1`,
        [siteId, ids],
      );
      const after = await contactsOfSite(m, siteId);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'site',
        entityId: siteId,
        before: { contactOrder: before.map((c) => c.id) },
        after: { contactOrder: after.map((c) => c.id) },
      });
      return after;
    });
  }

  // ---- on-call rosters -----------------------------------------------------------------------

  listRosters(query: PageQuery): Promise<Page<OnCallRoster>> {
    const filter = new Filter();
    if (query.q) filter.add('name ILIKE ?', likePattern(query.q));
    const now = new Date();
    const timeZone = centreTimeZone();
    return pageOf(
      this.dataSource,
      { select: ROSTER_COLUMNS, from: 'on_call_rosters', filter, orderBy: 'name, id' },
      query,
      (row: RosterRow) => toRoster(row, now, timeZone),
    );
  }

  async getRoster(id: string): Promise<OnCallRoster> {
    return (await findRoster(this.dataSource, id)) ?? throwNotFound('on-call roster', id);
  }

  async createRoster(user: SessionUser, input: RosterData): Promise<OnCallRoster> {
    return this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO on_call_rosters (name, rotation_start, members) VALUES ($1, $2, $3::jsonb) RETURNING id`,
        [input.name, input.rotationStart, JSON.stringify(input.members)],
      )) as { id: string }[];
      const roster = (await findRoster(m, row!.id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'onCallRoster',
        entityId: roster.id,
        after: { ...roster },
      });
      return roster;
    });
  }

  async updateRoster(user: SessionUser, id: string, input: RosterData): Promise<OnCallRoster> {
    return this.dataSource.transaction(async (m) => {
      const before = (await findRoster(m, id, true)) ?? throwNotFound('on-call roster', id);
      // Swaps stay in the rotation's range: moving the start past one needs the swap removed first.
      const orphan = before.swaps.find((swap) => swap.weekStart < input.rotationStart);
      if (orphan)
        throw new AppError(
          'UNPROCESSABLE',
          `rotationStart: is after the swapped week of ${orphan.weekStart}; remove that swap first`,
          { key: 'rotationAfterSwap', params: { week: orphan.weekStart } },
        );
      await m.query(
        `UPDATE on_call_rosters SET name = $2, rotation_start = $3, members = $4::jsonb, updated_at = now() WHERE id = $1`,
        [id, input.name, input.rotationStart, JSON.stringify(input.members)],
      );
      const after = (await findRoster(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'onCallRoster',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async removeRoster(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = (await findRoster(m, id, true)) ?? throwNotFound('on-call roster', id);
      const steps = await count(m, `SELECT count(*) AS n FROM action_plan_steps WHERE roster_id = $1`, [id]);
      if (steps > 0)
        throw new AppError('CONFLICT', `on-call roster ${before.name} is used by ${steps} action-plan step(s)`, {
          key: 'rosterInUse',
          params: { name: before.name, count: steps },
        });
      await m.query(`DELETE FROM on_call_rosters WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'onCallRoster',
        entityId: id,
        before: { ...before },
      });
    });
  }

  // ---- swaps of on-call weeks ----------------------------------------------------------------

  /**
   * Hands one week of the rotation to another member or to an outside stand-in: the week is a
   * Monday not before rotationStart, with no swap yet (409 otherwise). Answers the roster.
   */
  async addSwap(user: SessionUser, rosterId: string, input: SwapData): Promise<OnCallRoster> {
    return this.dataSource.transaction(async (m) => {
      const roster = (await findRoster(m, rosterId, true)) ?? throwNotFound('on-call roster', rosterId);
      const problem = swapProblem(roster, input);
      if (problem?.code === 'ALREADY_SWAPPED')
        throw new AppError('CONFLICT', `the week of ${input.weekStart} has a swap already`, {
          key: 'swapExists',
          params: { week: input.weekStart },
        });
      if (problem) {
        throw new AppError('UNPROCESSABLE', `${problem.field}: ${swapProblemText(problem)}`, swapRefusal(problem));
      }
      const { takenBy } = input;
      const standIn = takenBy.kind === 'MEMBER' ? roster.members[takenBy.memberIndex]! : takenBy;
      let inserted: { id: string } | undefined;
      try {
        [inserted] = (await m.query(
          `INSERT INTO on_call_swaps (roster_id, week_start, stand_in_name, stand_in_phone, outside)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [rosterId, input.weekStart, standIn.name, standIn.phone, takenBy.kind === 'OUTSIDE'],
        )) as { id: string }[];
      } catch (error) {
        if (isUniqueViolation(error, 'on_call_swaps_week_key'))
          throw new AppError('CONFLICT', `the week of ${input.weekStart} has a swap already`, {
            key: 'swapExists',
            params: { week: input.weekStart },
          });
        throw error;
      }
      const after = (await findRoster(m, rosterId))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'onCallSwap',
        entityId: inserted!.id,
        after: { rosterId, ...after.swaps.find((swap) => swap.id === inserted!.id) },
      });
      return after;
    });
  }

  async removeSwap(user: SessionUser, rosterId: string, swapId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const roster = (await findRoster(m, rosterId, true)) ?? throwNotFound('on-call roster', rosterId);
      const swap = roster.swaps.find((s) => s.id === swapId) ?? throwNotFound('swap', swapId);
      await m.query(`DELETE FROM on_call_swaps WHERE id = $1`, [swapId]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'onCallSwap',
        entityId: swapId,
        before: { rosterId, ...swap },
      });
    });
  }
}
