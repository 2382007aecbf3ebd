import { z } from 'zod';
import { caseTitleFields } from './case-title.js';
import { MessageParamsSchema } from './auth.js';
import { instantInput, safeString } from './safe-input.js';
import { ALARM_CATEGORIES, type AlarmCategory } from './alarm.js';
import { AUTHORITY_LEVELS, type ApprovalKind, type AuthorityLevel } from './authority.js';
import { intakeRefusalRef, intakeRefusalText, type IntakeRefusalKey, type Refusal } from './i18n/error-messages.js';

/**
 * Phone intake (docs/domain.md sections 1–3): the operator finds the site, verifies the caller's
 * authority password, and acts only within the caller's authority. The authority table is a
 * pure function both the server (which enforces it) and the console (which explains it) use.
 */

const uuid = z.uuid('must be an id');
const optionalText = (max: number) =>
  safeString()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** What a caller can ask for on the phone. */
export const INTAKE_ACTIONS = [
  /** Put a transmitter (or one category of it) in service mode. */
  'SERVICE_MODE',
  /** End a service mode early. */
  'END_SERVICE_MODE',
  /** Register a block window from a written request. */
  'BLOCK_WINDOW',
  /** Cancel an open case as a false alarm (never a hold-up case). */
  'CANCEL_FALSE_ALARM',
  /** Hear the status of the site: open cases, service mode, block windows. */
  'STATUS',
  /** Leave a message for the contract manager. */
  'MESSAGE',
  /** Change alarm contacts, routes, passwords, levels or the action plan (written, level A). */
  'CHANGE_DIRECTORY',
] as const;
export type IntakeAction = (typeof INTAKE_ACTIONS)[number];

export interface CallerFacts {
  level: AuthorityLevel;
  /** Set when the caller is an installer of a service company: its valid approvals. */
  installerApprovals: ApprovalKind[] | null;
}

/**
 * The authority table (docs/domain.md section 3): for one category of the site's transmitters, null
 * when the caller may ask for the action, else why not: a key of the authority catalogue
 * (`authority:intake.*`) and its arguments, which the console words in the user's language.
 */
export function intakeActionRefusal(
  caller: CallerFacts,
  action: IntakeAction,
  category: AlarmCategory,
): Refusal<IntakeRefusalKey> | null {
  const fire = category === 'FIRE';
  const intrusion = category === 'INTRUSION' || category === 'HOLDUP';
  const installer = caller.installerApprovals;
  const refuse = (key: IntakeRefusalKey, params: Record<string, string> = {}) => ({ key, params });
  switch (action) {
    case 'SERVICE_MODE':
    case 'END_SERVICE_MODE':
    case 'BLOCK_WINDOW': {
      if (fire && caller.level === 'C') {
        return refuse(action === 'BLOCK_WINDOW' ? 'levelFireBlock' : 'levelFireServiceMode', { level: caller.level });
      }
      if (installer && fire && !installer.includes('FIRE_CERTIFICATE')) return refuse('installerFireCertificate');
      if (installer && intrusion && !installer.includes('POLICE_INTRUSION')) return refuse('installerPoliceApproval');
      return null;
    }
    case 'CANCEL_FALSE_ALARM':
      if (category === 'HOLDUP') return refuse('holdupCancel');
      if (installer) return refuse('installerCancel');
      return null;
    case 'STATUS':
    case 'MESSAGE':
      return null;
    case 'CHANGE_DIRECTORY':
      if (installer) return refuse('installerDirectory');
      return caller.level === 'A' ? null : refuse('levelDirectory', { level: caller.level });
  }
}

/** The authority table's reason in English, in words an operator can read out (the API's messages). */
export function intakeActionProblem(caller: CallerFacts, action: IntakeAction, category: AlarmCategory): string | null {
  const refusal = intakeActionRefusal(caller, action, category);
  return refusal ? intakeRefusalText(refusal) : null;
}

/**
 * Per category of the site's transmitters, what the caller may do and why not the rest: `reason`
 * in English, `reasonKey` (a full key, "authority:intake.holdupCancel") and `reasonParams` for
 * the console to word it in the user's language.
 */
