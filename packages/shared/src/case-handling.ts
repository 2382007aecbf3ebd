import { z } from 'zod';
import { safeString } from './safe-input.js';
import type { AlarmCategory } from './alarm.js';
import type { CaseSummary } from './case.js';
import type { ActionStep, Contact, ContactRouteKind, OnCallMember, Site, Transmitter } from './directory.js';
import type { SignalDecision } from './rules.js';
import type { CaseSiteKnowledge } from './site-knowledge.js';

/**
 * How an operator works a case (DOMAIN.md section 1, reports ZR0001/ZR0002): take the next case,
 * follow the action plan, record every contact attempt, close with a result. Input schemas
 * validate API bodies and console forms alike.
 */

const text = (max: number) => safeString().trim().min(1, 'is required').max(max);
const optionalText = (max: number) =>
  safeString()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const CASE_RESULTS = [
  'REAL_ALARM',
  'FALSE_ALARM_USER_ERROR',
  'TECHNICAL_FAULT',
  'TEST',
  'CANCELLED_BY_CALLER',
  'UNKNOWN',
] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];

export const CONTACT_OUTCOMES = ['ANSWERED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'VOICEMAIL', 'SENT'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** The outcomes of a phone call (keys 1-5 on the case screen). */
export const CALL_OUTCOMES = ['ANSWERED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'VOICEMAIL'] as const;
/** What can be recorded for an SMS or an e-mail: it was sent. */
export const MESSAGE_OUTCOMES = ['SENT'] as const;

/** The outcomes that fit a route: call outcomes for a phone, "sent" for an SMS or e-mail. */
export function outcomesForRoute(kind: ContactRouteKind): readonly ContactOutcome[] {
  return kind === 'PHONE' ? CALL_OUTCOMES : MESSAGE_OUTCOMES;
}

/** Why a case left an operator: closed, put back by them, returned (console gone), reassigned. */
export const HOLD_END_REASONS = ['CLOSED', 'PUT_BACK', 'RETURNED', 'ASSIGNED'] as const;
export type HoldEndReason = (typeof HOLD_END_REASONS)[number];

/**
 * Hold-up alarms must never be cancelled by a caller (DOMAIN.md section 3). Returns null when
 * the result may be used for the category, else why not.
 */
export function closeResultProblem(category: AlarmCategory, result: CaseResult): string | null {
  if (category === 'HOLDUP' && result === 'CANCELLED_BY_CALLER') {
    return 'a hold-up alarm cannot be closed as cancelled by a caller';
  }
  return null;
}

// ---- inputs ----------------------------------------------------------------------------------

export const ContactAttemptInputSchema = z
  .object({
    /** The alarm contact called; null for someone else (on-call person, guard, rescue service). */
    contactId: z
      .uuid('must be an id')
      .nullish()
      .transform((v) => v ?? null),
    name: text(200),
    routeKind: z.enum(['PHONE', 'SMS', 'EMAIL']),
    routeValue: text(200),
    outcome: z.enum(CONTACT_OUTCOMES),
    note: optionalText(1000),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (!outcomesForRoute(input.routeKind).includes(input.outcome)) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message:
          input.routeKind === 'PHONE'
            ? 'a phone call is answered, not answered, busy, a wrong number or voicemail'
            : `an ${input.routeKind === 'SMS' ? 'SMS' : 'e-mail'} can only be recorded as sent, not as a call outcome`,
      });
    }
  });
export type ContactAttemptInput = z.input<typeof ContactAttemptInputSchema>;

export const StepTickInputSchema = z.object({ note: optionalText(500) }).strict();
export type StepTickInput = z.input<typeof StepTickInputSchema>;

export const CaseNoteInputSchema = z.object({ text: text(2000) }).strict();
export type CaseNoteInput = z.input<typeof CaseNoteInputSchema>;

export const CloseCaseInputSchema = z
  .object({
    result: z.enum(CASE_RESULTS),
    note: optionalText(2000),
    /** Required when a mandatory step of the action plan is not ticked. */
    openStepsReason: optionalText(500),
  })
  .strict();
export type CloseCaseInput = z.input<typeof CloseCaseInputSchema>;

