import type { AlarmCategory } from '@arc/shared/alarm';
import type { AuthorityLevel } from '@arc/shared/authority';
import type { BlockWindow, BlockWindowState, ServiceMode } from '@arc/shared/rules';
import { AppError } from '../../common/app-error.js';
import { type Db, first, iso, isoOrNull, notFoundError, rows } from '../../database/sql-kit.js';

/**
 * Read models of service modes and block windows. The window services and the site detail
 * (directory/site-detail.service.ts, through the SITE_WINDOWS port) read through these, so a window looks the same on every
 * route. `active` and `state` are computed by PostgreSQL from its own now(): inside one
 * transaction that is the transaction's start, so a mode created (starts_at = now()) reads as
 * active and one ended early (ends_at = now()) reads as ended in the same transaction.
 */

/** Longest list a window list route answers with (the lists have no paging; newest come first). */
export const WINDOW_LIST_LIMIT = 1000;

// ---- service modes ---------------------------------------------------------------------------

interface ServiceModeRow {
  id: string;
  transmitter_id: string;
  account: string;
  site_id: string;
  category: AlarmCategory | null;
  starts_at: Date;
  ends_at: Date;
  planned_ends_at: Date;
  ended_early_at: Date | null;
  ended_early_by_user_id: string | null;
  ended_early_by_name: string | null;
  reason: string;
  requested_by_person_id: string | null;
  requested_by_name: string;
  requested_by_level: AuthorityLevel;
  set_by_user_id: string;
  set_by_name: string;
  finished_at: Date | null;
  active: boolean;
}

const SERVICE_MODE_COLUMNS = `m.id, m.transmitter_id, t.account, t.site_id, m.category, m.starts_at, m.ends_at,
  m.planned_ends_at, m.ended_early_at, m.ended_early_by_user_id, ue.display_name AS ended_early_by_name, m.reason,
  m.requested_by_person_id, m.requested_by_name, m.requested_by_level, m.set_by_user_id,
  us.display_name AS set_by_name, m.finished_at, (m.starts_at <= now() AND now() < m.ends_at) AS active`;
const SERVICE_MODE_FROM = `service_modes m JOIN transmitters t ON t.id = m.transmitter_id
  JOIN users us ON us.id = m.set_by_user_id LEFT JOIN users ue ON ue.id = m.ended_early_by_user_id`;

function toServiceMode(row: ServiceModeRow): ServiceMode {
  return {
    id: row.id,
    transmitterId: row.transmitter_id,
    account: row.account,
    siteId: row.site_id,
    category: row.category,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    plannedEndsAt: iso(row.planned_ends_at),
    endedEarlyAt: isoOrNull(row.ended_early_at),
    endedEarlyBy: row.ended_early_by_user_id
      ? { userId: row.ended_early_by_user_id, name: row.ended_early_by_name ?? '' }
      : null,
    reason: row.reason,
    requestedBy: { personId: row.requested_by_person_id, name: row.requested_by_name, level: row.requested_by_level },
    setBy: { userId: row.set_by_user_id, name: row.set_by_name },
    finishedAt: isoOrNull(row.finished_at),
    active: row.active,
  };
}

export async function findServiceMode(db: Db, id: string): Promise<ServiceMode | undefined> {
  const row = await first<ServiceModeRow>(
    db,
    `SELECT ${SERVICE_MODE_COLUMNS} FROM ${SERVICE_MODE_FROM} WHERE m.id = $1`,
    [id],
  );
  return row && toServiceMode(row);
}

export interface ServiceModeFilter {
  siteId?: string;
  transmitterId?: string;
  /** true: only those in force now; false: only those not in force. */
  active?: boolean;
}

