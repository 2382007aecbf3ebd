import { z } from 'zod';
import { queryBigintId, queryInt, safeString } from './safe-input.js';
import { ALARM_CATEGORIES, type AlarmCategory } from './alarm.js';
import type { ApprovalKind, AuthorityLevel } from './authority.js';
import type { SignalKind } from './event-codes.js';

/**
 * Suppression windows (service mode, block windows), the decision stored with every signal,
 * and alarm-event counting (DOMAIN.md sections 3 and 4). Input schemas validate API bodies and
 * console forms alike; the authority rule is a pure function both sides use.
 */

const uuid = z.uuid('must be an id');
const isoDate = z.iso.date('must be a date YYYY-MM-DD');
const instant = z.iso.datetime({ offset: true, message: 'must be a date and time, e.g. 2026-11-22T14:00:00Z' });
const text = (max: number) => safeString().trim().min(1, 'is required').max(max);

// ---- the decision stored with each signal ---------------------------------------------------

/**
 * OPENED / APPENDED: the signal opened a case or joined the open case of its site and category.
 * RESTORE: a restore (linked to the open case when there is one). SUPPRESSED: service mode or
 * block window. LOG_ONLY: open/close, bypass, tests. DEFERRED: a service signal that raises a
 * case only if it is not restored in time (AC loss).
 */
export const SIGNAL_DECISIONS = ['OPENED', 'APPENDED', 'RESTORE', 'SUPPRESSED', 'LOG_ONLY', 'DEFERRED'] as const;
export type SignalDecision = (typeof SIGNAL_DECISIONS)[number];

/** One row of a site's signal log (GET /api/v1/sites/:id/signals), newest first. */
export interface SignalLogEntry {
  id: string;
  receivedAt: string;
  account: string;
  code: string;
  zone: string | null;
  description: string;
  kind: SignalKind | 'UNKNOWN';
  category: AlarmCategory | null;
  /** Null while the signal waits for evaluation. */
  decision: SignalDecision | null;
  decisionReason: string | null;
  caseId: string | null;
  caseNo: string | null;
  /** It came unencrypted from a transmitter that has a key (may be forged). */
  unencryptedFromKeyed: boolean;
}

export const SignalLogQuerySchema = z.object({
  limit: queryInt(1, 500).default(100),
  /** Only signals with an id below this (paging back in time). */
  before: queryBigintId.optional(),
});

// ---- who asked ----------------------------------------------------------------------------

/** The person of an authorization list who asked, as recorded (kept even if the person is removed later). */
export interface Requester {
  personId: string | null;
  name: string;
  level: AuthorityLevel;
}

export interface ActingUser {
  userId: string;
  name: string;
}

/**
 * What a requester must satisfy for a window on a transmitter (DOMAIN.md section 3).
 * `coversFire`: the window silences fire alarms (category FIRE, or the whole transmitter when it
 * may send fire). Returns null when allowed, else the reason in words an operator can read out.
 */
export interface RequesterFacts {
  level: AuthorityLevel;
  /** The person's list covers the transmitter's site. */
  listCoversSite: boolean;
  /** The person is valid today (validFrom/validTo). */
  validToday: boolean;
  /** Set when the person is an installer on a service company's list: that company's valid approvals. */
  installerApprovals: ApprovalKind[] | null;
}

export function windowRequesterProblem(
  facts: RequesterFacts,
  coversFire: boolean,
  coversIntrusion: boolean,
): string | null {
  if (!facts.listCoversSite) return 'is not on an authorization list of this site';
  if (!facts.validToday) return 'is not valid today';
  if (coversFire && facts.level === 'C') return 'has authority level C; fire needs level A or B';
  if (facts.installerApprovals) {
    if (coversFire && !facts.installerApprovals.includes('FIRE_CERTIFICATE')) {
      return 'is an installer without a valid fire certificate';
    }
    if (coversIntrusion && !facts.installerApprovals.includes('POLICE_INTRUSION')) {
      return 'is an installer without a valid police approval for intrusion';
    }
  }
  return null;
}

/** Which categories a window silences: one category, or all that the transmitter may send. */
export function windowCovers(
  category: AlarmCategory | null,
  transmitterInputCategory: AlarmCategory | null,
): { fire: boolean; intrusion: boolean } {
  const scope = category ?? transmitterInputCategory;
  // A transmitter without a declared category may send anything: treat it as covering all.
  if (scope === null) return { fire: true, intrusion: true };
  return { fire: scope === 'FIRE', intrusion: scope === 'INTRUSION' || scope === 'HOLDUP' };
}