export const AllowedActionsSchema = z.object({
  category: z.enum(ALARM_CATEGORIES),
  allowed: z.array(z.enum(INTAKE_ACTIONS)),
  refused: z.array(
    z.object({
      action: z.enum(INTAKE_ACTIONS),
      reason: z.string(),
      reasonKey: z.string().optional(),
      reasonParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
});
export type AllowedActions = z.infer<typeof AllowedActionsSchema>;

export function allowedActions(caller: CallerFacts, categories: readonly AlarmCategory[]): AllowedActions[] {
  return categories.map((category) => {
    const allowed: IntakeAction[] = [];
    const refused: AllowedActions['refused'] = [];
    for (const action of INTAKE_ACTIONS) {
      const refusal = intakeActionRefusal(caller, action, category);
      if (refusal) {
        const ref = intakeRefusalRef(refusal);
        refused.push({
          action,
          reason: intakeRefusalText(refusal),
          reasonKey: ref.key,
          reasonParams: { ...refusal.params },
        });
      } else allowed.push(action);
    }
    return { category, allowed, refused };
  });
}

// ---- calls and verification -------------------------------------------------------------------

export const INTAKE_OUTCOMES = [
  'SERVICE_MODE_SET',
  'SERVICE_MODE_ENDED',
  'BLOCK_WINDOW_REGISTERED',
  'ALARM_CANCELLED',
  'STATUS_GIVEN',
  'MESSAGE_TAKEN',
  'REFUSED',
  'NOT_VERIFIED',
  'OTHER',
] as const;
export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number];

export const StartCallInputSchema = z.object({ siteId: uuid.nullish().transform((v) => v ?? null) }).strict();
export const SetCallSiteInputSchema = z.object({ siteId: uuid }).strict();
export const EndCallInputSchema = z.object({ outcome: z.enum(INTAKE_OUTCOMES), note: optionalText(1000) }).strict();

export const VerifyCallerInputSchema = z
  .object({
    personId: uuid,
    /** The password the caller says; checked against the argon2id hash, never stored or echoed. */
    password: safeString().min(1, 'is required').max(200),
  })
  .strict();
export type VerifyCallerInput = z.input<typeof VerifyCallerInputSchema>;

export const VERIFICATION_RESULTS = ['VERIFIED', 'WRONG_PASSWORD', 'LOCKED', 'NO_PASSWORD', 'NOT_AUTHORIZED'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

/** The answer to a verification: only verified or not, never anything about the password. */
export const VerificationOutcomeSchema = z.object({
  result: z.enum(VERIFICATION_RESULTS),
  /** Why not (or whom verified until when), in English. */
  message: z.string(),
  /** The same as a key of `errors.verification` in the message catalogues, with its arguments. */
  messageKey: z.string().optional(),
  params: MessageParamsSchema.optional(),
  /** Set when verified: the id the intake actions need, valid for this site until `expiresAt`. */
  verificationId: z.uuid().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  person: z
    .object({ id: z.uuid(), name: z.string(), level: z.enum(AUTHORITY_LEVELS), installerOf: z.string().nullable() })
    .nullable(),
  actions: z.array(AllowedActionsSchema),
  /** Failed attempts for this person in the lockout window (after this one). */
  failedAttempts: z.number().int(),
  lockedUntil: z.iso.datetime().nullable(),
});
export type VerificationOutcome = z.infer<typeof VerificationOutcomeSchema>;

export const IntakeCallSchema = z.object({
  id: z.uuid(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  operator: z.object({ userId: z.uuid(), name: z.string() }),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  /** personId is null once the person was removed from the directory (name and level are kept). */
  caller: z.object({ personId: z.string().nullable(), name: z.string(), level: z.enum(AUTHORITY_LEVELS) }).nullable(),
  verified: z.boolean(),
  outcome: z.enum(INTAKE_OUTCOMES).nullable(),
  note: z.string().nullable(),
});
export type IntakeCall = z.infer<typeof IntakeCallSchema>;

/** One verification attempt, as supervisors see it live. */
export const VerificationAttemptSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  operator: z.object({ userId: z.uuid(), name: z.string() }),
  /** id is null once the person was removed from the directory (the name is kept). */
  person: z.object({ id: z.string().nullable(), name: z.string() }),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  result: z.enum(VERIFICATION_RESULTS),
  lockedUntil: z.iso.datetime().nullable(),
});
export type VerificationAttempt = z.infer<typeof VerificationAttemptSchema>;

// ---- actions (each needs a fresh verification for the site) -------------------------------------

export const IntakeServiceModeInputSchema = z
  .object({
    verificationId: uuid,
    transmitterId: uuid,
    category: z
      .enum(ALARM_CATEGORIES)
      .nullish()
      .transform((v) => v ?? null),
    durationMinutes: z
      .number()
      .int()
      .min(1, 'must be at least 1 minute')
      .max(7 * 24 * 60, 'must be at most 7 days (10080 minutes)')
      .optional(),
    reason: safeString().trim().min(1, 'is required').max(500),
  })
  .strict();

export const IntakeEndServiceModeInputSchema = z.object({ verificationId: uuid, serviceModeId: uuid }).strict();

export const IntakeBlockWindowInputSchema = z
  .object({
    verificationId: uuid,
    transmitterId: uuid,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    requestDate: z.iso.date(),
    reference: safeString().trim().min(1, 'is required').max(200),
    reason: optionalText(500),
  })
  .strict();

export const IntakeCancelCaseInputSchema = z
  .object({ verificationId: uuid, caseId: uuid, note: optionalText(1000) })
  .strict();

export const IntakeMessageInputSchema = z
  .object({ verificationId: uuid, text: safeString().trim().min(1, 'is required').max(2000) })
  .strict();

/** What the operator reads out for STATUS. */
export const SiteStatusSchema = z.object({
  siteId: z.uuid(),
  openCases: z.array(
    z.object({
      id: z.uuid(),
      caseNo: z.string(),
      category: z.enum(ALARM_CATEGORIES),
      title: z.string(),
      ...caseTitleFields,
      status: z.string(),
      queuedAt: z.iso.datetime(),
    }),
  ),
  serviceModes: z.array(
    z.object({
      id: z.uuid(),
      account: z.string(),
      category: z.enum(ALARM_CATEGORIES).nullable(),
      endsAt: z.iso.datetime(),
    }),
  ),
  blockWindows: z.array(
    z.object({
      id: z.uuid(),
      account: z.string(),
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      state: z.string(),
    }),
  ),
});
export type SiteStatus = z.infer<typeof SiteStatusSchema>;

export const ManagerMessageSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  contractId: z.uuid().nullable(),
  siteId: z.uuid(),
  fromPerson: z.object({ id: z.uuid(), name: z.string() }),
  text: z.string(),
  takenBy: z.object({ userId: z.uuid(), name: z.string() }),
});
export type ManagerMessage = z.infer<typeof ManagerMessageSchema>;

