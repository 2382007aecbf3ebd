import { ALARM_CATEGORIES, type AlarmCategory } from '@arc/shared/alarm';
import { type SessionUser } from '@arc/shared/auth';
import { type AuthorityLevel } from '@arc/shared/authority';
import {
  type IntakeCall,
  type IntakeOutcome,
  type VerificationAttempt,
  type VerificationResult,
} from '@arc/shared/intake';
import { AppError } from '../common/app-error.js';
import { type Db, first, iso, isoOrNull, notFoundError, rows } from '../database/sql-kit.js';
import { centreMinute, centreMinuteNamed } from '../common/centre-time.js';
import { inputCategoriesOfSite, siteNameAndArchive } from '../directory/index.js';

/**
 * SQL of phone intake: the calls (ZR0010/ZR0020), the verification attempts and the checks every
 * change of a call starts with.
 */

// ---- calls -----------------------------------------------------------------------------------

interface CallRow {
  id: string;
  started_at: Date;
  ended_at: Date | null;
  operator_user_id: string;
  operator_name: string;
  site_id: string | null;
  site_name: string | null;
  person_id: string | null;
  person_name: string | null;
  person_level: AuthorityLevel | null;
  verified: boolean;
  outcome: IntakeOutcome | null;
  note: string | null;
}

const CALL_SELECT = `
  SELECT c.id, c.started_at, c.ended_at, c.operator_user_id, u.display_name AS operator_name, c.site_id,
         s.name AS site_name, c.person_id, c.person_name, c.person_level, c.verified, c.outcome, c.note
    FROM intake_calls c JOIN users u ON u.id = c.operator_user_id LEFT JOIN sites s ON s.id = c.site_id`;

function toCall(row: CallRow): IntakeCall {
  return {
    id: row.id,
    startedAt: iso(row.started_at),
    endedAt: isoOrNull(row.ended_at),
    operator: { userId: row.operator_user_id, name: row.operator_name },
    siteId: row.site_id,
    siteName: row.site_name,
    // The name and level are kept when the person is later removed from the directory.
    caller:
      row.person_name && row.person_level
        ? { personId: row.person_id, name: row.person_name, level: row.person_level }
        : null,
    verified: row.verified,
    outcome: row.outcome,
    note: row.note,
  };
}

export async function findCall(db: Db, id: string): Promise<IntakeCall | undefined> {
  const row = await first<CallRow>(db, `${CALL_SELECT} WHERE c.id = $1`, [id]);
  return row && toCall(row);
}

/** Calls started in [from, to), oldest first. */
export async function listCalls(db: Db, from: string, to: string, limit: number): Promise<IntakeCall[]> {
  const found = await rows<CallRow>(
    db,
    `${CALL_SELECT} WHERE c.started_at >= $1 AND c.started_at < $2 ORDER BY c.started_at, c.id LIMIT $3`,
    [from, to, limit],
  );
  return found.map(toCall);
}

/** The calls `userId` started and has not ended, newest first. */
export async function listOpenCallsOf(db: Db, userId: string): Promise<IntakeCall[]> {
  const found = await rows<CallRow>(
    db,
    `${CALL_SELECT} WHERE c.operator_user_id = $1 AND c.ended_at IS NULL ORDER BY c.started_at DESC, c.id LIMIT 10`,
    [userId],
  );
  return found.map(toCall);
}

export interface LockedCall {
  id: string;
  siteId: string | null;
  siteName: string | null;
}

/**
 * Locks the call for a change by `user`: 404 for an unknown call, 403 when another operator
 * started it, 409 when it has ended.
 */
export async function lockCall(db: Db, id: string, user: SessionUser): Promise<LockedCall> {
  const row = await first<{
    id: string;
    operator_user_id: string;
    operator_name: string;
    ended_at: Date | null;
    site_id: string | null;
    site_name: string | null;
  }>(
    db,
    `SELECT c.id, c.operator_user_id, u.display_name AS operator_name, c.ended_at, c.site_id, s.name AS site_name
       FROM intake_calls c JOIN users u ON u.id = c.operator_user_id LEFT JOIN sites s ON s.id = c.site_id
      WHERE c.id = $1 FOR UPDATE OF c`,
    [id],
  );
  if (!row) throw notFoundError('call', id);
  if (row.operator_user_id !== user.id) {
    throw new AppError(
      'FORBIDDEN_ROLE',
      `Only the operator who started the call (${row.operator_name}) may change it`,
      {
        key: 'callNotYours',
        params: { name: row.operator_name },
      },
    );
  }
  if (row.ended_at) {
    throw new AppError('CONFLICT', `The call ended at ${centreMinuteNamed(row.ended_at)}`, {
      key: 'callEnded',
      params: { at: centreMinuteNamed(row.ended_at) },
    });
  }
  return { id: row.id, siteId: row.site_id, siteName: row.site_name };
}

