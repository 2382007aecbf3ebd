import type { AlarmCategory } from '@arc/shared/alarm';
import type { ActionPlan } from '@arc/shared/directory';
import { type Db, iso, rows } from '../database/sql-kit.js';

/** The SQL read model of action plans and their steps. */

interface PlanRow {
  id: string;
  site_id: string;
  category: AlarmCategory;
  updated_at: Date;
}

interface StepRow {
  id: string;
  plan_id: string;
  position: number;
  type: ActionPlan['steps'][number]['type'];
  contact_id: string | null;
  roster_id: string | null;
  instruction: string | null;
  mandatory: boolean;
}

const CATEGORY_ORDER = `array_position(ARRAY['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE'], category)`;

export async function plansOfSite(db: Db, siteId: string, category?: AlarmCategory): Promise<ActionPlan[]> {
  const plans = await rows<PlanRow>(
    db,
    `SELECT id, site_id, category, updated_at FROM action_plans
      WHERE site_id = $1 AND ($2::text IS NULL OR category = $2) ORDER BY ${CATEGORY_ORDER}`,
    [siteId, category ?? null],
  );
  if (plans.length === 0) return [];
  const steps = await rows<StepRow>(
    db,
    `SELECT id, plan_id, position, type, contact_id, roster_id, instruction, mandatory
       FROM action_plan_steps WHERE plan_id = ANY($1::uuid[]) ORDER BY position`,
    [plans.map((p) => p.id)],
  );
  return plans.map((plan) => ({
    id: plan.id,
    siteId: plan.site_id,
    category: plan.category,
    updatedAt: iso(plan.updated_at),
    steps: steps
      .filter((s) => s.plan_id === plan.id)
      .map((s) => ({
        id: s.id,
        position: s.position,
        type: s.type,
        contactId: s.contact_id,
        rosterId: s.roster_id,
        instruction: s.instruction,
        mandatory: s.mandatory,
      })),
  }));
}

export async function findPlan(db: Db, siteId: string, category: AlarmCategory): Promise<ActionPlan | undefined> {
  return (await plansOfSite(db, siteId, category))[0];
}
