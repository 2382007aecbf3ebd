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
   * Opens a case for the key and category, or appends the signal to the open one.
   * The partial unique index makes this safe when several processes race.
   */
  async openOrAppend(manager: EntityManager, input: OpenOrAppendInput): Promise<CaseChange> {
    const rows: { id: string; created: boolean; priority: number }[] = await manager.query(
      `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, unknown_transmitter,
                          signal_count, queued_at, last_signal_at)
       VALUES ($1, $2, $3, $4, $5, 'QUEUED', $6, $7, 1, $8, $8)
       ON CONFLICT (case_key, category) WHERE status <> 'CLOSED'
       DO UPDATE SET signal_count = cases.signal_count + 1,
                     last_signal_at = GREATEST(cases.last_signal_at, EXCLUDED.last_signal_at),
                     version = cases.version + 1
       RETURNING id, (xmax = 0) AS created, priority`,
      [
        input.caseKey,
        input.siteId,
        input.account,
        input.category,
        input.priority,
        input.title,
        input.unknownTransmitter,
        input.receivedAt,
      ],
    );
    const row = rows[0]!;
    await this.appendEvent(manager, row.id, row.created ? 'CREATED' : 'SIGNAL_APPENDED', input.signalId, {
      title: input.title,
    });
    return { caseId: row.id, created: row.created, priority: row.priority };
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

  /** After the transaction commits: queue new cases and tell the consoles. */
  async afterCommit(change: CaseChange): Promise<void> {
    if (change.created) await this.queue.enqueueSafely(change.caseId, change.priority);
    const summary = await this.summary(change.caseId);
    if (summary) this.bus.publish(summary);
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
  async onApplicationBootstrap(): Promise<void> {
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