// ---- service mode -------------------------------------------------------------------------

export const ServiceModeInputSchema = z
  .object({
    transmitterId: uuid,
    /** Null: the whole transmitter. */
    category: z
      .enum(ALARM_CATEGORIES)
      .nullish()
      .transform((v) => v ?? null),
    /** Defaults to SERVICE_MODE_DEFAULT_MINUTES; at most SERVICE_MODE_MAX_MINUTES. */
    durationMinutes: z
      .number()
      .int()
      .min(1, 'must be at least 1 minute')
      .max(7 * 24 * 60, 'must be at most 7 days (10080 minutes)')
      .optional(),
    reason: text(500),
    requestedByPersonId: uuid,
  })
  .strict();
export type ServiceModeInput = z.input<typeof ServiceModeInputSchema>;

export interface ServiceMode {
  id: string;
  transmitterId: string;
  account: string;
  siteId: string;
  category: AlarmCategory | null;
  startsAt: string;
  /** When it ends (or ended); moved to the moment it was ended early. */
  endsAt: string;
  plannedEndsAt: string;
  endedEarlyAt: string | null;
  endedEarlyBy: ActingUser | null;
  reason: string;
  requestedBy: Requester;
  setBy: ActingUser;
  /** When the end check ran: alarms still active at the end were raised as cases. */
  finishedAt: string | null;
  active: boolean;
}

export const ServiceModeListQuerySchema = z.object({
  siteId: uuid.optional(),
  transmitterId: uuid.optional(),
  /** Only the ones in force now. */
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

// ---- block windows -------------------------------------------------------------------------

export const BlockWindowInputSchema = z
  .object({
    transmitterId: uuid,
    startsAt: instant,
    endsAt: instant,
    requestedByPersonId: uuid,
    /** The date written on the request. */
    requestDate: isoDate,
    /** Where the written request is: letter, e-mail subject, order number. */
    reference: text(200),
    reason: safeString()
      .trim()
      .max(500)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict()
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), {
    message: 'must be after startsAt',
    path: ['endsAt'],
  });
export type BlockWindowInput = z.input<typeof BlockWindowInputSchema>;

/** The completion confirmation (klarrapport) sent to the requester once the window is in place. */
export const BlockWindowConfirmInputSchema = z
  .object({
    sentTo: text(200),
    note: safeString()
      .trim()
      .max(500)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict();
export type BlockWindowConfirmInput = z.input<typeof BlockWindowConfirmInputSchema>;

export const BLOCK_WINDOW_STATES = ['SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED'] as const;
export type BlockWindowState = (typeof BLOCK_WINDOW_STATES)[number];

export interface BlockWindow {
  id: string;
  transmitterId: string;
  account: string;
  siteId: string;
  startsAt: string;
  endsAt: string;
  plannedEndsAt: string;
  requestedBy: Requester;
  requestDate: string;
  reference: string;
  reason: string | null;
  createdBy: ActingUser;
  createdAt: string;
  confirmation: { at: string; by: ActingUser; sentTo: string; note: string | null } | null;
  cancelledAt: string | null;
  endedEarlyAt: string | null;
  finishedAt: string | null;
  state: BlockWindowState;
}

export const BlockWindowListQuerySchema = z.object({
  siteId: uuid.optional(),
  transmitterId: uuid.optional(),
});

/** True when t lies in [start, end): a signal at the start is inside, one at the end is not. */
export function isWithin(window: { startsAt: string | Date; endsAt: string | Date }, t: Date): boolean {
  const start = new Date(window.startsAt).getTime();
  const end = new Date(window.endsAt).getTime();
  return start <= t.getTime() && t.getTime() < end;
}

// ---- alarm events (larmhändelser) ------------------------------------------------------------

/** A contract's alarm events in one calendar year: each case opened for its sites counts once. */
export interface AlarmEventCount {
  contractId: string;
  contractNo: string;
  year: number;
  quota: number;
  count: number;
  overQuota: boolean;
  /** Events per month, January first (12 numbers). */
  byMonth: number[];
}

export const AlarmEventQuerySchema = z.object({
  year: queryInt(2000, 2100).optional(),
});
