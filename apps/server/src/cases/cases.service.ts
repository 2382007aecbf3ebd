import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlarmCategory, CaseStatus, CaseSummary } from '@arc/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../common/sql.js';
import { RedisStateService } from '../redis/redis-state.service.js';
import { CaseChangeBus } from './case-change.bus.js';
import { CaseQueueService } from './case-queue.service.js';

export interface OpenOrAppendInput {
  caseKey: string;
  siteId: string | null;
  account: string;
  category: AlarmCategory;
  priority: number;
  title: string;
  unknownTransmitter: boolean;
  /** A transmitter of the case sends more than the runaway threshold. */
  runaway?: boolean;
  /** The signal that joins the case; null for what the centre itself detects (missing test signal). */
  signalId: string | null;
  receivedAt: Date;
  /** Recorded in the case history instead of a plain CREATED / SIGNALS_APPENDED entry. */
  note?: { type: CaseEventType; data: Record<string, unknown> };
}

/** What the case history records besides CREATED, SIGNALS_APPENDED and RESTORE_RECEIVED. */
export type CaseEventType = 'SUPERVISION_MISSED' | 'RUNAWAY_DETECTED' | 'ACTIVE_AT_END' | 'DEFERRED_RAISED';

export interface CaseChange {
  caseId: string;
  created: boolean;
  priority: number;
}

interface SummaryRow {
  id: string;
  case_no: string;
  category: AlarmCategory;
  priority: number;
  status: CaseStatus;
  title: string;
  account: string;
  site_id: string | null;
  site_name: string | null;
  site_address: string | null;
  unknown_transmitter: boolean;
  runaway: boolean;
  signal_count: number;
  queued_at: Date;
  last_signal_at: Date;
  version: number;
  held_by_user_id: string | null;
  held_by_name: string | null;
  returned_count: number;
  return_reason: string | null;
  moved_to_top_at: Date | null;
}

const SUMMARY_SELECT = `
  SELECT c.id, c.case_no, c.category, c.priority, c.status, c.title, c.account, c.site_id,
         s.name AS site_name,
         CASE WHEN s.id IS NULL THEN NULL
              ELSE s.street || ', ' || s.postcode || ' ' || s.city || ' (' || s.municipality || ')' END AS site_address,
         c.unknown_transmitter, c.runaway, c.signal_count, c.queued_at, c.last_signal_at, c.version,
         c.held_by_user_id, u.display_name AS held_by_name, c.returned_count, c.return_reason, c.moved_to_top_at
    FROM cases c
    LEFT JOIN sites s ON s.id = c.site_id
    LEFT JOIN users u ON u.id = c.held_by_user_id`;

/** The queue's order: moved to the top first (latest move first), then priority, then age. */
export const QUEUE_ORDER = `c.moved_to_top_at DESC NULLS LAST, c.priority, c.queued_at`;

