import type { AlarmCategory } from '@arc/shared/alarm';
import type { EntityManager } from 'typeorm';
import type { Suppression } from './decide.js';

/** A row of `windowsSql`; read through JSON the times are strings. */
export interface SuppressionRow {
  kind: Suppression['kind'];
  id: string;
  transmitter_id: string;
  category: AlarmCategory | null;
  starts_at: Date | string;
  ends_at: Date | string;
  /** The service mode's reason, or the block window's reference. */
  note: string;
  requested_by: string;
  finished: boolean;
}

/**
 * The service modes and block windows of the transmitters whose id matches `transmitter`
 * (an SQL condition on `transmitter_id`) that overlap [from, to] (SQL expressions), as
 * `SuppressionRow`s.
 */
export function windowsSql(transmitter: string, from: string, to: string): string {
  return `SELECT 'SERVICE_MODE' AS kind, id, transmitter_id, category, starts_at, ends_at,
                 reason AS note, requested_by_name AS requested_by, finished_at IS NOT NULL AS finished
            FROM service_modes
           WHERE transmitter_id ${transmitter} AND starts_at <= ${to} AND ends_at > ${from}
          UNION ALL
          SELECT 'BLOCK_WINDOW', id, transmitter_id, NULL, starts_at, ends_at,
                 reference, requested_by_name, finished_at IS NOT NULL
            FROM block_windows
           WHERE transmitter_id ${transmitter} AND cancelled_at IS NULL AND starts_at <= ${to} AND ends_at > ${from}`;
}

/** Rows of `windowsSql` by transmitter, in the order given. */
export function suppressionsByTransmitter(rows: Iterable<SuppressionRow>): Map<string, Suppression[]> {
  const byTransmitter = new Map<string, Suppression[]>();
  for (const row of rows) {
    const list = byTransmitter.get(row.transmitter_id) ?? [];
    list.push({
      kind: row.kind,
      id: row.id,
      category: row.category,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      note: row.note,
      requestedBy: row.requested_by,
      finished: row.finished,
    });
    byTransmitter.set(row.transmitter_id, list);
  }
  return byTransmitter;
}

/**
 * The service modes and block windows of these transmitters that overlap [from, to], by
 * transmitter. Read fresh from PostgreSQL for every batch: a window set a moment ago applies to
 * the next signal, with no cache to invalidate.
 */
export async function loadSuppressions(
  manager: Pick<EntityManager, 'query'>,
  transmitterIds: string[],
  span: { from: Date; to: Date },
): Promise<Map<string, Suppression[]>> {
  if (transmitterIds.length === 0) return new Map();
  const rows: SuppressionRow[] = await manager.query(
    `${windowsSql('= ANY($1::uuid[])', '$2', '$3')} ORDER BY starts_at`,
    [transmitterIds, span.from, span.to],
  );
  return suppressionsByTransmitter(rows);
}

/** Windows in force now that silence supervision of these transmitters (whole transmitter or TECHNICAL). */
export async function supervisionSuppressions(
  manager: Pick<EntityManager, 'query'>,
  transmitterIds: string[],
  now: Date,
): Promise<Map<string, Suppression[]>> {
  const all = await loadSuppressions(manager, transmitterIds, { from: now, to: now });
  for (const [id, list] of all) {
    all.set(
      id,
      list.filter((s) => s.category === null || s.category === 'TECHNICAL'),
    );
  }
  return all;
}
