import type { AlarmCategory } from '@arc/shared/alarm';
import type { CaseStatus } from '@arc/shared/case';
import type { CaseTitleParams } from '@arc/shared/case-title';
import type { CaseResult, ContactAttempt } from '@arc/shared/case-handling';
import type { ActionStep } from '@arc/shared/directory';
import type { SiteStatus } from '@arc/shared/intake';
import { plansOfSite } from '../../directory/index.js';
import { type Db, first, iso, rows, throwNotFound } from '../../database/sql-kit.js';
import { QUEUE_ORDER } from '../case-summary-row.js';

/**
 * SQL shared by the case screen's read model and the operator's records on a case: the case row,
 * the action plan that applies to it and a readable label for each step.
 */

export interface CaseRow {
  id: string;
  case_no: string;
  category: AlarmCategory;
  priority: number;
  status: CaseStatus;
  site_id: string | null;
  held_by_user_id: string | null;
}

const CASE_COLUMNS = 'id, case_no, category, priority, status, site_id, held_by_user_id';

/** The case row, or 404. With `lock` the row is locked FOR UPDATE until the transaction ends. */
export async function requireCase(db: Db, caseId: string, lock = false): Promise<CaseRow> {
  const row = await first<CaseRow>(db, `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
    caseId,
  ]);
  return row ?? throwNotFound('case', caseId);
}

/** The steps of the site's action plan for the category, in order; null when there is no plan. */
export async function planStepsFor(
  db: Db,
  siteId: string | null,
  category: AlarmCategory,
): Promise<ActionStep[] | null> {
  if (siteId === null) return null;
  const [plan] = await plansOfSite(db, siteId, category);
  return plan ? plan.steps : null;
}

const TYPE_LABELS: Record<ActionStep['type'], string> = {
  CALL_CONTACT: 'Call contact',
  CALL_ON_CALL: 'Call on-call',
  DISPATCH_GUARD: 'Dispatch a guard',
  ALERT_RESCUE_SERVICE: 'Alert the rescue service',
  ALERT_POLICE: 'Alert the police',
  INSTRUCTION: 'Instruction',
};

/**
 * What a step asks for, in words ("Call contact Anna Berg", "Alert the police: gate code 1234"),
 * stored with a tick so the case keeps its meaning when the plan changes later.
 */
export function stepLabel(
  step: Pick<ActionStep, 'type' | 'instruction'>,
  names: { contact?: string | null; roster?: string | null } = {},
): string {
  if (step.type === 'INSTRUCTION') return step.instruction ?? TYPE_LABELS.INSTRUCTION;
  const name = step.type === 'CALL_CONTACT' ? names.contact : step.type === 'CALL_ON_CALL' ? names.roster : null;
  const action = name ? `${TYPE_LABELS[step.type]} ${name}` : TYPE_LABELS[step.type];
  return step.instruction ? `${action}: ${step.instruction}` : action;
}

/** The names of the contacts and rosters the steps call, for their labels. */
export async function stepNames(
  db: Db,
  steps: readonly ActionStep[],
): Promise<{ contacts: Map<string, string>; rosters: Map<string, string> }> {
  const contactIds = [...new Set(steps.flatMap((s) => (s.contactId ? [s.contactId] : [])))];
  const rosterIds = [...new Set(steps.flatMap((s) => (s.rosterId ? [s.rosterId] : [])))];
  const contacts =
    contactIds.length === 0
      ? []
      : await rows<{ id: string; name: string }>(db, `SELECT id, name FROM contacts WHERE id = ANY($1::uuid[])`, [
          contactIds,
        ]);
  const rosters =
    rosterIds.length === 0
      ? []
      : await rows<{ id: string; name: string }>(
          db,
          `SELECT id, name FROM on_call_rosters WHERE id = ANY($1::uuid[])`,
          [rosterIds],
        );
  return {
    contacts: new Map(contacts.map((c) => [c.id, c.name])),
    rosters: new Map(rosters.map((r) => [r.id, r.name])),
  };
}

export function labelOf(step: ActionStep, names: { contacts: Map<string, string>; rosters: Map<string, string> }) {
  return stepLabel(step, {
    contact: step.contactId ? names.contacts.get(step.contactId) : null,
    roster: step.rosterId ? names.rosters.get(step.rosterId) : null,
  });
}

/** Appends one entry to the case's history (case_events is append-only). */
export async function appendCaseEvent(
  db: Db,
  caseId: string,
  type: string,
  actorUserId: string | null,
  data: Record<string, unknown>,
): Promise<void> {
  await db.query(`INSERT INTO case_events (case_id, type, actor_user_id, data) VALUES ($1, $2, $3, $4)`, [
    caseId,
    type,
    actorUserId,
    JSON.stringify(data),
  ]);
}

export interface AttemptRow {
  id: string;
  at: Date;
  user_id: string;
  user_name: string;
  contact_id: string | null;
  name: string;
  route_kind: ContactAttempt['routeKind'];
  route_value: string;
  outcome: ContactAttempt['outcome'];
  note: string | null;
}

export function toAttempt(row: AttemptRow): ContactAttempt {
  return {
    id: row.id,
    at: iso(row.at),
    by: { userId: row.user_id, name: row.user_name },
    contactId: row.contact_id,
    name: row.name,
    routeKind: row.route_kind,
    routeValue: row.route_value,
    outcome: row.outcome,
    note: row.note,
  };
}

/** How a case is closed: its result and note, and the mandatory steps left open and why. */
export interface CaseClosing {
  result: CaseResult;
  note: string | null;
  openStepsReason: string | null;
  openSteps: string[];
  /** Who asked, when the case is closed on someone else's word (phone intake: a verified caller). */
  cancelledBy?: Record<string, unknown>;
}

/**
 * Closes a case, with its CLOSED event: the operator's close and a caller's cancellation by phone
 * both write it here. The caller has locked the row; it also ends the hold
 * (`CaseHandlingService.endHold`) in the same transaction.
 */
export async function closeCase(db: Db, caseId: string, userId: string, closing: CaseClosing): Promise<void> {
  const { result, note, openStepsReason, openSteps, cancelledBy } = closing;
  await db.query(
    `UPDATE cases
        SET status = 'CLOSED', closed_at = now(), closed_by_user_id = $2, result = $3, result_note = $4,
            open_steps_reason = $5, held_by_user_id = NULL, held_since = NULL, held_heartbeat_at = NULL,
            version = version + 1
      WHERE id = $1`,
    [caseId, userId, result, note, openStepsReason],
  );
  await appendCaseEvent(db, caseId, 'CLOSED', userId, {
    result,
    note,
    openStepsReason,
    openSteps,
    ...(cancelledBy ? { cancelledBy } : {}),
  });
}

/** A site's cases that are not closed, in queue order: what a verified caller is told on the phone. */
export async function openCasesOfSite(db: Db, siteId: string): Promise<SiteStatus['openCases']> {
  const found = await rows<{
    id: string;
    case_no: string;
    category: AlarmCategory;
    title: string;
    title_key: string | null;
    title_params: CaseTitleParams | null;
    status: string;
    queued_at: Date;
  }>(
    db,
    `SELECT c.id, c.case_no, c.category, c.title, c.title_key, c.title_params, c.status, c.queued_at FROM cases c
      WHERE c.site_id = $1 AND c.status <> 'CLOSED' ORDER BY ${QUEUE_ORDER}`,
    [siteId],
  );
  return found.map((c) => ({
    id: c.id,
    caseNo: c.case_no,
    category: c.category,
    title: c.title,
    titleKey: c.title_key,
    titleParams: c.title_params,
    status: c.status,
    queuedAt: iso(c.queued_at),
  }));
}