/** Case lifecycle. Writes happen inside the caller's transaction; effects run after commit. */
@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);
  private readonly presented = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: CaseQueueService,
    private readonly bus: CaseChangeBus,
    state: RedisStateService,
  ) {
    // Run in the background by the state service: with Redis down at start the receivers must
    // still come up and ACK.
    state.register('case queue', () => this.reconcileQueue());
  }

  /**
   * Opens a case per key and category, or appends to the open one, for many alarms at once.
   * The partial unique index makes this safe when several processes race; rows are written in
   * key order so two concurrent batches lock them in the same order.
   */
  async openOrAppendMany(
    manager: EntityManager,
    alarms: OpenOrAppendInput[],
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
    const rows: { id: string; case_key: string; category: string; created: boolean; priority: number }[] =
      await manager.query(
        `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, unknown_transmitter,
                            signal_count, queued_at, last_signal_at, runaway)
         SELECT case_key, site_id, account, category, priority, 'QUEUED', title, unknown_transmitter,
                signal_count, queued_at, last_signal_at, runaway
           FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::smallint[], $6::text[], $7::boolean[],
                       $8::int[], $9::timestamptz[], $10::timestamptz[], $11::boolean[])
                WITH ORDINALITY AS t(case_key, site_id, account, category, priority, title, unknown_transmitter,
                                     signal_count, queued_at, last_signal_at, runaway, ord)
          ORDER BY ord
         ON CONFLICT (case_key, category) WHERE status <> 'CLOSED'
         DO UPDATE SET signal_count = cases.signal_count + EXCLUDED.signal_count,
                       last_signal_at = GREATEST(cases.last_signal_at, EXCLUDED.last_signal_at),
                       runaway = cases.runaway OR EXCLUDED.runaway,
                       version = cases.version + 1
         RETURNING id, case_key, category, (xmax = 0) AS created, priority`,
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
        ],
      );
    const byKey = new Map(rows.map((row) => [`${row.case_key}\u0000${row.category}`, row]));
    const changes: CaseChange[] = [];
    const caseOfSignal = new Map<string, string>();
    const opened = new Set<string>();
    // History: CREATED names the first input; plain appended signals are recorded once per case
    // and batch (each signal also points at its case through signals.case_id); inputs with a
    // note (what the centre detected itself) get an entry each.
    const events: { caseId: string; type: string; signalId: string | null; data: string }[] = [];
    for (const group of ordered) {
      const head = group[0]!;
      const row = byKey.get(`${head.caseKey}\u0000${head.category}`)!;
      changes.push({ caseId: row.id, created: row.created, priority: Number(row.priority) });
      for (const alarm of group) if (alarm.signalId !== null) caseOfSignal.set(alarm.signalId, row.id);
      const rest = row.created ? group.slice(1) : group;
      if (row.created) {
        if (head.signalId !== null) opened.add(head.signalId);
        events.push({
          caseId: row.id,
          type: 'CREATED',
          signalId: head.signalId,
          data: JSON.stringify({ title: head.title, ...(head.note ? { [head.note.type]: head.note.data } : {}) }),
        });
      }
      for (const input of rest) {
        if (input.note) {
          events.push({
            caseId: row.id,
            type: input.note.type,
            signalId: input.signalId,
            data: JSON.stringify({ title: input.title, ...input.note.data }),
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
    await manager.query(
      `INSERT INTO case_events (case_id, type, signal_id, data)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::jsonb[])`,
      [
        events.map((e) => e.caseId),
        events.map((e) => e.type),
        events.map((e) => e.signalId),
        events.map((e) => e.data),
      ],
    );
    return { changes, caseOfSignal, opened };
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

  /** After the transaction commits: queue new cases and tell the consoles, one query for all. */
  async afterCommit(changes: CaseChange[]): Promise<void> {
    if (changes.length === 0) return;
    const created = changes.filter((change) => change.created);
    const stuck = created.length > 0 ? await this.stickToHolders(created.map((c) => c.caseId)) : new Set<string>();
    // Not awaited: Redis commands wait for a reconnect, and a Redis outage must not stall the
    // evaluation worker or keep new cases from the consoles. Start-up reconciliation repairs a
    // job that was never added.
    for (const change of created) {
      if (!stuck.has(change.caseId)) void this.queue.enqueueSafely(change.caseId, change.priority);
    }
    const rows: SummaryRow[] = await this.dataSource.query(`${SUMMARY_SELECT} WHERE c.id = ANY($1::uuid[])`, [
      [...new Set(changes.map((c) => c.caseId))],
    ]);
    for (const row of rows) this.bus.publish(toSummary(row));
  }

  /** Puts a case (back) in the queue; `front`: ahead of its priority's other jobs. Never throws. */
  async queueJob(caseId: string, priority: number, front: boolean): Promise<void> {
    try {
      if (front) await this.queue.enqueueFront(caseId, priority);
      else await this.queue.enqueue(caseId, priority);
    } catch (error) {
      this.logger.error({ err: error, caseId }, 'Could not enqueue case; it is re-enqueued when Redis is back');
    }
  }

  /**
   * The site sticks to the operator: a new case of a site whose other case an operator is
   * working goes straight to that operator instead of the queue. Returns the cases given so.
   */
  private async stickToHolders(caseIds: string[]): Promise<Set<string>> {
    const [anyHeld] = (await this.dataSource.query(
      `SELECT 1 FROM cases WHERE status = 'ACCEPTED'
          AND site_id IN (SELECT site_id FROM cases WHERE id = ANY($1::uuid[])) LIMIT 1`,
      [caseIds],
    )) as unknown[];
    if (!anyHeld) return new Set();
    const given = await this.dataSource.transaction(async (manager) => {
      const rows = returnedRows<{ id: string; held_by_user_id: string }>(
        await manager.query(
          `UPDATE cases c
              SET status = 'ACCEPTED', held_by_user_id = h.held_by_user_id, held_since = now(),
                  held_heartbeat_at = now(), accepted_at = now(), version = c.version + 1
             FROM (SELECT DISTINCT ON (site_id) site_id, held_by_user_id FROM cases
                    WHERE status = 'ACCEPTED' AND site_id IS NOT NULL
                      AND site_id IN (SELECT site_id FROM cases WHERE id = ANY($1::uuid[]))
                    ORDER BY site_id, held_since) AS h
            WHERE c.id = ANY($1::uuid[]) AND c.status = 'QUEUED' AND c.site_id = h.site_id
            RETURNING c.id, c.held_by_user_id`,
          [caseIds],
        ),
      );
      if (rows.length === 0) return rows;
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
      return rows;
    });
    return new Set(given.map((row) => row.id));
  }

  /**
   * Records when cases were first shown on a connected console (ZR0001's "presented"). Called
   * by the realtime gateway as it sends them; each case is written once per process.
   */
  async markPresented(caseIds: string[], at: Date): Promise<void> {
    const fresh = caseIds.filter((id) => !this.presented.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.presented.add(id);
    if (this.presented.size > 50_000) this.presented.clear();
    await this.dataSource.query(
      `UPDATE cases SET first_presented_at = $2 WHERE id = ANY($1::uuid[]) AND first_presented_at IS NULL`,
      [fresh, at],
    );
  }

  async listOpen(): Promise<CaseSummary[]> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `${SUMMARY_SELECT} WHERE c.status <> 'CLOSED' ORDER BY ${QUEUE_ORDER}`,
    );
    return rows.map(toSummary);
  }

  async summary(caseId: string): Promise<CaseSummary | null> {
    const rows: SummaryRow[] = await this.dataSource.query(`${SUMMARY_SELECT} WHERE c.id = $1`, [caseId]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /** Guarantee 5: at start and after Redis lost its data, every queued case gets its job back. */
  async reconcileQueue(): Promise<void> {
    const rows: { id: string; priority: number }[] = await this.dataSource.query(
      `SELECT c.id, c.priority FROM cases c WHERE c.status = 'QUEUED' ORDER BY c.priority, c.queued_at`,
    );
    for (const row of rows) await this.queue.enqueue(row.id, row.priority);
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

function toSummary(row: SummaryRow): CaseSummary {
  return {
    id: row.id,
    caseNo: row.case_no,
    category: row.category,
    priority: Number(row.priority),
    status: row.status,
    title: row.title,
    account: row.account,
    siteId: row.site_id,
    siteName: row.site_name,
    siteAddress: row.site_address,
    unknownTransmitter: row.unknown_transmitter,
    signalCount: Number(row.signal_count),
    runaway: row.runaway,
    queuedAt: row.queued_at.toISOString(),
    lastSignalAt: row.last_signal_at.toISOString(),
    version: Number(row.version),
    heldBy: row.held_by_user_id ? { userId: row.held_by_user_id, name: row.held_by_name ?? '' } : null,
    returned: Number(row.returned_count) > 0,
    returnReason: row.return_reason,
    movedToTop: row.moved_to_top_at !== null,
  };
}