/** 422 unless the site exists and is monitored (not archived); returns its name. */
export async function requireSite(db: Db, siteId: string): Promise<string> {
  const site = await siteNameAndArchive(db, siteId);
  if (!site) throw notFoundError('site', siteId, 'UNPROCESSABLE', 'siteId');
  if (site.archived_at) {
    throw new AppError('UNPROCESSABLE', `siteId: site ${site.name} is archived`, {
      key: 'siteArchived',
      params: { siteName: site.name },
    });
  }
  return site.name;
}

/**
 * What was done in the call: the outcome becomes the latest action's, and a line "14:05 …" (UTC)
 * is appended to the call's note, so the call reads as its own record.
 */
export async function appendOutcome(db: Db, callId: string, outcome: IntakeOutcome, line: string): Promise<void> {
  const entry = `${centreMinute(new Date()).slice(11)} ${line}`;
  await db.query(
    `UPDATE intake_calls SET outcome = $2, note = CASE WHEN note IS NULL THEN $3 ELSE note || E'\\n' || $3 END
      WHERE id = $1`,
    [callId, outcome, entry],
  );
}

/**
 * The categories a site's transmitters may send, in ALARM_CATEGORIES order: a transmitter without
 * a declared input category (or a site without transmitters) may send anything.
 */
export async function siteCategories(db: Db, siteId: string): Promise<AlarmCategory[]> {
  const found = await inputCategoriesOfSite(db, siteId);
  if (found.length === 0 || found.some((c) => c === null)) return [...ALARM_CATEGORIES];
  const declared = new Set(found);
  return ALARM_CATEGORIES.filter((c) => declared.has(c));
}

/**
 * The categories a window silences (the per-category form of `windowCovers`): one category, or
 * all that the transmitter may send; an undeclared transmitter may send anything.
 */
export function categoriesCovered(
  category: AlarmCategory | null,
  transmitterInputCategory: AlarmCategory | null,
): AlarmCategory[] {
  const scope = category ?? transmitterInputCategory;
  return scope === null ? [...ALARM_CATEGORIES] : [scope];
}

// ---- verification attempts ---------------------------------------------------------------------

interface AttemptRow {
  id: string;
  at: Date;
  operator_user_id: string;
  operator_name: string;
  person_id: string | null;
  person_name: string;
  site_id: string | null;
  site_name: string | null;
  result: VerificationResult;
  locked_until: Date | null;
}

const ATTEMPT_SELECT = `
  SELECT v.id, v.at, v.operator_user_id, u.display_name AS operator_name, v.person_id, v.person_name, v.site_id,
         s.name AS site_name, v.result, v.locked_until
    FROM caller_verifications v JOIN users u ON u.id = v.operator_user_id LEFT JOIN sites s ON s.id = v.site_id`;

function toAttempt(row: AttemptRow): VerificationAttempt {
  return {
    id: row.id,
    at: iso(row.at),
    operator: { userId: row.operator_user_id, name: row.operator_name },
    person: { id: row.person_id, name: row.person_name },
    siteId: row.site_id,
    siteName: row.site_name,
    result: row.result,
    lockedUntil: isoOrNull(row.locked_until),
  };
}

export async function findAttempt(db: Db, id: string): Promise<VerificationAttempt | undefined> {
  const row = await first<AttemptRow>(db, `${ATTEMPT_SELECT} WHERE v.id = $1`, [id]);
  return row && toAttempt(row);
}

/** Newest first; `failedOnly`: every result but VERIFIED. */
export async function listAttempts(db: Db, failedOnly: boolean, limit: number): Promise<VerificationAttempt[]> {
  const found = await rows<AttemptRow>(
    db,
    `${ATTEMPT_SELECT} WHERE ($1::boolean IS FALSE OR v.result <> 'VERIFIED') ORDER BY v.at DESC, v.id LIMIT $2`,
    [failedOnly, limit],
  );
  return found.map(toAttempt);
}
