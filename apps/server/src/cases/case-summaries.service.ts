import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseSummary } from '@arc/shared/case';
import type { DataSource } from 'typeorm';
import type { SqlPart } from '../database/sql-kit.js';
import { QUEUE_ORDER, SUMMARY_SELECT, type SummaryRow, toSummary } from './case-summary-row.js';

/** The summary read model: the queue's rows and the socket's changes, as the consoles see them. */
@Injectable()
export class CaseSummariesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /** A statement that reads the summaries of these cases; turn its rows into summaries with `toSummaries`. */
  summaryStatement(caseIds: string[]): SqlPart {
    return { sql: `${SUMMARY_SELECT} WHERE c.id = ANY($1::uuid[])`, params: [caseIds] };
  }

  toSummaries(rows: unknown[]): CaseSummary[] {
    return (rows as SummaryRow[]).map(toSummary);
  }
}
