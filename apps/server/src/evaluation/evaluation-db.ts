import type { SignalDecision } from '@arc/shared/rules';
import type { SignalReason } from '@arc/shared/signal-reason';
import type { EntityManager } from 'typeorm';
import type { SqlPart } from '../database/sql-kit.js';
import { windowsSql, type SignalToJudge } from '../rules/index.js';

/** A signal of the batch claimed for evaluation, with what the rules need to judge it. */
export interface LockedSignal extends SignalToJudge {
  unencrypted_from_keyed: boolean;
}

/** What is recorded for each signal: its decision, reason, case and suppressing window. */
export interface Outcome {
  decision: SignalDecision;
  /** Set by the time the batch writes its decisions. */
  reason: SignalReason | null;
  caseId: string | null;
  serviceModeId: string | null;
  blockWindowId: string | null;
}

/** The batch's signals: those this transaction claimed, and those evaluated already (with their case). */
export interface ClaimedSignals {
  pending: LockedSignal[];
  evaluated: Map<string, string | null>;
}

/**
 * Claims the signals for this transaction by deleting their backlog rows (signal_backlog): a
 * signal another transaction is evaluating makes this one wait until it commits, and is then no
 * longer there to claim. The claimed signals come back with the windows in force for them, in
 * one round trip, in storage order. Signals not claimed were evaluated already: their cases are
 * read in a second statement (rare), which sees what the other transaction committed. Two
 * claims overlap only when a sweep meets another process's batch; should they lock in a
 * different order and deadlock, PostgreSQL aborts one and the dispatcher retries it.
 */
export async function claimSignals(manager: EntityManager, signalIds: string[]): Promise<ClaimedSignals> {
  const pending: LockedSignal[] = await manager.query(
    `WITH claimed AS MATERIALIZED (
       DELETE FROM signal_backlog WHERE signal_id = ANY($1::bigint[]) RETURNING signal_id
     ),
     pending AS MATERIALIZED (
       SELECT s.id, s.account, s.code, s.zone, s.received_at, s.transmitter_id, t.site_id, t.runaway_until,
              s.unencrypted_from_keyed
         FROM claimed c JOIN signals s ON s.id = c.signal_id LEFT JOIN transmitters t ON t.id = s.transmitter_id
     ),
     windows AS (
       ${windowsSql(
         'IN (SELECT transmitter_id FROM pending)',
         '(SELECT min(received_at) FROM pending)',
         '(SELECT max(received_at) FROM pending)',
       )}
     )
     SELECT p.*, (SELECT json_agg(w ORDER BY w.starts_at) FROM windows w WHERE w.transmitter_id = p.transmitter_id)
                 AS windows
       FROM pending p ORDER BY p.id`,
    [signalIds],
  );
  const evaluated = new Map<string, string | null>();
  if (pending.length < signalIds.length) {
    const claimed = new Set(pending.map((row) => String(row.id)));
    const others = signalIds.filter((id) => !claimed.has(id));
    const rows: { signal_id: string; case_id: string | null }[] = await manager.query(
      `SELECT signal_id, case_id FROM signal_decisions WHERE signal_id = ANY($1::bigint[])`,
      [others],
    );
    for (const row of rows) evaluated.set(String(row.signal_id), row.case_id);
  }
  return { pending, evaluated };
}

/** Marks transmitters as runaway until `until`. */
export async function markRunaway(manager: EntityManager, transmitterIds: string[], until: Date): Promise<void> {
  await manager.query(`UPDATE transmitters SET runaway_until = $2 WHERE id = ANY($1::uuid[])`, [transmitterIds, until]);
}

/** The statement that records each signal's decision, to run with the batch's last. */
export function decisionsStatement(outcomes: Map<string, Outcome>): SqlPart {
  const list = [...outcomes.values()];
  return {
    sql: `INSERT INTO signal_decisions (signal_id, case_id, decision, reason, service_mode_id, block_window_id,
                                        reason_key, reason_params)
          SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[],
                               $8::jsonb[])`,
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