/** Newest first, at most WINDOW_LIST_LIMIT. */
export async function listServiceModes(db: Db, filter: ServiceModeFilter): Promise<ServiceMode[]> {
  const found = await rows<ServiceModeRow>(
    db,
    `SELECT ${SERVICE_MODE_COLUMNS} FROM ${SERVICE_MODE_FROM}
      WHERE ($1::uuid IS NULL OR t.site_id = $1) AND ($2::uuid IS NULL OR m.transmitter_id = $2)
        AND ($3::boolean IS NULL OR (m.starts_at <= now() AND now() < m.ends_at) = $3)
      ORDER BY m.starts_at DESC, m.id LIMIT ${WINDOW_LIST_LIMIT}`,
    [filter.siteId ?? null, filter.transmitterId ?? null, filter.active ?? null],
  );
  return found.map(toServiceMode);
}

/** The site page: service modes in force, or ended within the last 7 days, newest first. */
export async function serviceModesOfSite(db: Db, siteId: string): Promise<ServiceMode[]> {
  const found = await rows<ServiceModeRow>(
    db,
    `SELECT ${SERVICE_MODE_COLUMNS} FROM ${SERVICE_MODE_FROM}
      WHERE t.site_id = $1 AND m.ends_at > now() - interval '7 days'
      ORDER BY m.starts_at DESC, m.id`,
    [siteId],
  );
  return found.map(toServiceMode);
}

// ---- block windows ---------------------------------------------------------------------------

interface BlockWindowRow {
  id: string;
  transmitter_id: string;
  account: string;
  site_id: string;
  starts_at: Date;
  ends_at: Date;
  planned_ends_at: Date;
  requested_by_person_id: string | null;
  requested_by_name: string;
  requested_by_level: AuthorityLevel;
  request_date: string;
  reference: string;
  reason: string | null;
  created_by_user_id: string;
  created_by_name: string;
  created_at: Date;
  confirmed_at: Date | null;
  confirmed_by_user_id: string | null;
  confirmed_by_name: string | null;
  confirmation_sent_to: string | null;
  confirmation_note: string | null;
  cancelled_at: Date | null;
  ended_early_at: Date | null;
  finished_at: Date | null;
  state: BlockWindowState;
}

const BLOCK_WINDOW_COLUMNS = `w.id, w.transmitter_id, t.account, t.site_id, w.starts_at, w.ends_at, w.planned_ends_at,
  w.requested_by_person_id, w.requested_by_name, w.requested_by_level, w.request_date::text AS request_date,
  w.reference, w.reason, w.created_by_user_id, uc.display_name AS created_by_name, w.created_at, w.confirmed_at,
  w.confirmed_by_user_id, uk.display_name AS confirmed_by_name, w.confirmation_sent_to, w.confirmation_note,
  w.cancelled_at, w.ended_early_at, w.finished_at,
  CASE WHEN w.cancelled_at IS NOT NULL THEN 'CANCELLED'
       WHEN now() < w.starts_at THEN 'SCHEDULED'
       WHEN now() < w.ends_at THEN 'ACTIVE'
       ELSE 'ENDED' END AS state`;
const BLOCK_WINDOW_FROM = `block_windows w JOIN transmitters t ON t.id = w.transmitter_id
  JOIN users uc ON uc.id = w.created_by_user_id LEFT JOIN users uk ON uk.id = w.confirmed_by_user_id`;

function toBlockWindow(row: BlockWindowRow): BlockWindow {
  return {
    id: row.id,
    transmitterId: row.transmitter_id,
    account: row.account,
    siteId: row.site_id,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    plannedEndsAt: iso(row.planned_ends_at),
    requestedBy: { personId: row.requested_by_person_id, name: row.requested_by_name, level: row.requested_by_level },
    requestDate: row.request_date,
    reference: row.reference,
    reason: row.reason,
    createdBy: { userId: row.created_by_user_id, name: row.created_by_name },
    createdAt: iso(row.created_at),
    confirmation:
      row.confirmed_at && row.confirmed_by_user_id
        ? {
            at: iso(row.confirmed_at),
            by: { userId: row.confirmed_by_user_id, name: row.confirmed_by_name ?? '' },
            sentTo: row.confirmation_sent_to ?? '',
            note: row.confirmation_note,
          }
        : null,
    cancelledAt: isoOrNull(row.cancelled_at),
    endedEarlyAt: isoOrNull(row.ended_early_at),
    finishedAt: isoOrNull(row.finished_at),
    state: row.state,
  };
}

