import { z } from 'zod';
import { caseTitleFields } from './case-title.js';
import { safeString } from './safe-input.js';
import { ALARM_CATEGORIES, type AlarmCategory } from './alarm.js';
import { CaseSummarySchema } from './case.js';
import { id, nullable, timestamp, UserRefSchema } from './contract-fields.js';
import {
  ActionStepSchema,
  CONTACT_ROUTE_KINDS,
  ContactSchema,
  OnCallMemberSchema,
  SiteSchema,
  TransmitterSchema,
  type ContactRouteKind,
} from './directory.js';
import { SIGNAL_DECISIONS } from './rules.js';
import { CaseSiteKnowledgeSchema } from './site-knowledge.js';

/**
 * How an operator works a case (docs/domain.md section 1, reports ZR0001/ZR0002): take the next case,
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
 * Hold-up alarms must never be cancelled by a caller (docs/domain.md section 3). Returns null when
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

export { UserRefSchema };
export type UserRef = z.infer<typeof UserRefSchema>;

/** The times reported in ZR0001/ZR0002; null until they happen. */
/** The times reported in ZR0001/ZR0002; null until they happen. */
export const CaseTimesSchema = z.object({
  /** The first signal of the case was received. */
  signalReceivedAt: timestamp,
  /** The case was created and queued. */
  queuedAt: timestamp,
  /** The case was first shown on a connected console. */
  firstPresentedAt: nullable(timestamp),
  /** An operator first took it. */
  acceptedAt: nullable(timestamp),
  firstContactAt: nullable(timestamp),
  closedAt: nullable(timestamp),
});
export type CaseTimes = z.infer<typeof CaseTimesSchema>;

export const CaseSignalSchema = z.object({
  id: z.string(),
  receivedAt: timestamp,
  account: z.string(),
  code: z.string(),
  zone: nullable(z.string()),
  text: nullable(z.string()),
  description: z.string(),
  decision: nullable(z.enum(SIGNAL_DECISIONS)),
  /** It came unencrypted from a transmitter that has a key (may be forged). */
  unencryptedFromKeyed: z.boolean(),
  /** The zone's name in the directory ("Kitchen smoke detector"); null when it has none. */
  zoneName: nullable(z.string()).optional(),
  zoneLocation: nullable(z.string()).optional(),
});
export type CaseSignal = z.infer<typeof CaseSignalSchema>;

export const CaseStepSchema = ActionStepSchema.extend({
  ticked: nullable(z.object({ at: timestamp, by: UserRefSchema, note: nullable(z.string()) })),
});
export type CaseStep = z.infer<typeof CaseStepSchema>;

export const ContactAttemptSchema = z.object({
  id,
  at: timestamp,
  by: UserRefSchema,
  contactId: nullable(id),
  name: z.string(),
  routeKind: z.enum(CONTACT_ROUTE_KINDS),
  routeValue: z.string(),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: nullable(z.string()),
});
export type ContactAttempt = z.infer<typeof ContactAttemptSchema>;

export const CaseNoteSchema = z.object({
  id,
  at: timestamp,
  by: UserRefSchema,
  text: z.string(),
});
export type CaseNote = z.infer<typeof CaseNoteSchema>;

/** One entry of the case's history (case_events), newest last. */
export const CaseHistoryEntrySchema = z.object({
  id: z.string(),
  at: timestamp,
  type: z.string(),
  by: nullable(UserRefSchema),
  data: z.record(z.string(), z.unknown()),
  /** The signal the entry is about (the case's first signal, a restore …), if any. */
  signalId: nullable(z.string()).optional(),
});
export type CaseHistoryEntry = z.infer<typeof CaseHistoryEntrySchema>;

export const CaseHoldSchema = z.object({
  by: UserRefSchema,
  from: timestamp,
  to: nullable(timestamp),
  endReason: nullable(z.enum(HOLD_END_REASONS)),
});
export type CaseHold = z.infer<typeof CaseHoldSchema>;

export const EarlierCaseSchema = z.object({
  id,
  caseNo: z.string(),
  category: z.enum(ALARM_CATEGORIES),
  title: z.string(),
  ...caseTitleFields,
  queuedAt: timestamp,
  closedAt: nullable(timestamp),
  result: nullable(z.enum(CASE_RESULTS)),
});
export type EarlierCase = z.infer<typeof EarlierCaseSchema>;

export const CaseDetailSchema = z.object({
  summary: CaseSummarySchema,
  times: CaseTimesSchema,
  site: nullable(SiteSchema),
  transmitters: z.array(TransmitterSchema),
  signals: z.array(CaseSignalSchema),
  /** The site's action plan for the case's category, with what is ticked; null when there is none. */
  steps: nullable(z.array(CaseStepSchema)),
  contacts: z.array(ContactSchema),
  /** Who is on call now for the rosters the action plan names. */
  onCall: z.array(z.object({ rosterId: id, rosterName: z.string(), member: nullable(OnCallMemberSchema) })),
  earlierCases: z.array(EarlierCaseSchema),
  attempts: z.array(ContactAttemptSchema),
  notes: z.array(CaseNoteSchema),
  holds: z.array(CaseHoldSchema),
  history: z.array(CaseHistoryEntrySchema),
  result: nullable(
    z.object({
      code: z.enum(CASE_RESULTS),
      note: nullable(z.string()),
      openStepsReason: nullable(z.string()),
      by: UserRefSchema,
    }),
  ),
  /** Instructions, hazards, notes in force and the emergency numbers (null for an unknown transmitter). */
  siteKnowledge: nullable(CaseSiteKnowledgeSchema).optional(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** An operator a supervisor can assign a case to (GET /api/v1/cases/operators). */
export const OperatorPresenceSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: z.enum(['operator', 'supervisor', 'admin']),
  online: z.boolean(),
  holding: z.number().int(),
});
export type OperatorPresence = z.infer<typeof OperatorPresenceSchema>;