/**
 * A message as the supervisors' inbox shows it: with the site, the contract manager to pass it
 * to, and whether (how, by whom) it was passed on.
 */
export const ManagerMessageEntrySchema = ManagerMessageSchema.extend({
  /** id is null once the person was removed from the directory (the name is kept). */
  fromPerson: z.object({ id: z.uuid().nullable(), name: z.string() }),
  siteName: z.string(),
  contract: z
    .object({
      contractNo: z.string(),
      managerName: z.string(),
      managerPhone: z.string().nullable(),
      managerEmail: z.string().nullable(),
    })
    .nullable(),
  forwarded: z
    .object({ at: z.iso.datetime(), by: z.object({ userId: z.uuid(), name: z.string() }), note: z.string() })
    .nullable(),
});
export type ManagerMessageEntry = z.infer<typeof ManagerMessageEntrySchema>;

/** POST /intake/messages/:id/forwarded: how the message reached the contract manager. */
export const ForwardMessageInputSchema = z
  .object({ note: safeString().trim().min(1, 'say how it was passed on, e.g. "e-mailed"').max(500) })
  .strict();
export type ForwardMessageInput = z.input<typeof ForwardMessageInputSchema>;

// ---- list queries (GET /intake/calls, /intake/verifications, /intake/messages, …/status) ----------

/** The most calls GET /intake/calls returns at once. */
export const CALL_LIST_MAX = 10_000;

const instant = instantInput();
const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

/** GET /intake/calls: calls started in [from, to), for ZR0010/ZR0020. */
export const CallListQuerySchema = z
  .object({
    from: instant,
    to: instant,
    limit: z.coerce.number().int().min(1).max(CALL_LIST_MAX).default(1000),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'must be after from', path: ['to'] });
export type CallListQuery = z.output<typeof CallListQuerySchema>;

/** GET /intake/verifications: newest first. */
export const VerificationListQuerySchema = z.object({
  failedOnly: flag,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type VerificationListQuery = z.output<typeof VerificationListQuerySchema>;

/** GET /intake/messages: by default the messages not passed on yet. */
export const MessageListQuerySchema = z.object({
  waiting: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MessageListQuery = z.output<typeof MessageListQuerySchema>;

/** GET /intake/calls/:id/status. */
export const StatusQuerySchema = z.object({ verificationId: uuid });
