import { classifyEventCode } from '@arc/shared/event-codes';
import { type SignalLogEntry, type SignalLogQuerySchema } from '@arc/shared/rules';
import type { z } from 'zod';
import { type Db, iso, rows } from '../database/sql-kit.js';

type SignalLogQuery = z.output<typeof SignalLogQuerySchema>;

/** Larger than any signal id: "before" when the client gave none. */
const NO_UPPER_BOUND = '9223372036854775807';

/**
 * A site's signal log, newest first: every signal its transmitters sent, with what the rules
 * decided (report ZR0034 lists all inputs, suppressed ones included). Paging goes back in time
 * with `before` = the smallest id of the previous page, which stays stable while new signals
 * arrive (an offset would shift).
 *
 * Each transmitter is read by its own backward scan of signals_transmitter_idx (transmitter_id,
 * id) limited to one page, then the pages are merged: a site with a chatty transmitter costs one
 * page per transmitter, never its whole history.
 */
export async function signalLogOfSite(db: Db, siteId: string, query: SignalLogQuery): Promise<SignalLogEntry[]> {
  const found = await rows<SignalRow>(
    db,
    `SELECT x.* FROM transmitters t
       CROSS JOIN LATERAL (
         SELECT s.id::text AS id, s.id AS sort_id, s.received_at, s.account, s.code, s.zone, s.kind, s.category,
                d.decision, d.reason AS decision_reason, d.reason_key AS decision_reason_key,
                d.reason_params AS decision_reason_params, d.case_id, c.case_no, s.unencrypted_from_keyed
           FROM signals s
           LEFT JOIN signal_decisions d ON d.signal_id = s.id
           LEFT JOIN cases c ON c.id = d.case_id
          WHERE s.transmitter_id = t.id AND s.id < $2::bigint
          ORDER BY s.id DESC LIMIT $3) x
      WHERE t.site_id = $1
      ORDER BY x.sort_id DESC LIMIT $3`,
    [siteId, query.before === undefined ? NO_UPPER_BOUND : query.before.toString(), query.limit],
  );
  return found.map(toEntry);
}

interface SignalRow {
  id: string;
  received_at: Date;
  account: string;
  code: string;
  zone: string | null;
  kind: SignalLogEntry['kind'];
  category: SignalLogEntry['category'];
  decision: SignalLogEntry['decision'];
  decision_reason: string | null;
  decision_reason_key: string | null;
  decision_reason_params: Record<string, string | number | boolean> | null;
  case_id: string | null;
  case_no: string | null;
  unencrypted_from_keyed: boolean;
}

function toEntry(row: SignalRow): SignalLogEntry {
  return {
    id: row.id,
    receivedAt: iso(row.received_at),
    account: row.account,
    code: row.code,
    zone: row.zone,
    description: classifyEventCode(row.code)?.description ?? 'Unknown event code',
    kind: row.kind,
    category: row.category,
    decision: row.decision,
    decisionReason: row.decision_reason,
    decisionReasonKey: row.decision_reason_key,
    decisionReasonParams: row.decision_reason_params,
    caseId: row.case_id,
    caseNo: row.case_no,
    unencryptedFromKeyed: row.unencrypted_from_keyed,
  };
}
