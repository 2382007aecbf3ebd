import { z } from 'zod';
import { instantInput, queryBigintId, queryInt, safeString } from './safe-input.js';
import { ALARM_CATEGORIES, type AlarmCategory } from './alarm.js';
import { AUTHORITY_LEVELS, type ApprovalKind, type AuthorityLevel } from './authority.js';
import { date, id, nullable, timestamp } from './contract-fields.js';
import type { SignalKind } from './event-codes.js';
import { signalReasonFields } from './signal-reason.js';
import { requesterRefusalText, type Refusal, type RequesterRefusalKey } from './i18n/error-messages.js';

/**
 * Suppression windows (service mode, block windows), the decision stored with every signal,
 * and alarm-event counting (docs/domain.md sections 3 and 4). Input schemas validate API bodies and
 * console forms alike; the authority rule is a pure function both sides use.
 */

const uuid = z.uuid('must be an id');
const isoDate = z.iso.date('must be a date YYYY-MM-DD');
const instant = instantInput();
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
export const SignalLogEntrySchema = z.object({
  id: z.string(),
  receivedAt: timestamp,
  account: z.string(),
  code: z.string(),
  zone: nullable(z.string()),
  description: z.string(),
  kind: z.enum(['ALARM', 'RESTORE', 'LOG', 'TEST', 'UNKNOWN']) satisfies z.ZodType<SignalKind | 'UNKNOWN'>,
  category: nullable(z.enum(ALARM_CATEGORIES)),
  /** Null while the signal waits for evaluation. */
  decision: nullable(z.enum(SIGNAL_DECISIONS)),
  /** The reason in English; `decisionReasonKey` and `decisionReasonParams` say it in any language (@arc/shared/signal-reason). */
  decisionReason: nullable(z.string()),
  ...signalReasonFields,
  caseId: nullable(id),
  caseNo: nullable(z.string()),
  unencryptedFromKeyed: z.boolean().meta({
    description:
      'Came unencrypted from a transmitter that has a key: it may be forged by someone who knows the account',
  }),
});
export type SignalLogEntry = z.infer<typeof SignalLogEntrySchema>;

export const SignalLogQuerySchema = z.object({
  limit: queryInt(1, 500).default(100),
  /** Only signals with an id below this (paging back in time). */
  before: queryBigintId.optional(),
});

// ---- who asked ----------------------------------------------------------------------------

/** The person of an authorization list who asked, as recorded (kept even if the person is removed later). */
export const RequesterSchema = z.object({ personId: nullable(id), name: z.string(), level: z.enum(AUTHORITY_LEVELS) });
export type Requester = z.infer<typeof RequesterSchema>;

export const ActingUserSchema = z.object({ userId: id, name: z.string() });
export type ActingUser = z.infer<typeof ActingUserSchema>;

/**
 * What a requester must satisfy for a window on a transmitter (docs/domain.md section 3).
 * `coversFire`: the window silences fire alarms (category FIRE, or the whole transmitter when it
 * may send fire). windowRequesterRefusal returns null when allowed, else the reason as a key of
 * the authority catalogue (`authority:requester.*`), which follows the person's name.
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

export function windowRequesterRefusal(
  facts: RequesterFacts,
  coversFire: boolean,
  coversIntrusion: boolean,
): Refusal<RequesterRefusalKey> | null {
  const refuse = (key: RequesterRefusalKey) => ({ key, params: {} });
  if (!facts.listCoversSite) return refuse('notOnList');
  if (!facts.validToday) return refuse('notValidToday');
  if (coversFire && facts.level === 'C') return refuse('levelCFire');
  if (facts.installerApprovals) {
    if (coversFire && !facts.installerApprovals.includes('FIRE_CERTIFICATE')) return refuse('installerFireCertificate');
    if (coversIntrusion && !facts.installerApprovals.includes('POLICE_INTRUSION'))
      return refuse('installerPoliceApproval');
  }
  return null;
}

/** The reason of windowRequesterRefusal in English, following the person's name (the API's messages). */
export function windowRequesterProblem(
  facts: RequesterFacts,
  coversFire: boolean,
  coversIntrusion: boolean,
): string | null {
  const refusal = windowRequesterRefusal(facts, coversFire, coversIntrusion);
  return refusal ? requesterRefusalText(refusal) : null;
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

export const ServiceModeSchema = z.object({
  id,
  transmitterId: id,
  account: z.string(),
  siteId: id,
  category: nullable(z.enum(ALARM_CATEGORIES)),
  startsAt: timestamp,
  /** When it ends (or ended); moved to the moment it was ended early. */
  endsAt: timestamp,
  plannedEndsAt: timestamp,
  endedEarlyAt: nullable(timestamp),
  endedEarlyBy: nullable(ActingUserSchema),
  reason: z.string(),
  requestedBy: RequesterSchema,
  setBy: ActingUserSchema,
  /** When the end check ran: alarms still active at the end were raised as cases. */
  finishedAt: nullable(timestamp),
  active: z.boolean(),
});
export type ServiceMode = z.infer<typeof ServiceModeSchema>;

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

export const BlockWindowSchema = z.object({
  id,
  transmitterId: id,
  account: z.string(),
  siteId: id,
  startsAt: timestamp,
  endsAt: timestamp,
  plannedEndsAt: timestamp,
  requestedBy: RequesterSchema,
  requestDate: date,
  reference: z.string(),
  reason: nullable(z.string()),
  createdBy: ActingUserSchema,
  createdAt: timestamp,
  confirmation: nullable(
    z.object({ at: timestamp, by: ActingUserSchema, sentTo: z.string(), note: nullable(z.string()) }),
  ),
  cancelledAt: nullable(timestamp),
  endedEarlyAt: nullable(timestamp),
  finishedAt: nullable(timestamp),
  state: z.enum(BLOCK_WINDOW_STATES),
});
export type BlockWindow = z.infer<typeof BlockWindowSchema>;

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
export const AlarmEventCountSchema = z.object({
  contractId: id,
  contractNo: z.string(),
  year: z.number().int(),
  quota: z.number().int(),
  count: z.number().int(),
  overQuota: z.boolean(),
  /** Events per month, January first (12 numbers). */
  byMonth: z.array(z.number().int()).length(12),
});
export type AlarmEventCount = z.infer<typeof AlarmEventCountSchema>;

export const AlarmEventQuerySchema = z.object({
  year: queryInt(2000, 2100).optional(),
});
