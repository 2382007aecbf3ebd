import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';

/** A case row as the handling rules read it, locked for the caller's transaction. */
export interface LockedCaseRow {
  id: string;
  case_no: string;
  status: string;
  category: string;
  priority: number;
  site_id: string | null;
  held_by_user_id: string | null;
  held_by_name: string | null;
  awaiting_ack: boolean;
}

/** Inside the caller's transaction: locks the case row (FOR UPDATE); NOT_FOUND when there is none. */
export async function lockCaseRow(manager: EntityManager, caseId: string): Promise<LockedCaseRow> {
  const [row] = (await manager.query(
    `SELECT c.id, c.case_no, c.status, c.category, c.priority, c.site_id, c.held_by_user_id,
            u.display_name AS held_by_name, c.ack_due_at IS NOT NULL AS awaiting_ack
       FROM cases c LEFT JOIN users u ON u.id = c.held_by_user_id
      WHERE c.id = $1 FOR UPDATE OF c`,
    [caseId],
  )) as LockedCaseRow[];
  if (!row) throw new AppError('NOT_FOUND', `No case ${caseId}`, { key: 'noCase', params: { caseId } });
  return row;
}

/** One line of the case's history (case_events), inside the caller's transaction. */
export async function insertCaseEvent(
  manager: EntityManager,
  caseId: string,
  type: string,
  actorId: string | null,
  data: Record<string, unknown>,
): Promise<void> {
  await manager.query(`INSERT INTO case_events (case_id, type, actor_user_id, data) VALUES ($1, $2, $3, $4)`, [
    caseId,
    type,
    actorId,
    JSON.stringify(data),
  ]);
}
