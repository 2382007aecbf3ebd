import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlarmCategory, CaseStatus, CaseSummary } from '@arc/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../common/sql.js';
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
  signalId: string;
  receivedAt: Date;
}

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
  signal_count: number;
  queued_at: Date;
  last_signal_at: Date;
  version: number;
}

const SUMMARY_SELECT = `
  SELECT c.id, c.case_no, c.category, c.priority, c.status, c.title, c.account, c.site_id,
         s.name AS site_name,
         CASE WHEN s.id IS NULL THEN NULL
              ELSE s.street || ', ' || s.postcode || ' ' || s.city || ' (' || s.municipality || ')' END AS site_address,
         c.unknown_transmitter, c.signal_count, c.queued_at, c.last_signal_at, c.version
    FROM cases c
    LEFT JOIN sites s ON s.id = c.site_id`;

/** Case lifecycle. Writes happen inside the caller's transaction; effects run after commit. */
@Injectable()
export class CasesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: CaseQueueService,
    private readonly bus: CaseChangeBus,
  ) {}

  /**
   * Opens a case per key and category, or appends to the open one, for many alarms at once.
   * The partial unique index makes this safe when several processes race; rows are written in
   * key order so two concurrent batches lock them in the same order.
   */
  async openOrAppendMany(
    manager: EntityManager,
    alarms: OpenOrAppendInput[],
  ): Promise<{ changes: CaseChange[]; caseOfSignal: Map<string, string> }> {
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
                            signal_count, queued_at, last_signal_at)
         SELECT case_key, site_id, account, category, priority, 'QUEUED', title, unknown_transmitter,
                signal_count, queued_at, last_signal_at
           FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::smallint[], $6::text[], $7::boolean[],
                       $8::int[], $9::timestamptz[], $10::timestamptz[])
                WITH ORDINALITY AS t(case_key, site_id, account, category, priority, title, unknown_transmitter,
                                     signal_count, queued_at, last_signal_at, ord)
          ORDER BY ord
         ON CONFLICT (case_key, category) WHERE status <> 'CLOSED'
         DO UPDATE SET signal_count = cases.signal_count + EXCLUDED.signal_count,
                       last_signal_at = GREATEST(cases.last_signal_at, EXCLUDED.last_signal_at),
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
          ordered.map((group) => group.length),
          first.map((a) => a.receivedAt),
          ordered.map((group) => new Date(Math.max(...group.map((a) => a.receivedAt.getTime())))),
        ],
      );
    const byKey = new Map(rows.map((row) => [`${row.case_key}\u0000${row.category}`, row]));
    const changes: CaseChange[] = [];
    const caseOfSignal = new Map<string, string>();
    // History: CREATED names the first signal; appended signals are recorded once per case and
    // batch (each signal also points at its case through signals.case_id).
    const events: { caseId: string; type: string; signalId: string; data: string }[] = [];
    for (const group of ordered) {
      const row = byKey.get(`${group[0]!.caseKey}\u0000${group[0]!.category}`)!;
      changes.push({ caseId: row.id, created: row.created, priority: Number(row.priority) });
      for (const alarm of group) caseOfSignal.set(alarm.signalId, row.id);
      const appended = row.created ? group.slice(1) : group;
      if (row.created) {
        events.push({
          caseId: row.id,
          type: 'CREATED',
          signalId: group[0]!.signalId,
          data: JSON.stringify({ title: group[0]!.title }),
        });
      }
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
    return { changes, caseOfSignal };
  }

  /** Links a restore to the open case of its key and category, if there is one. */
  async recordRestore(
    manager: EntityManager,
    caseKey: string,
    category: AlarmCategory,
    signalId: string,
    description: string,
  ): Promise<CaseChange | null> {
    const rows = returnedRows<{ id: string; priority: number }>(
      await manager.query(
        `UPDATE cases SET version = version + 1
        WHERE case_key = $1 AND category = $2 AND status <> 'CLOSED'
        RETURNING id, priority`,
        [caseKey, category],
      ),
    );
    const row = rows[0];
    if (!row) return null;
    await this.appendEvent(manager, row.id, 'RESTORE_RECEIVED', signalId, { description });
    return { caseId: row.id, created: false, priority: row.priority };
  }

  /** After the transaction commits: queue new cases and tell the consoles, one query for all. */
  async afterCommit(changes: CaseChange[]): Promise<void> {
    if (changes.length === 0) return;
    // Not awaited: Redis commands wait for a reconnect, and a Redis outage must not stall the
    // evaluation worker or keep new cases from the consoles. Start-up reconciliation repairs a
    // job that was never added.
    for (const change of changes) {
      if (change.created) void this.queue.enqueueSafely(change.caseId, change.priority);
    }
    const rows: SummaryRow[] = await this.dataSource.query(`${SUMMARY_SELECT} WHERE c.id = ANY($1::uuid[])`, [
      [...new Set(changes.map((c) => c.caseId))],
    ]);
    for (const row of rows) this.bus.publish(toSummary(row));
  }

  async listOpen(): Promise<CaseSummary[]> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `${SUMMARY_SELECT} WHERE c.status <> 'CLOSED' ORDER BY c.priority, c.queued_at`,
    );
    return rows.map(toSummary);
  }

  async summary(caseId: string): Promise<CaseSummary | null> {
    const rows: SummaryRow[] = await this.dataSource.query(`${SUMMARY_SELECT} WHERE c.id = $1`, [caseId]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /** Guarantee 5: after Redis lost its data, every queued case gets its job back. */
  onApplicationBootstrap(): void {
    // In the background: with Redis down at start the receivers must still come up and ACK.
    this.reconcileQueue().catch((error: unknown) =>
      this.logger.error({ err: error }, 'Could not re-enqueue queued cases; they are enqueued at the next start'),
    );
  }

  async reconcileQueue(): Promise<void> {
    const rows: { id: string; priority: number }[] = await this.dataSource.query(
      `SELECT id, priority FROM cases WHERE status = 'QUEUED' ORDER BY priority, queued_at`,
    );
    for (const row of rows) await this.queue.enqueue(row.id, row.priority);
    if (rows.length > 0) this.logger.log(`Re-enqueued ${rows.length} queued case(s) from PostgreSQL`);
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
    queuedAt: row.queued_at.toISOString(),
    lastSignalAt: row.last_signal_at.toISOString(),
    version: Number(row.version),
  };
}
