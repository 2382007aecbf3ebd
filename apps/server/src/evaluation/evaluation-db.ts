import type { SignalDecision } from '@arc/shared/rules';
import type { SignalReason } from '@arc/shared/signal-reason';
import type { EntityManager } from 'typeorm';
import type { SqlPart } from '../database/sql-kit.js';
import { windowsSql, type SignalToJudge } from '../rules/index.js';

/** A signal of the batch, locked: whether it was evaluated, and what the rules need to judge it. */
export interface LockedSignal extends SignalToJudge {
  evaluated_at: Date | null;
  case_id: string | null;
  unencrypted_from_keyed: boolean;
}

/** What is written back to each signal: its decision, reason, case and suppressing window. */
export interface Outcome {
  decision: SignalDecision;
  /** Set by the time the batch writes its decisions. */
  reason: SignalReason | null;
  caseId: string | null;
  serviceModeId: string | null;
  blockWindowId: string | null;
}

/** The signals, locked, and the windows in force for those still to evaluate, in one round trip. */
export function lockSignals(manager: EntityManager, signalIds: string[]): Promise<LockedSignal[]> {
  return manager.query(
    `WITH locked AS MATERIALIZED (
       SELECT s.id, s.account, s.code, s.zone, s.evaluated_at, s.case_id, s.received_at, s.transmitter_id, t.site_id,
              t.runaway_until, s.unencrypted_from_keyed
         FROM signals s LEFT JOIN transmitters t ON t.id = s.transmitter_id
        WHERE s.id = ANY($1::bigint[]) ORDER BY s.id FOR UPDATE OF s
     ),
     pending AS (SELECT * FROM locked WHERE evaluated_at IS NULL),
     windows AS (
       ${windowsSql(
         'IN (SELECT transmitter_id FROM pending)',
         '(SELECT min(received_at) FROM pending)',
         '(SELECT max(received_at) FROM pending)',
       )}
     )
     SELECT l.*, (SELECT json_agg(w ORDER BY w.starts_at) FROM windows w WHERE w.transmitter_id = l.transmitter_id)
                 AS windows
       FROM locked l ORDER BY l.id`,
    [signalIds],
  );
}

/** Marks transmitters as runaway until `until`. */
export async function markRunaway(manager: EntityManager, transmitterIds: string[], until: Date): Promise<void> {
  await manager.query(`UPDATE transmitters SET runaway_until = $2 WHERE id = ANY($1::uuid[])`, [transmitterIds, until]);
}

/** The statement that stores each signal's decision with it, to run with the batch's last. */
export function decisionsStatement(outcomes: Map<string, Outcome>): SqlPart {
  const list = [...outcomes.values()];
  return {
    sql: `UPDATE signals s
             SET evaluated_at = now(), case_id = u.case_id, decision = u.decision, decision_reason = u.reason,
                 decision_reason_key = u.reason_key, decision_reason_params = u.reason_params,
                 service_mode_id = u.service_mode_id, block_window_id = u.block_window_id
            FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::jsonb[])
                 AS u(id, case_id, decision, reason, service_mode_id, block_window_id, reason_key, reason_params)
           WHERE s.id = u.id`,
    params: [
      [...outcomes.keys()],
      list.map((o) => o.caseId),
      list.map((o) => o.decision),
      list.map((o) => o.reason?.text ?? ''),
      list.map((o) => o.serviceModeId),
      list.map((o) => o.blockWindowId),
      list.map((o) => o.reason?.key ?? null),
      list.map((o) => (o.reason ? JSON.stringify(o.reason.params) : null)),
    ],
  };
}