export const PutBackInputSchema = z.object({ reason: text(500) }).strict();
export type PutBackInput = z.input<typeof PutBackInputSchema>;

/**
 * POST /cases/take-next. An operator who set themselves away is refused (409
 * OPERATOR_NOT_AVAILABLE) unless `becomeAvailable` asks to be set available with the take.
 * No body at all is the same as `{}`.
 */
export const TakeNextBodySchema = z.object({ becomeAvailable: z.boolean().optional() }).strict();
export const TakeNextInputSchema = TakeNextBodySchema.optional();
export type TakeNextInput = z.input<typeof TakeNextInputSchema>;

/** Error codes of the case-handling routes a client acts on (the `code` of ApiError). */
export const OPERATOR_NOT_AVAILABLE = 'OPERATOR_NOT_AVAILABLE';

export const AssignCaseInputSchema = z.object({ userId: z.uuid('must be an id') }).strict();
export type AssignCaseInput = z.input<typeof AssignCaseInputSchema>;

// ---- what the case screen shows -----------------------------------------------------------

export interface UserRef {
  userId: string;
  name: string;
}

/** The times reported in ZR0001/ZR0002; null until they happen. */
export interface CaseTimes {
  /** The first signal of the case was received. */
  signalReceivedAt: string;
  /** The case was created and queued. */
  queuedAt: string;
  /** The case was first shown on a connected console. */
  firstPresentedAt: string | null;
  /** An operator first took it. */
  acceptedAt: string | null;
  firstContactAt: string | null;
  closedAt: string | null;
}

export interface CaseSignal {
  id: string;
  receivedAt: string;
  account: string;
  code: string;
  zone: string | null;
  text: string | null;
  description: string;
  decision: SignalDecision | null;
  /** It came unencrypted from a transmitter that has a key (may be forged). */
  unencryptedFromKeyed: boolean;
  /** The zone's name in the directory ("Kitchen smoke detector"); null when it has none. */
  zoneName?: string | null;
  zoneLocation?: string | null;
}

export interface CaseStep extends ActionStep {
  ticked: { at: string; by: UserRef; note: string | null } | null;
}

export interface ContactAttempt {
  id: string;
  at: string;
  by: UserRef;
  contactId: string | null;
  name: string;
  routeKind: ContactRouteKind;
  routeValue: string;
  outcome: ContactOutcome;
  note: string | null;
}

export interface CaseNote {
  id: string;
  at: string;
  by: UserRef;
  text: string;
}

/** One entry of the case's history (case_events), newest last. */
export interface CaseHistoryEntry {
  id: string;
  at: string;
  type: string;
  by: UserRef | null;
  data: Record<string, unknown>;
  /** The signal the entry is about (the case's first signal, a restore …), if any. */
  signalId?: string | null;
}

export interface CaseHold {
  by: UserRef;
  from: string;
  to: string | null;
  endReason: HoldEndReason | null;
}

export interface EarlierCase {
  id: string;
  caseNo: string;
  category: AlarmCategory;
  title: string;
  queuedAt: string;
  closedAt: string | null;
  result: CaseResult | null;
}

export interface CaseDetail {
  summary: CaseSummary;
  times: CaseTimes;
  site: Site | null;
  transmitters: Transmitter[];
  signals: CaseSignal[];
  /** The site's action plan for the case's category, with what is ticked; null when there is none. */
  steps: CaseStep[] | null;
  contacts: Contact[];
  /** Who is on call now for the rosters the action plan names. */
  onCall: { rosterId: string; rosterName: string; member: OnCallMember | null }[];
  earlierCases: EarlierCase[];
  attempts: ContactAttempt[];
  notes: CaseNote[];
  holds: CaseHold[];
  history: CaseHistoryEntry[];
  result: { code: CaseResult; note: string | null; openStepsReason: string | null; by: UserRef } | null;
  /** Instructions, hazards, notes in force and the emergency numbers (null for an unknown transmitter). */
  siteKnowledge?: CaseSiteKnowledge | null;
}

/** An operator a supervisor can assign a case to (GET /api/v1/cases/operators). */
export interface OperatorPresence {
  userId: string;
  name: string;
  role: 'operator' | 'supervisor' | 'admin';
  online: boolean;
  holding: number;
}
