import type { AlarmEventCount } from '@arc/shared/rules';
import { type Db, first, rows } from '../database/sql-kit.js';

/**
 * Alarm events (larmhändelser) of a contract in one calendar year, counted towards its yearly
 * quota (docs/domain.md section 4): every case opened for one of the contract's sites counts once,
 * service cases included. The year and the months are UTC: a case queued at 00:30 Swedish time
 * on 1 January still counts for the old year. Signals appended to an open case add nothing.
 *
 * Returns undefined for an unknown contract.
 */
export async function alarmEventsOfContract(
  db: Db,
  contractId: string,
  year: number,
): Promise<AlarmEventCount | undefined> {
  const contract = await first<{ contract_no: string; yearly_event_quota: number }>(
    db,
    `SELECT contract_no, yearly_event_quota FROM contracts WHERE id = $1`,
    [contractId],
  );
  if (!contract) return undefined;
  // A range on queued_at (not extract(year …)) lets PostgreSQL use cases_site_idx per site.
  const months = await rows<{ month: number; n: number }>(
    db,
    `SELECT extract(month FROM c.queued_at AT TIME ZONE 'UTC')::int AS month, count(*)::int AS n
       FROM cases c JOIN sites s ON s.id = c.site_id
      WHERE s.contract_id = $1 AND c.queued_at >= $2::timestamptz AND c.queued_at < $3::timestamptz
      GROUP BY 1`,
    [contractId, `${year}-01-01T00:00:00Z`, `${year + 1}-01-01T00:00:00Z`],
  );
  const byMonth = Array.from({ length: 12 }, (_, i) => months.find((m) => m.month === i + 1)?.n ?? 0);
  const count = byMonth.reduce((sum, n) => sum + n, 0);
  return {
    contractId,
    contractNo: contract.contract_no,
    year,
    quota: contract.yearly_event_quota,
    count,
    overQuota: count > contract.yearly_event_quota,
    byMonth,
  };
}

/** The current calendar year in UTC, the default of GET /contracts/:id/alarm-events. */
export function currentUtcYear(now = new Date()): number {
  return now.getUTCFullYear();
}
