import { Inject, Injectable } from '@nestjs/common';
import type { AlarmCategory } from '@arc/shared/alarm';
import type { EntityManager } from 'typeorm';
import { returnedRows, type SqlPart } from '../database/sql-kit.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import type { CaseChange, CaseEventDraft, OpenOrAppendInput, RestoreInput } from './case-change.js';

/**
 * The write side of the case lifecycle: opening and appending, restores, the history and the
 * hand-over to an operator who works the site. Every write runs in the caller's transaction;
 * what follows the commit (queue jobs, the consoles) is `CaseEffectsService`'s.
 */
@Injectable()
export class CaseLifecycleService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Opens a case per key and category, or appends to the open one, for many alarms at once.
   * The partial unique index makes this safe when several processes race; rows are written in
   * key order so two concurrent batches lock them in the same order. With `history` the case
   * history entries are added to it, for the caller to write with `writeHistory`.
   */
  async openOrAppendMany(
    manager: EntityManager,
    alarms: OpenOrAppendInput[],
    history?: CaseEventDraft[],
  ): Promise<{ changes: CaseChange[]; caseOfSignal: Map<string, string>; opened: Set<string> }> {
    const groups = new Map<string, OpenOrAppendInput[]>();
    for (const alarm of alarms) {
      const key = `${alarm.caseKey}\u0000${alarm.category}`;
      const group = groups.get(key);
      if (group) group.push(alarm);
      else groups.set(key, [alarm]);
    }
    const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
    const first = ordered.map((group) => group[0]!);
    const rows: {
      id: string;
      case_key: string;
      category: string;
      created: boolean;
      priority: number;
      site_held: boolean;
    }[] = await manager.query(
      `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, unknown_transmitter,
                            signal_count, queued_at, last_signal_at, runaway, unencrypted_from_keyed, title_key,
                            title_params)
         SELECT case_key, site_id, account, category, priority, 'QUEUED', title, unknown_transmitter,
                signal_count, queued_at, last_signal_at, runaway, unencrypted_from_keyed, title_key, title_params
           FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::smallint[], $6::text[], $7::boolean[],
                       $8::int[], $9::timestamptz[], $10::timestamptz[], $11::boolean[], $12::boolean[], $13::text[],
                       $14::jsonb[])
                WITH ORDINALITY AS t(case_key, site_id, account, category, priority, title, unknown_transmitter,
                                     signal_count, queued_at, last_signal_at, runaway, unencrypted_from_keyed,
                                     title_key, title_params, ord)
          ORDER BY ord
         ON CONFLICT (case_key, category) WHERE status <> 'CLOSED'
         DO UPDATE SET signal_count = cases.signal_count + EXCLUDED.signal_count,
                       last_signal_at = GREATEST(cases.last_signal_at, EXCLUDED.last_signal_at),
                       runaway = cases.runaway OR EXCLUDED.runaway,
                       unencrypted_from_keyed = cases.unencrypted_from_keyed OR EXCLUDED.unencrypted_from_keyed,
                       version = cases.version + 1
         RETURNING id, case_key, category, (xmax = 0) AS created, priority,
                   (xmax = 0 AND EXISTS (SELECT 1 FROM cases h WHERE h.status = 'ACCEPTED' AND h.site_id = cases.site_id))
                     AS site_held`,
      [
        first.map((a) => a.caseKey),
        first.map((a) => a.siteId),
        first.map((a) => a.account),
        first.map((a) => a.category),
        first.map((a) => a.priority),
        first.map((a) => a.title),
        first.map((a) => a.unknownTransmitter),
        ordered.map((group) => group.filter((a) => a.signalId !== null).length),
        first.map((a) => a.receivedAt),
        ordered.map((group) => new Date(Math.max(...group.map((a) => a.receivedAt.getTime())))),
        ordered.map((group) => group.some((a) => a.runaway === true)),
        ordered.map((group) => group.some((a) => a.unencryptedFromKeyed === true)),
        first.map((a) => a.titleKey),
        first.map((a) => (a.titleParams ? JSON.stringify(a.titleParams) : null)),
      ],
    );
    const byKey = new Map(rows.map((row) => [`${row.case_key}\u0000${row.category}`, row]));
    const changes: CaseChange[] = [];
    const caseOfSignal = new Map<string, string>();
    const opened = new Set<string>();
    // History: CREATED names the first input; plain appended signals are recorded once per case
    // and batch (each signal also points at its case through signal_decisions.case_id); inputs with a
    // note (what the centre detected itself) get an entry each.
    const events: CaseEventDraft[] = [];
    for (const group of ordered) {
      const head = group[0]!;
      const row = byKey.get(`${head.caseKey}\u0000${head.category}`)!;
      changes.push({ caseId: row.id, created: row.created, priority: Number(row.priority), siteHeld: row.site_held });
      for (const alarm of group) if (alarm.signalId !== null) caseOfSignal.set(alarm.signalId, row.id);
      const rest = row.created ? group.slice(1) : group;
      if (row.created) {
        if (head.signalId !== null) opened.add(head.signalId);
        events.push({
          caseId: row.id,
          type: 'CREATED',
          signalId: head.signalId,
          data: JSON.stringify({
            ...titleData(head),
            ...(head.note ? { [head.note.type]: head.note.data } : {}),
          }),
        });
      }
      for (const input of rest) {
        if (input.note) {
          events.push({
            caseId: row.id,
            type: input.note.type,
            signalId: input.signalId,
            data: JSON.stringify({ ...titleData(input), ...input.note.data }),
          });
        }
      }
      const appended = rest.filter((a) => !a.note && a.signalId !== null);
      if (appended.length > 0) {
        events.push({
          caseId: row.id,
          type: 'SIGNALS_APPENDED',
          signalId: appended[0]!.signalId,
          data: JSON.stringify({ count: appended.length, signalIds: appended.map((a) => a.signalId) }),
        });
      }
    }
    if (history) history.push(...events);
    else await this.writeHistory(manager, events);
    return { changes, caseOfSignal, opened };
  }

  /** Appends entries to the case history, in the order given, in one statement. */
  async writeHistory(manager: EntityManager, events: CaseEventDraft[]): Promise<void> {
    const statement = this.historyStatement(events);
    if (statement) await manager.query(statement.sql, statement.params);
  }

  /** The statement `writeHistory` runs, to combine with others; null when there is nothing to write. */
  historyStatement(events: CaseEventDraft[]): SqlPart | null {
    if (events.length === 0) return null;
    return {
      sql: `INSERT INTO case_events (case_id, type, signal_id, data)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::jsonb[])`,
      params: [
        events.map((e) => e.caseId),
        events.map((e) => e.type),
        events.map((e) => e.signalId),
        events.map((e) => e.data),
      ],
    };
  }

  /** Links a restore to the open case of its key and category, if there is one. */
  async recordRestore(
    manager: EntityManager,
    caseKey: string,
    category: AlarmCategory,
    signalId: string | null,
    description: string,
  ): Promise<(CaseChange & { caseNo: string }) | null> {
    const rows = returnedRows<{ id: string; priority: number; case_no: string }>(
      await manager.query(
        `UPDATE cases SET version = version + 1
        WHERE case_key = $1 AND category = $2 AND status <> 'CLOSED'
        RETURNING id, priority, case_no`,
        [caseKey, category],
      ),
    );
    const row = rows[0];
    if (!row) return null;
    await this.appendEvent(manager, row.id, 'RESTORE_RECEIVED', signalId, { description });
    return { caseId: row.id, created: false, priority: row.priority, caseNo: row.case_no };
  }

  /**
   * Links restores to the open case of their key and category, where there is one; one statement
   * for all. Returns the case each restore was recorded on, by signal id. A key appears once.
   * The history entries are added to `history`, for the caller to write with `writeHistory`.
   */
  async recordRestores(
    manager: EntityManager,
    restores: RestoreInput[],
    history: CaseEventDraft[],
  ): Promise<Map<string, CaseChange & { caseNo: string }>> {
    const recorded = new Map<string, CaseChange & { caseNo: string }>();
    if (restores.length === 0) return recorded;
    const rows = returnedRows<{ id: string; case_key: string; category: string; priority: number; case_no: string }>(
      await manager.query(
        `UPDATE cases c SET version = c.version + 1
           FROM unnest($1::text[], $2::text[]) AS r(case_key, category)
          WHERE c.case_key = r.case_key AND c.category = r.category AND c.status <> 'CLOSED'
          RETURNING c.id, c.case_key, c.category, c.priority, c.case_no`,
        [restores.map((r) => r.caseKey), restores.map((r) => r.category)],
      ),
    );
    const byKey = new Map(rows.map((row) => [`${row.case_key}\u0000${row.category}`, row]));
    for (const restore of restores) {
      const row = byKey.get(`${restore.caseKey}\u0000${restore.category}`);
      if (row) {
        recorded.set(restore.signalId, {
          caseId: row.id,
          created: false,
          priority: Number(row.priority),
          caseNo: row.case_no,
        });
      }
    }
    for (const restore of restores) {
      const change = recorded.get(restore.signalId);
      if (!change) continue;
      history.push({
        caseId: change.caseId,
        type: 'RESTORE_RECEIVED',
        signalId: restore.signalId,
        data: JSON.stringify({ description: restore.description }),
      });
    }
    return recorded;
  }

  /**
   * The site sticks to the operator: a new case of a site whose other case an operator is
   * working goes straight to that operator instead of the queue. Called in the transaction that
   * created the cases (once for all of them), so such a case is never seen waiting; marks the
   * changes it decided. `afterCommit` decides for the cases of callers that did not call it.
   */
  async giveToHolders(manager: EntityManager, changes: CaseChange[]): Promise<void> {
    // Most new cases are of sites nobody works at the moment: decided without a statement.
    for (const change of changes) if (change.created && change.siteHeld === false) change.held ??= false;
    const undecided = changes.filter(mayBeGiven);
    if (undecided.length === 0) return;
    const held = await this.holdForOperators(
      manager,
      undecided.map((change) => change.caseId),
    );
    for (const change of undecided) change.held = held.has(change.caseId);
  }

  /** Whether `giveToHolders` would write anything for these changes (so history must come first). */
  mayGiveToHolders(changes: CaseChange[]): boolean {
    return changes.some((change) => mayBeGiven(change) && change.siteHeld !== false);
  }

  /** Gives new cases of a site an operator is working to that operator; returns those given. */
  private async holdForOperators(manager: EntityManager, caseIds: string[]): Promise<Set<string>> {
    const rows = returnedRows<{ id: string; held_by_user_id: string }>(
      await manager.query(
        `UPDATE cases c
            SET status = 'ACCEPTED', held_by_user_id = h.held_by_user_id, held_since = now(),
                held_heartbeat_at = now(), accepted_at = now(), version = c.version + 1,
                ack_due_at = now() + make_interval(secs => $2)
           FROM (SELECT DISTINCT ON (site_id) site_id, held_by_user_id FROM cases
                  WHERE status = 'ACCEPTED' AND site_id IS NOT NULL
                    AND site_id IN (SELECT site_id FROM cases WHERE id = ANY($1::uuid[]))
                  ORDER BY site_id, held_since) AS h
          WHERE c.id = ANY($1::uuid[]) AND c.status = 'QUEUED' AND c.site_id = h.site_id
          RETURNING c.id, c.held_by_user_id`,
        [caseIds, this.config.cases.assignAckSeconds],
      ),
    );
    if (rows.length === 0) return new Set();
    await manager.query(`INSERT INTO case_holds (case_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [
      rows.map((r) => r.id),
      rows.map((r) => r.held_by_user_id),
    ]);
    await manager.query(
      `INSERT INTO case_events (case_id, type, actor_user_id, data)
       SELECT id, 'TAKEN', user_id, '{"by":"site sticks to the operator"}'::jsonb
         FROM unnest($1::uuid[], $2::uuid[]) AS t(id, user_id)`,
      [rows.map((r) => r.id), rows.map((r) => r.held_by_user_id)],
    );
    return new Set(rows.map((row) => row.id));
  }

  private async appendEvent(
    manager: EntityManager,
    caseId: string,
    type: string,
    signalId: string | null,
    data: Record<string, unknown>,
  ): Promise<void> {
    await manager.query(`INSERT INTO case_events (case_id, type, signal_id, data) VALUES ($1, $2, $3, $4)`, [
      caseId,
      type,
      signalId,
      JSON.stringify(data),
    ]);
  }
}

/** How a history entry names the title: the English, and its key and arguments when it has them. */
function titleData(input: OpenOrAppendInput): Record<string, unknown> {
  return input.titleKey && input.titleParams
    ? { title: input.title, titleKey: input.titleKey, titleParams: input.titleParams }
    : { title: input.title };
}

/** A new case not yet given to an operator or queued. */
export function mayBeGiven(change: CaseChange): boolean {
  return change.created && change.held === undefined;
}
