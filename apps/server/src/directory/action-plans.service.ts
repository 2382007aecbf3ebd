import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlarmCategory } from '@arc/shared/alarm';
import type { SessionUser } from '@arc/shared/auth';
import type { ActionPlan, ActionPlanInputSchema } from '@arc/shared/directory';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import { type Db, first, rows, throwNotFound } from '../database/sql-kit.js';
import { findPlan, plansOfSite } from './action-plans-db.js';
import { lockSite } from './sites-db.js';

type PlanData = z.output<typeof ActionPlanInputSchema>;

/** One action plan per site and alarm category: the steps an operator works through in order. */
@Injectable()
export class ActionPlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listOfSite(siteId: string): Promise<ActionPlan[]> {
    if (!(await first(this.dataSource, `SELECT 1 FROM sites WHERE id = $1`, [siteId]))) throwNotFound('site', siteId);
    return plansOfSite(this.dataSource, siteId);
  }

  async get(siteId: string, category: AlarmCategory): Promise<ActionPlan> {
    return (await findPlan(this.dataSource, siteId, category)) ?? throwPlanNotFound(category, siteId);
  }

  /** Replaces the plan's steps; position is the array order, 1-based. */
  async replace(user: SessionUser, siteId: string, category: AlarmCategory, input: PlanData): Promise<ActionPlan> {
    return this.dataSource.transaction(async (m) => {
      await lockSite(m, siteId);
      await checkStepReferences(m, siteId, input);
      const before = await findPlan(m, siteId, category);
      const [plan] = (await m.query(
        `INSERT INTO action_plans (site_id, category) VALUES ($1, $2)
         ON CONFLICT (site_id, category) DO UPDATE SET updated_at = now() RETURNING id`,
        [siteId, category],
      )) as { id: string }[];
      await m.query(`DELETE FROM action_plan_steps WHERE plan_id = $1`, [plan!.id]);
      for (const [index, step] of input.steps.entries()) {
        await m.query(
          `INSERT INTO action_plan_steps (plan_id, position, type, contact_id, roster_id, instruction, mandatory)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [plan!.id, index + 1, step.type, step.contactId, step.rosterId, step.instruction, step.mandatory],
        );
      }
      const after = (await findPlan(m, siteId, category))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: before ? 'UPDATE' : 'CREATE',
        entity: 'actionPlan',
        entityId: after.id,
        before: before ? { ...before } : null,
        after: { ...after },
      });
      return after;
    });
  }

  async remove(user: SessionUser, siteId: string, category: AlarmCategory): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await lockSite(m, siteId);
      const before = (await findPlan(m, siteId, category)) ?? throwPlanNotFound(category, siteId);
      await m.query(`DELETE FROM action_plans WHERE id = $1`, [before.id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'actionPlan',
        entityId: before.id,
        before: { ...before },
      });
    });
  }
}

/** A step may call only a contact of its own site, and only a roster that exists. */
async function checkStepReferences(db: Db, siteId: string, input: PlanData): Promise<void> {
  const contactIds = input.steps.flatMap((s) => (s.contactId ? [s.contactId] : []));
  const rosterIds = input.steps.flatMap((s) => (s.rosterId ? [s.rosterId] : []));
  const contactSite = new Map(
    (
      await rows<{ id: string; site_id: string }>(db, `SELECT id, site_id FROM contacts WHERE id = ANY($1::uuid[])`, [
        contactIds,
      ])
    ).map((r) => [r.id, r.site_id]),
  );
  const rosters = new Set(
    (await rows<{ id: string }>(db, `SELECT id FROM on_call_rosters WHERE id = ANY($1::uuid[])`, [rosterIds])).map(
      (r) => r.id,
    ),
  );
  for (const [index, step] of input.steps.entries()) {
    if (step.contactId) {
      const owner = contactSite.get(step.contactId);
      if (!owner)
        throw new AppError('UNPROCESSABLE', `steps.${index}.contactId: contact ${step.contactId} does not exist`, {
          key: 'stepContactMissing',
          params: { step: index + 1, contactId: step.contactId },
        });
      if (owner !== siteId) {
        throw new AppError(
          'UNPROCESSABLE',
          `steps.${index}.contactId: contact ${step.contactId} is a contact of another site`,
          { key: 'stepContactOtherSite', params: { step: index + 1, contactId: step.contactId } },
        );
      }
    }
    if (step.rosterId && !rosters.has(step.rosterId)) {
      throw new AppError('UNPROCESSABLE', `steps.${index}.rosterId: on-call roster ${step.rosterId} does not exist`, {
        key: 'stepRosterMissing',
        params: { step: index + 1, rosterId: step.rosterId },
      });
    }
  }
}

function throwPlanNotFound(category: AlarmCategory, siteId: string): never {
  throw new AppError('NOT_FOUND', `${category} action plan of site ${siteId} does not exist`, {
    key: 'actionPlanNotFound',
    params: { category, siteId },
  });
}
