import type { AlarmCategory } from '@arc/shared/alarm';
import type { Transmitter } from '@arc/shared/directory';
import { type Db, first, iso, isoOrNull, rows } from '../database/sql-kit.js';

/** The SQL read model of transmitters (the sealed key is never selected). */

interface TransmitterRow {
  id: string;
  account: string;
  site_id: string;
  protocol: Transmitter['protocol'];
  encrypted: boolean;
  require_encryption: boolean;
  supervision_interval_seconds: number | null;
  input_category: Transmitter['inputCategory'];
  last_seen_at: Date | null;
  runaway_until: Date | null;
  supervision_failed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const TRANSMITTER_COLUMNS = `id, account, site_id, protocol, encryption_key_sealed IS NOT NULL AS encrypted,
  require_encryption, supervision_interval_seconds, input_category, last_seen_at, runaway_until, supervision_failed_at, created_at, updated_at`;

export function toTransmitter(row: TransmitterRow): Transmitter {
  return {
    id: row.id,
    account: row.account,
    siteId: row.site_id,
    protocol: row.protocol,
    encrypted: row.encrypted,
    requireEncryption: row.require_encryption,
    supervisionIntervalSeconds: row.supervision_interval_seconds,
    inputCategory: row.input_category,
    lastSeenAt: isoOrNull(row.last_seen_at),
    runawayUntil: isoOrNull(row.runaway_until),
    supervisionFailedAt: isoOrNull(row.supervision_failed_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function findTransmitter(db: Db, id: string, lock = false): Promise<Transmitter | undefined> {
  const row = await first<TransmitterRow>(
    db,
    `SELECT ${TRANSMITTER_COLUMNS} FROM transmitters WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row && toTransmitter(row);
}

export async function transmittersOfSite(db: Db, siteId: string): Promise<Transmitter[]> {
  const list = await db.query(`SELECT ${TRANSMITTER_COLUMNS} FROM transmitters WHERE site_id = $1 ORDER BY account`, [
    siteId,
  ]);
  return (list as TransmitterRow[]).map(toTransmitter);
}

/** The declared input category of each of the site's transmitters (null: undeclared, may send anything). */
export async function inputCategoriesOfSite(db: Db, siteId: string): Promise<(AlarmCategory | null)[]> {
  const found = await rows<{ input_category: AlarmCategory | null }>(
    db,
    `SELECT DISTINCT input_category FROM transmitters WHERE site_id = $1`,
    [siteId],
  );
  return found.map((r) => r.input_category);
}

/** The transmitter's declared input category; null when undeclared or the transmitter is unknown. */
export async function inputCategoryOfTransmitter(db: Db, transmitterId: string): Promise<AlarmCategory | null> {
  const transmitter = await first<{ input_category: AlarmCategory | null }>(
    db,
    `SELECT input_category FROM transmitters WHERE id = $1`,
    [transmitterId],
  );
  return transmitter?.input_category ?? null;
}

/**
 * Before deleting transmitters: no signal can be stored until the transaction ends (a SHARE
 * lock on signals waits for the inserts in flight and holds new ones for these milliseconds),
 * so a count of a transmitter's signals stays true until its row is gone. signals has no
 * foreign key to transmitters (migration 1766200000000): the lock on every stored signal it
 * took cost more than this lock on the rare delete.
 */
export async function lockSignalsForDelete(db: Db): Promise<void> {
  await db.query(`LOCK TABLE signals IN SHARE MODE`);
}
