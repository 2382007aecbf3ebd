import type { AlarmCategory } from '@arc/shared/alarm';
import type { CaseTitleKey, CaseTitleParams } from '@arc/shared/case-title';
import type { EntityManager } from 'typeorm';
import type { RestoreInput } from '../cases/index.js';
import { returnedRows } from '../database/sql-kit.js';

/** A signal that waits (an AC loss) before it raises a case, unless its restore comes first. */
export interface Deferral {
  signalId: string;
  account: string;
  transmitterId: string | null;
  siteId: string | null;
  caseKey: string;
  family: string;
  category: AlarmCategory;
  /** The title of the case it raises (English, and its key and arguments). */
  title: string;
  titleKey: CaseTitleKey;
  titleParams: CaseTitleParams;
  receivedAt: Date;
  dueAt: Date;
}

/** A restore of the batch, with the family of waiting signals it settles. */
export interface PendingRestore extends RestoreInput {
  /** The restore's event code as received (its reason names the event). */
  eventCode: string;
  family: { account: string; family: string } | null;
  receivedAt: Date;
}

export async function insertDeferrals(manager: EntityManager, deferrals: Deferral[]): Promise<void> {
  await manager.query(
    `INSERT INTO deferred_alarms (signal_id, account, transmitter_id, site_id, case_key, family, category, title,
                                  received_at, due_at, title_key, title_params)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::jsonb[])
     ON CONFLICT (signal_id) DO NOTHING`,
    [
      deferrals.map((d) => d.signalId),
      deferrals.map((d) => d.account),
      deferrals.map((d) => d.transmitterId),
      deferrals.map((d) => d.siteId),
      deferrals.map((d) => d.caseKey),
      deferrals.map((d) => d.family),
      deferrals.map((d) => d.category),
      deferrals.map((d) => d.title),
      deferrals.map((d) => d.receivedAt),
      deferrals.map((d) => d.dueAt),
      deferrals.map((d) => d.titleKey),
      deferrals.map((d) => JSON.stringify(d.titleParams)),
    ],
  );
}

/**
 * A restore settles the waiting signals of its family stored before it: they raise no case.
 * Returns how many each restore settled. A batch holds at most one restore per account and family.
 */
export async function settleDeferrals(
  manager: EntityManager,
  restores: PendingRestore[],
): Promise<Map<string, number>> {
  const settling = restores.filter((r) => r.family !== null);
  const counts = new Map<string, number>();
  if (settling.length === 0) return counts;
  const rows = returnedRows<{ restore_id: string }>(
    await manager.query(
      `UPDATE deferred_alarms d SET settled_at = now(), restored_by_signal_id = r.restore_id
         FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[]) AS r(account, family, restore_id, received_at)
        WHERE d.account = r.account AND d.family = r.family AND d.settled_at IS NULL AND d.received_at <= r.received_at
        RETURNING r.restore_id`,
      [
        settling.map((r) => r.family!.account),
        settling.map((r) => r.family!.family),
        settling.map((r) => r.signalId),
        settling.map((r) => r.receivedAt),
      ],
    ),
  );
  for (const row of rows) counts.set(String(row.restore_id), (counts.get(String(row.restore_id)) ?? 0) + 1);
  return counts;
}