export async function findBlockWindow(db: Db, id: string): Promise<BlockWindow | undefined> {
  const row = await first<BlockWindowRow>(
    db,
    `SELECT ${BLOCK_WINDOW_COLUMNS} FROM ${BLOCK_WINDOW_FROM} WHERE w.id = $1`,
    [id],
  );
  return row && toBlockWindow(row);
}

/** Latest start first, at most WINDOW_LIST_LIMIT. */
export async function listBlockWindows(
  db: Db,
  filter: { siteId?: string; transmitterId?: string },
): Promise<BlockWindow[]> {
  const found = await rows<BlockWindowRow>(
    db,
    `SELECT ${BLOCK_WINDOW_COLUMNS} FROM ${BLOCK_WINDOW_FROM}
      WHERE ($1::uuid IS NULL OR t.site_id = $1) AND ($2::uuid IS NULL OR w.transmitter_id = $2)
      ORDER BY w.starts_at DESC, w.id LIMIT ${WINDOW_LIST_LIMIT}`,
    [filter.siteId ?? null, filter.transmitterId ?? null],
  );
  return found.map(toBlockWindow);
}

/**
 * The site page: block windows not yet ended or ended within the last 30 days, and cancelled
 * ones for 30 days after they were cancelled, by start.
 */
export async function blockWindowsOfSite(db: Db, siteId: string): Promise<BlockWindow[]> {
  const found = await rows<BlockWindowRow>(
    db,
    `SELECT ${BLOCK_WINDOW_COLUMNS} FROM ${BLOCK_WINDOW_FROM}
      WHERE t.site_id = $1
        AND CASE WHEN w.cancelled_at IS NULL THEN w.ends_at > now() - interval '30 days'
                 ELSE w.cancelled_at > now() - interval '30 days' END
      ORDER BY w.starts_at, w.id`,
    [siteId],
  );
  return found.map(toBlockWindow);
}

// ---- the transmitter a window is for ---------------------------------------------------------------

export interface WindowTransmitter {
  id: string;
  account: string;
  siteId: string;
  inputCategory: AlarmCategory | null;
}

/**
 * Locks the transmitter row (FOR NO KEY UPDATE), so two windows for one transmitter are checked
 * and written one after the other. Not FOR UPDATE: that would also hold up the signal writer,
 * whose inserts take key-share locks on their transmitters. 404 for an unknown transmitter; 422 when its site is archived
 * (an archived site is no longer monitored, a window on it would be meaningless).
 */
export async function lockWindowTransmitter(db: Db, id: string): Promise<WindowTransmitter> {
  const row = await first<{
    id: string;
    account: string;
    site_id: string;
    input_category: AlarmCategory | null;
    site_name: string;
    archived_at: Date | null;
  }>(
    db,
    `SELECT t.id, t.account, t.site_id, t.input_category, s.name AS site_name, s.archived_at
       FROM transmitters t JOIN sites s ON s.id = t.site_id
      WHERE t.id = $1 FOR NO KEY UPDATE OF t`,
    [id],
  );
  if (!row) throw notFoundError('transmitter', id);
  if (row.archived_at) {
    throw new AppError(
      'UNPROCESSABLE',
      `transmitterId: the site ${row.site_name} of transmitter ${row.account} is archived`,
      { key: 'transmitterSiteArchived', params: { siteName: row.site_name, account: row.account } },
    );
  }
  return { id: row.id, account: row.account, siteId: row.site_id, inputCategory: row.input_category };
}

// ---- wording ---------------------------------------------------------------------------------
