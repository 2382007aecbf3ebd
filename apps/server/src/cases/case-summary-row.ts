import type { AlarmCategory } from '@arc/shared/alarm';
import type { CaseStatus, CaseSummary } from '@arc/shared/case';
import type { CaseTitleParams } from '@arc/shared/case-title';

/** How a case summary (the queue's row, the socket's change) is read from PostgreSQL. */
export interface SummaryRow {
  id: string;
  case_no: string;
  category: AlarmCategory;
  priority: number;
  status: CaseStatus;
  title: string;
  title_key: string | null;
  title_params: CaseTitleParams | null;
  account: string;
  site_id: string | null;
  site_name: string | null;
  site_address: string | null;
  unknown_transmitter: boolean;
  runaway: boolean;
  unencrypted_from_keyed: boolean;
  signal_count: number;
  queued_at: Date;
  last_signal_at: Date;
  version: number;
  held_by_user_id: string | null;
  held_by_name: string | null;
  returned_count: number;
  return_reason: string | null;
  moved_to_top_at: Date | null;
  ack_due_at: Date | null;
}

export const SUMMARY_SELECT = `
  SELECT c.id, c.case_no, c.category, c.priority, c.status, c.title, c.account, c.site_id,
         s.name AS site_name,
         CASE WHEN s.id IS NULL THEN NULL
              ELSE s.street || ', ' || s.postcode || ' ' || s.city || ' (' || s.municipality || ')' END AS site_address,
         c.unknown_transmitter, c.runaway, c.unencrypted_from_keyed, c.signal_count, c.queued_at, c.last_signal_at, c.version,
         c.held_by_user_id, u.display_name AS held_by_name, c.returned_count, c.return_reason, c.moved_to_top_at,
         c.ack_due_at, c.title_key, c.title_params
    FROM cases c
    LEFT JOIN sites s ON s.id = c.site_id
    LEFT JOIN users u ON u.id = c.held_by_user_id`;

/** The queue's order: moved to the top first (latest move first), then priority, then age. */
export const QUEUE_ORDER = `c.moved_to_top_at DESC NULLS LAST, c.priority, c.queued_at`;

export function toSummary(row: SummaryRow): CaseSummary {
  return {
    id: row.id,
    caseNo: row.case_no,
    category: row.category,
    priority: Number(row.priority),
    status: row.status,
    title: row.title,
    titleKey: row.title_key,
    titleParams: row.title_params,
    account: row.account,
    siteId: row.site_id,
    siteName: row.site_name,
    siteAddress: row.site_address,
    unknownTransmitter: row.unknown_transmitter,
    signalCount: Number(row.signal_count),
    runaway: row.runaway,
    unencryptedFromKeyed: row.unencrypted_from_keyed,
    queuedAt: row.queued_at.toISOString(),
    lastSignalAt: row.last_signal_at.toISOString(),
    version: Number(row.version),
    heldBy: row.held_by_user_id ? { userId: row.held_by_user_id, name: row.held_by_name ?? '' } : null,
    returned: Number(row.returned_count) > 0,
    returnReason: row.return_reason,
    movedToTop: row.moved_to_top_at !== null,
    ackDueAt: row.ack_due_at ? row.ack_due_at.toISOString() : null,
  };
}
