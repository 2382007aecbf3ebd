import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AlarmCategory } from '@arc/shared/alarm';
import { type CaseResult } from '@arc/shared/case-handling';
import { type CaseTitleParams } from '@arc/shared/case-title';
import {
  closedCasePeriod,
  type ClosedCasePage,
  type ClosedCaseQuery,
  type ClosedCaseSummary,
} from '@arc/shared/case-history';
import type { DataSource } from 'typeorm';
import { AppError, fieldIssue } from '../common/app-error.js';
import { returnedRows } from '../database/sql-kit.js';

interface ClosedRow {
  id: string;
  case_no: string;
  category: AlarmCategory;
  title: string;
  title_key: string | null;
  title_params: CaseTitleParams | null;
  account: string;
  site_id: string | null;
  site_name: string | null;
  site_address: string | null;
  unknown_transmitter: boolean;
  queued_at: Date;
  closed_at: Date;
  result: CaseResult | null;
  closed_by_user_id: string | null;
  closed_by_name: string | null;
  signal_count: number;
}

/** An ILIKE pattern for `text` as a plain substring (its %, _ and \ are not wildcards). */
function substring(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The closed-case search: closed cases by period (on `closed_at`, which `cases_closed_idx`
 * indexes), site, account, category, result and the operator who worked them, newest first.
 */
@Injectable()
export class CaseHistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async closed(query: ClosedCaseQuery, now = new Date()): Promise<ClosedCasePage> {
    const period = closedCasePeriod(query, now);
    // The schema checked the period already; this only guards a direct caller.
    if ('problem' in period) {
      throw new AppError('VALIDATION', `${period.field}: ${period.problem}`, {
        key: 'invalidInput',
        issues: [fieldIssue(period.field, period.problem)],
      });
    }
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`c.status = 'CLOSED'`, `c.closed_at >= ${param(period.from)}`, `c.closed_at < ${param(period.to)}`];
    if (query.siteId) where.push(`c.site_id = ${param(query.siteId)}`);
    if (query.site) {
      const p = param(substring(query.site));
      where.push(`(s.name ILIKE ${p} OR s.street ILIKE ${p} OR s.city ILIKE ${p} OR s.municipality ILIKE ${p})`);
    }
    if (query.account) where.push(`c.account = ${param(query.account)}`);
    if (query.category) where.push(`c.category = ${param(query.category)}`);
    if (query.result) where.push(`c.result = ${param(query.result)}`);
    if (query.operatorId) {
      const p = param(query.operatorId);
      where.push(
        `(c.closed_by_user_id = ${p} OR EXISTS (SELECT 1 FROM case_holds h WHERE h.case_id = c.id AND h.user_id = ${p}))`,
      );
    }
    const conditions = where.join(' AND ');
    const filterParams = [...params];
    const limit = param(query.pageSize);
    const offset = param((query.page - 1) * query.pageSize);
    const [found, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT c.id, c.case_no, c.category, c.title, c.account, c.site_id, s.name AS site_name,
                CASE WHEN s.id IS NULL THEN NULL
                     ELSE s.street || ', ' || s.postcode || ' ' || s.city || ' (' || s.municipality || ')' END AS site_address,
                c.unknown_transmitter, c.queued_at, c.closed_at, c.result, c.closed_by_user_id,
                u.display_name AS closed_by_name, c.signal_count, c.title_key, c.title_params
           FROM cases c LEFT JOIN sites s ON s.id = c.site_id LEFT JOIN users u ON u.id = c.closed_by_user_id
          WHERE ${conditions}
          ORDER BY c.closed_at DESC, c.id DESC
          LIMIT ${limit} OFFSET ${offset}`,
        params,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS n FROM cases c LEFT JOIN sites s ON s.id = c.site_id WHERE ${conditions}`,
        filterParams,
      ),
    ]);
    return {
      items: returnedRows<ClosedRow>(found).map(toClosedSummary),
      total: Number(returnedRows<{ n: number }>(counted)[0]?.n ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
    };
  }
}

function toClosedSummary(row: ClosedRow): ClosedCaseSummary {
  return {
    id: row.id,
    caseNo: row.case_no,
    category: row.category,
    title: row.title,
    titleKey: row.title_key,
    titleParams: row.title_params,
    account: row.account,
    siteId: row.site_id,
    siteName: row.site_name,
    siteAddress: row.site_address,
    unknownTransmitter: row.unknown_transmitter,
    openedAt: row.queued_at.toISOString(),
    closedAt: row.closed_at.toISOString(),
    result: row.result,
    closedBy: row.closed_by_user_id ? { userId: row.closed_by_user_id, name: row.closed_by_name ?? '' } : null,
    signalCount: Number(row.signal_count),
  };
}
