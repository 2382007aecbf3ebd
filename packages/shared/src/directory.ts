import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { z } from 'zod';
import { boundedInt, instantInput, PAGE_MAX, queryInt, safeString } from './safe-input.js';
import { ALARM_CATEGORIES } from './alarm.js';
import { APPROVAL_KINDS, AUTHORITY_LEVELS } from './authority.js';
import { addDays, dateInZone, daysBetween, isMonday, isoWeekOf, mondayOf } from './calendar-week.js';
import { date, id, nullable, pageOf, timestamp } from './contract-fields.js';
import { AlarmEventCountSchema, BlockWindowSchema, ServiceModeSchema } from './rules.js';

/**
 * The directory: who the centre's customers are, their sites and transmitters, who may speak
 * for a site, and what an operator does for each kind of alarm (docs/domain.md sections 2, 3, 5).
 * Input schemas validate API bodies and console forms alike.
 */

export { AUTHORITY_LEVELS, type AuthorityLevel } from './authority.js';
export * from './calendar-week.js';
export { pageOf };

/** A list answer (GET /cases/mine, /sites/:id/contacts, …). */
export const arrayOf = <T extends z.ZodType>(item: T) => z.array(item);

export const TRANSMITTER_PROTOCOLS = ['SIA-DCS', 'ADM-CID', 'ANY'] as const;
export type TransmitterProtocol = (typeof TRANSMITTER_PROTOCOLS)[number];

export const STEP_TYPES = [
  'CALL_CONTACT',
  'CALL_ON_CALL',
  'DISPATCH_GUARD',
  'ALERT_RESCUE_SERVICE',
  'ALERT_POLICE',
  'INSTRUCTION',
] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const CONTACT_ROUTE_KINDS = ['PHONE', 'SMS', 'EMAIL'] as const;
export type ContactRouteKind = (typeof CONTACT_ROUTE_KINDS)[number];

export { APPROVAL_KINDS, type ApprovalKind } from './authority.js';

// ---- field rules -------------------------------------------------------------------------

const text = (max: number) => safeString().trim().min(1, 'is required').max(max);
const optionalText = (max: number) =>
  safeString()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const isoDate = z.iso.date('must be a date YYYY-MM-DD');
const uuid = z.uuid('must be an id');

/** Swedish postcode, stored as "NNN NN". */
export const PostcodeSchema = safeString()
  .trim()
  .regex(/^\d{3} ?\d{2}$/, 'must be a Swedish postcode like 722 15')
  .transform((v) => `${v.replace(' ', '').slice(0, 3)} ${v.replace(' ', '').slice(3)}`);

/** A phone number, Swedish by default, stored in international form (+46…). */
export const PhoneSchema = safeString()
  .max(50)
  .trim()
  .transform((value, ctx) => {
    const phone = parsePhoneNumberFromString(value, 'SE');
    if (!phone?.isValid()) {
      ctx.addIssue({ code: 'custom', message: 'must be a valid phone number, e.g. 070-123 45 67 or +46 70 123 45 67' });
      return z.NEVER;
    }
    return phone.number;
  });

/** Swedish organisation number NNNNNN-NNNN with its check digit. */
export const OrgNoSchema = safeString()
  .trim()
  .regex(/^\d{6}-?\d{4}$/, 'must be an organisation number like 556677-8899')
  .refine((value) => luhnValid(value.replace('-', '')), 'has a wrong check digit')
  .transform((value) => `${value.replace('-', '').slice(0, 6)}-${value.replace('-', '').slice(6)}`);

export const AccountSchemaStrict = safeString()
  .trim()
  .regex(/^[0-9A-Fa-f]{3,16}$/, 'must be 3-16 hexadecimal characters')
  .transform((v) => v.toUpperCase());

export const DC09_KEY_FORMATS = ['hex', 'text'] as const;
export type Dc09KeyFormat = (typeof DC09_KEY_FORMATS)[number];

/** The key lengths of AES-128/192/256 in bytes. */
const AES_KEY_BYTES = [16, 24, 32];

/**
 * A DC-09 AES key as programmed in the panel, with its format said explicitly: `hex` (32, 48
 * or 64 hex digits) or `text` (16, 24 or 32 printable ASCII characters, taken byte for byte).
 * Guessing the format is ambiguous: a 32-character AES-256 text key made only of hex digits
 * would read as a 16-byte hex key.
 */
export const Dc09KeySchema = z
  .object(
    {
      format: z.enum(DC09_KEY_FORMATS, "must be 'hex' or 'text'"),
      value: safeString('must be a string'),
    },
    { error: "must be an object { format: 'hex' | 'text', value }" },
  )
  .strict()
  .superRefine((key, ctx) => {
    const problem = dc09KeyProblem(key);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] });
  });
export type Dc09Key = z.output<typeof Dc09KeySchema>;

/** Why a key is not valid in its format, or null. */
export function dc09KeyProblem(key: Dc09Key): string | null {
  const { format, value } = key;
  if (format === 'hex') {
    if (!/^[0-9A-Fa-f]*$/.test(value)) return 'must be hex digits only (0-9, A-F) for format hex';
    if (!AES_KEY_BYTES.includes(value.length / 2))
      return `must be 32, 48 or 64 hex digits for format hex (AES-128/192/256), not ${value.length}`;
    return null;
  }
  if (!/^[\x20-\x7e]*$/.test(value)) return 'must be printable ASCII characters only for format text';
  if (!AES_KEY_BYTES.includes(value.length))
    return `must be 16, 24 or 32 characters for format text (AES-128/192/256), not ${value.length}`;
  return null;
}

/**
 * The key's bytes as upper-case hex: how a key is sealed at rest. Keys stored before the format
 * was explicit are the text as entered; the receiver reads 32/48/64 hex digits as hex and
 * anything else as text, and the hex form always reads back as the same bytes.
 */
export function dc09KeyHex(key: Dc09Key): string {
  if (key.format === 'hex') return key.value.toUpperCase();
  let hex = '';
  for (let i = 0; i < key.value.length; i += 1) hex += key.value.charCodeAt(i).toString(16).padStart(2, '0');
  return hex.toUpperCase();
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 === 0;
}

// ---- paging ------------------------------------------------------------------------------

export const PageQuerySchema = z.object({
  page: queryInt(1, PAGE_MAX).default(1),
  pageSize: queryInt(1, 200).default(50),
  /** Free-text search (typo-tolerant where the list supports it). */
  q: safeString().trim().max(100).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The contract of a page of `item`s (a `Page<T>`). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

// ---- customers and contracts ---------------------------------------------------------------

export const CustomerInputSchema = z
  .object({ customerNo: text(20), name: text(200), orgNo: OrgNoSchema.nullish().transform((v) => v ?? null) })
  .strict();
export type CustomerInput = z.input<typeof CustomerInputSchema>;
export const CustomerSchema = z.object({
  id,
  customerNo: z.string(),
  name: z.string(),
  orgNo: nullable(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Customer = z.infer<typeof CustomerSchema>;

export const ContractInputSchema = z
  .object({
    contractNo: text(20),
    customerId: uuid,
    managerName: text(200),
    managerPhone: PhoneSchema.nullish().transform((v) => v ?? null),
    managerEmail: z
      .email('must be an e-mail address')
      .max(254)
      .nullish()
      .transform((v) => v ?? null),
    yearlyEventQuota: boundedInt(0, 1_000_000),
    startDate: isoDate,
    termMonths: boundedInt(1, 600),
  })
  .strict();
export type ContractInput = z.input<typeof ContractInputSchema>;
export const ContractSchema = z.object({
  id,
  contractNo: z.string(),
  customerId: id,
  customerNo: z.string(),
  customerName: z.string(),
  managerName: z.string(),
  managerPhone: nullable(z.string()),
  managerEmail: nullable(z.string()),
  yearlyEventQuota: z.number().int(),
  startDate: date,
  termMonths: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Contract = z.infer<typeof ContractSchema>;

// ---- sites and transmitters ---------------------------------------------------------------

export const SiteInputSchema = z
  .object({
    name: text(200),
    street: text(200),
    postcode: PostcodeSchema,
    city: text(100),
    municipality: text(100),
    addressRef: optionalText(500),
    contractId: uuid.nullish().transform((v) => v ?? null),
  })
  .strict();
export type SiteInput = z.input<typeof SiteInputSchema>;
export const SiteSchema = z.object({
  id,
  name: z.string(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  municipality: z.string(),
  addressRef: nullable(z.string()),
  contractId: nullable(id),
  contractNo: nullable(z.string()),
  customerNo: nullable(z.string()),
  customerName: nullable(z.string()),
  /** Sites with history are archived instead of deleted. */
  archivedAt: nullable(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Site = z.infer<typeof SiteSchema>;

export const SiteListQuerySchema = PageQuerySchema.extend({
  municipality: safeString().trim().max(100).optional(),
  contractId: uuid.optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** The transmitter's fields; `TransmitterInputSchema` adds the rule that ties them together. */
export const TransmitterFieldsSchema = z
  .object({
    account: AccountSchemaStrict,
    siteId: uuid,
    protocol: z.enum(TRANSMITTER_PROTOCOLS).default('ANY'),
    /** Write-only. Omit to keep the stored key, null to remove it. */
    encryptionKey: Dc09KeySchema.nullish().meta({
      description:
        "Write-only AES key as programmed in the panel: { format: 'hex', value: 32/48/64 hex digits } or " +
        "{ format: 'text', value: 16/24/32 ASCII characters }. Omit to keep the stored key, null to remove it.",
    }),
    /**
     * Refuse (DUH) every clear-text message of this transmitter instead of storing it flagged.
     * Needs a key. Omit to keep the stored setting (false for a new transmitter).
     */
    requireEncryption: z
      .boolean('must be true or false')
      .optional()
      .meta({
        description:
          'Refuse (DUH, nothing stored) every unencrypted message from this transmitter; needs a key. ' +
          'When false, an unencrypted message from a transmitter with a key is stored and flagged. ' +
          'Omit to keep the stored setting (false for a new transmitter).',
      }),
    supervisionIntervalSeconds: z
      .number()
      .int()
      .min(20)
      .max(7 * 86_400)
      .nullish()
      .transform((v) => v ?? null),
    /** The category of the transmitter's inputs, e.g. a fire panel's transmitter is FIRE. */
    inputCategory: z
      .enum(ALARM_CATEGORIES)
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict();

export const TransmitterInputSchema = TransmitterFieldsSchema.superRefine(
  requireEncryptionNeedsKey('needs a key, but encryptionKey is null'),
);

/** Requiring encryption without a key would refuse everything the transmitter sends. */
export function requireEncryptionNeedsKey(message: string) {
  return <T extends { requireEncryption?: boolean | undefined; encryptionKey?: Dc09Key | null | undefined }>(
    input: T,
    ctx: z.RefinementCtx<T>,
  ): void => {
    if (input.requireEncryption === true && input.encryptionKey === null) {
      ctx.addIssue({ code: 'custom', message, path: ['requireEncryption'] });
    }
  };
}
export type TransmitterInput = z.input<typeof TransmitterInputSchema>;
export const TransmitterSchema = z.object({
  id,
  account: z.string(),
  siteId: id,
  protocol: z.enum(TRANSMITTER_PROTOCOLS),
  /** Whether a key is stored; the key itself is never returned. */
  encrypted: z.boolean(),
  /** Clear-text messages are refused (DUH) rather than stored flagged. */
  requireEncryption: z.boolean(),
  supervisionIntervalSeconds: nullable(z.number().int()),
  inputCategory: nullable(z.enum(ALARM_CATEGORIES)),
  lastSeenAt: nullable(timestamp),
  /** Set while the transmitter sends more signals than the runaway threshold allows. */
  runawayUntil: nullable(timestamp),
  /** Set when supervision raised "test signal missing" and nothing was heard since. */
  supervisionFailedAt: nullable(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Transmitter = z.infer<typeof TransmitterSchema>;

// ---- authorization lists, persons, service companies ---------------------------------------

export const AuthorizationListInputSchema = z
  .object({ name: text(200), siteIds: z.array(uuid).max(1000).default([]) })
  .strict();
export type AuthorizationListInput = z.input<typeof AuthorizationListInputSchema>;
export const AuthorizationListSchema = z.object({
  id,
  name: z.string(),
  siteIds: z.array(id),
  /** Set when the list is a service company's list of installers. */
  serviceCompanyId: nullable(id),
  personCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type AuthorizationList = z.infer<typeof AuthorizationListSchema>;

const PersonFields = z.object({
  listId: uuid,
  name: text(200),
  phone: PhoneSchema,
  level: z.enum(AUTHORITY_LEVELS, 'must be A, B or C'),
  validFrom: isoDate.nullish().transform((v) => v ?? null),
  validTo: isoDate.nullish().transform((v) => v ?? null),
});
const validPeriod = (p: { validFrom: string | null; validTo: string | null }) =>
  !p.validFrom || !p.validTo || p.validFrom <= p.validTo;
export const PersonInputSchema = PersonFields.strict().refine(validPeriod, {
  message: 'must not be before validFrom',
  path: ['validTo'],
});
export type PersonInput = z.input<typeof PersonInputSchema>;
export const PersonSchema = z.object({
  id,
  listId: id,
  name: z.string(),
  phone: z.string(),
  level: z.enum(AUTHORITY_LEVELS),
  validFrom: nullable(date),
  validTo: nullable(date),
  /** Whether an authority password is set; the password and its hash are never returned. */
  hasPassword: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Person = z.infer<typeof PersonSchema>;

/** Sets a person's authority password, on the written request of an A-level person of the same list. */
export const SetPasswordInputSchema = z
  .object({
    password: safeString().min(6, 'must be at least 6 characters').max(100),
    requestedByPersonId: uuid,
    requestDate: isoDate,
    /** Where the written request is: letter, e-mail subject, case reference. */
    requestReference: text(200),
  })
  .strict();
export type SetPasswordInput = z.input<typeof SetPasswordInputSchema>;

export const ServiceCompanyInputSchema = z
  .object({
    name: text(200),
    orgNo: OrgNoSchema.nullish().transform((v) => v ?? null),
    /** Sites the company services; its installers may call about these. */
    siteIds: z.array(uuid).max(10_000).default([]),
  })
  .strict();
export type ServiceCompanyInput = z.input<typeof ServiceCompanyInputSchema>;
export const ApprovalSchema = z.object({
  id,
  serviceCompanyId: id,
  kind: z.enum(APPROVAL_KINDS),
  personId: nullable(id),
  reference: z.string(),
  validFrom: nullable(date),
  validTo: nullable(date),
});
export type Approval = z.infer<typeof ApprovalSchema>;
export const ServiceCompanySchema = z.object({
  id,
  name: z.string(),
  orgNo: nullable(z.string()),
  siteIds: z.array(id),
  /** The company's own authorization list: its installers are the persons on it. */
  authorizationListId: id,
  approvals: z.array(ApprovalSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ServiceCompany = z.infer<typeof ServiceCompanySchema>;

export const ApprovalInputSchema = z
  .object({
    kind: z.enum(APPROVAL_KINDS),
    /** Null for an approval of the whole company, else the installer (a person on the company's list). */
    personId: uuid.nullish().transform((v) => v ?? null),
    reference: text(100),
    validFrom: isoDate.nullish().transform((v) => v ?? null),
    validTo: isoDate.nullish().transform((v) => v ?? null),
  })
  .strict()
  .refine(validPeriod, { message: 'must not be before validFrom', path: ['validTo'] });
export type ApprovalInput = z.input<typeof ApprovalInputSchema>;

// ---- contacts and on-call rosters -----------------------------------------------------------

const ContactRouteInputSchema = z
  .object({ kind: z.enum(CONTACT_ROUTE_KINDS), value: safeString().trim().min(1, 'is required').max(200) })
  .strict()
  .transform((route, ctx) => {
    if (route.kind === 'EMAIL') {
      if (!z.email().safeParse(route.value).success) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be an e-mail address' });
        return z.NEVER;
      }
      return route;
    }
    const phone = PhoneSchema.safeParse(route.value);
    if (!phone.success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a valid phone number' });
      return z.NEVER;
    }
    return { ...route, value: phone.data };
  });

/** Routes are tried in the order given. */
export const ContactInputSchema = z
  .object({
    name: text(200),
    note: optionalText(500),
    routes: z.array(ContactRouteInputSchema).min(1, 'needs at least one phone, SMS or e-mail route').max(10),
  })
  .strict();
export type ContactInput = z.input<typeof ContactInputSchema>;
export const ContactRouteSchema = z.object({ kind: z.enum(CONTACT_ROUTE_KINDS), value: z.string() });
export type ContactRoute = z.infer<typeof ContactRouteSchema>;
export const ContactSchema = z.object({
  id,
  siteId: id,
  name: z.string(),
  note: nullable(z.string()),
  /** 1-based call order within the site. */
  position: z.number().int(),
  routes: z.array(ContactRouteSchema),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ReorderInputSchema = z.object({ ids: z.array(uuid).min(1).max(500) }).strict();

export const OnCallRosterInputSchema = z
  .object({
    name: text(200),
    /** The Monday the first member's week starts (weeks start Monday 00:00 in the centre's time zone). */
    rotationStart: isoDate.refine(isMonday, 'must be a Monday'),
    members: z
      .array(z.object({ name: text(200), phone: PhoneSchema }).strict())
      .min(1, 'needs at least one member')
      .max(52),
  })
  .strict();
export type OnCallRosterInput = z.input<typeof OnCallRosterInputSchema>;
export const OnCallMemberSchema = z.object({ name: z.string(), phone: z.string() });
export type OnCallMember = z.infer<typeof OnCallMemberSchema>;

/**
 * POST /on-call-rosters/:id/swaps: the member whose week it is by the rotation hands it to another
 * member (by position in `members`, 0-based) or to someone outside the roster. One swap per week.
 */
export const OnCallSwapInputSchema = z
  .object({
    /** The Monday of the week handed over: in the rotation (not before rotationStart). */
    weekStart: isoDate.refine(isMonday, 'must be a Monday'),
    takenBy: z.discriminatedUnion(
      'kind',
      [
        z.object({ kind: z.literal('MEMBER'), memberIndex: z.number().int().min(0).max(51) }).strict(),
        z.object({ kind: z.literal('OUTSIDE'), name: text(200), phone: PhoneSchema }).strict(),
      ],
      "must be { kind: 'MEMBER', memberIndex } or { kind: 'OUTSIDE', name, phone }",
    ),
  })
  .strict();
export type OnCallSwapInput = z.input<typeof OnCallSwapInputSchema>;
export const OnCallSwapSchema = z.object({
  id,
  /** The Monday of the swapped week. */
  weekStart: date,
  /** Who has the week instead; a member's name and phone as they were when the swap was made. */
  standIn: OnCallMemberSchema,
  /** True for someone outside the roster, false for another member. */
  outside: z.boolean(),
});
export type OnCallSwap = z.infer<typeof OnCallSwapSchema>;

export const OnCallRosterSchema = z.object({
  id,
  name: z.string(),
  rotationStart: date,
  members: z.array(OnCallMemberSchema),
  /** The weeks handed to someone else, by week. */
  swaps: z.array(OnCallSwapSchema),
  /** Who has the current week (swaps honoured), computed by the server with onCallNow in its time zone. */
  onCallNow: nullable(OnCallMemberSchema),
});
export type OnCallRoster = z.infer<typeof OnCallRosterSchema>;

/** What the week rules need of a swap. */
export type SwapOfWeek = Pick<OnCallSwap, 'weekStart' | 'standIn'>;

/** What the week rules need of a roster. */
export interface Rotation<S extends SwapOfWeek = SwapOfWeek> {
  rotationStart: string;
  members: readonly OnCallMember[];
  swaps: readonly S[];
}

/** One week of a rotation. */
export interface OnCallWeek<S> {
  /** The Monday the week starts (00:00 in the centre's time zone). */
  weekStart: string;
  /** ISO 8601 week number and its year. */
  isoWeek: { year: number; week: number };
  /** The member the rotation gives the week (position in members), or null before the rotation starts. */
  scheduled: { member: OnCallMember; index: number } | null;
  /** The swap of this week, if any. */
  swap: S | null;
  /** Who is on call that week: the swap's stand-in, else the scheduled member. */
  onCall: OnCallMember | null;
}

/** The member the rotation gives the week of `weekStart`: one week each, in order, from rotationStart, repeating. */
export function scheduledMember(
  roster: Pick<Rotation, 'rotationStart' | 'members'>,
  weekStart: string,
): { member: OnCallMember; index: number } | null {
  if (roster.members.length === 0) return null;
  const weeks = Math.floor(daysBetween(mondayOf(roster.rotationStart), mondayOf(weekStart)) / 7);
  if (!(weeks >= 0)) return null;
  const index = weeks % roster.members.length;
  return { member: roster.members[index]!, index };
}

/** The week of `weekStart` (any day of it) in the rotation, swaps honoured. */
export function onCallWeek<S extends SwapOfWeek>(roster: Rotation<S>, weekStart: string): OnCallWeek<S> {
  const monday = mondayOf(weekStart);
  const scheduled = scheduledMember(roster, monday);
  const swap = roster.swaps.find((s) => s.weekStart === monday) ?? null;
  return {
    weekStart: monday,
    isoWeek: isoWeekOf(monday),
    scheduled,
    swap,
    onCall: swap?.standIn ?? scheduled?.member ?? null,
  };
}

/** `count` consecutive weeks of the rotation from the week of `from`. */
export function rotationWeeks<S extends SwapOfWeek>(roster: Rotation<S>, from: string, count: number): OnCallWeek<S>[] {
  const first = mondayOf(from);
  return Array.from({ length: Math.max(0, count) }, (_, i) => onCallWeek(roster, addDays(first, 7 * i)));
}

/**
 * The person on call at `now`. Weeks start Monday 00:00 in `timeZone` (the centre's, a server
 * setting): in Europe/Stockholm that is 23:00 or 22:00 UTC on Sunday, and a week with a
 * daylight-saving change is 167 or 169 hours long. A swap of the week wins over the rotation.
 */
export function onCallNow(roster: Rotation, now: Date, timeZone: string): OnCallMember | null {
  const today = dateInZone(now, timeZone);
  if (today < roster.rotationStart) return null;
  return onCallWeek(roster, today).onCall;
}

/** Why a swap cannot be made, as a code the server and the console put in words. */
export type OnCallSwapProblem =
  | { field: 'weekStart'; code: 'NOT_MONDAY' }
  | { field: 'weekStart'; code: 'BEFORE_ROTATION'; rotationStart: string }
  | { field: 'weekStart'; code: 'ALREADY_SWAPPED' }
  | { field: 'takenBy.memberIndex'; code: 'NO_SUCH_MEMBER' }
  | { field: 'takenBy.memberIndex'; code: 'HAS_THE_WEEK'; name: string };

/**
 * The rotation's rules for a new swap: the week is a Monday in the rotation's range (not before
 * rotationStart), has no swap yet, and a member who takes it exists and is not the one whose week
 * it already is.
 */
export function swapProblem(
  roster: Rotation,
  input: { weekStart: string; takenBy: { kind: 'MEMBER'; memberIndex: number } | { kind: 'OUTSIDE' } },
): OnCallSwapProblem | null {
  if (!isMonday(input.weekStart)) return { field: 'weekStart', code: 'NOT_MONDAY' };
  if (input.weekStart < roster.rotationStart)
    return { field: 'weekStart', code: 'BEFORE_ROTATION', rotationStart: roster.rotationStart };
  if (roster.swaps.some((s) => s.weekStart === input.weekStart)) return { field: 'weekStart', code: 'ALREADY_SWAPPED' };
  if (input.takenBy.kind === 'MEMBER') {
    const member = roster.members[input.takenBy.memberIndex];
    if (!member) return { field: 'takenBy.memberIndex', code: 'NO_SUCH_MEMBER' };
    if (scheduledMember(roster, input.weekStart)?.index === input.takenBy.memberIndex)
      return { field: 'takenBy.memberIndex', code: 'HAS_THE_WEEK', name: member.name };
  }
  return null;
}

/** The problem in English, for the API's message (the console words it from the code). */
export function swapProblemText(problem: OnCallSwapProblem): string {
  switch (problem.code) {
    case 'NOT_MONDAY':
      return 'must be a Monday';
    case 'BEFORE_ROTATION':
      return `is before the rotation starts (${problem.rotationStart})`;
    case 'ALREADY_SWAPPED':
      return 'that week has a swap already';
    case 'NO_SUCH_MEMBER':
      return 'is not a member of the roster';
    case 'HAS_THE_WEEK':
      return `${problem.name} has that week already`;
  }
}

// ---- action plans --------------------------------------------------------------------------

export const ActionStepInputSchema = z
  .object({
    type: z.enum(STEP_TYPES),
    /** For CALL_CONTACT: a contact of the same site. */
    contactId: uuid.nullish().transform((v) => v ?? null),
    /** For CALL_ON_CALL: an on-call roster. */
    rosterId: uuid.nullish().transform((v) => v ?? null),
    instruction: optionalText(2000),
    mandatory: z.boolean().default(false),
  })
  .strict()
  .superRefine((step, ctx) => {
    if (step.type === 'CALL_CONTACT' && !step.contactId) {
      ctx.addIssue({ code: 'custom', path: ['contactId'], message: 'A contact is required for a "call contact" step' });
    }
    if (step.type === 'CALL_ON_CALL' && !step.rosterId) {
      ctx.addIssue({
        code: 'custom',
        path: ['rosterId'],
        message: 'An on-call roster is required for a "call on-call" step',
      });
    }
    if (step.type === 'INSTRUCTION' && !step.instruction) {
      ctx.addIssue({
        code: 'custom',
        path: ['instruction'],
        message: 'Instruction text is required for an instruction step',
      });
    }
  });

/** PUT /sites/:siteId/action-plans/:category replaces the plan; steps run in the order given. */
export const ActionPlanInputSchema = z.object({ steps: z.array(ActionStepInputSchema).max(50) }).strict();
export type ActionPlanInput = z.input<typeof ActionPlanInputSchema>;
export const ActionStepSchema = z.object({
  id,
  position: z.number().int(),
  type: z.enum(STEP_TYPES),
  contactId: nullable(id),
  rosterId: nullable(id),
  instruction: nullable(z.string()),
  mandatory: z.boolean(),
});
export type ActionStep = z.infer<typeof ActionStepSchema>;
export const ActionPlanSchema = z.object({
  id,
  siteId: id,
  category: z.enum(ALARM_CATEGORIES),
  steps: z.array(ActionStepSchema),
  updatedAt: timestamp,
});
export type ActionPlan = z.infer<typeof ActionPlanSchema>;

// ---- what an operator sees of one site ---------------------------------------------------------

export const SiteDetailSchema = z.object({
  site: SiteSchema,
  contract: nullable(ContractSchema),
  customer: nullable(CustomerSchema),
  transmitters: z.array(TransmitterSchema),
  authorizationLists: z.array(AuthorizationListSchema.extend({ persons: z.array(PersonSchema) })),
  serviceCompanies: z.array(ServiceCompanySchema.extend({ installers: z.array(PersonSchema) })),
  contacts: z.array(ContactSchema),
  actionPlans: z.array(ActionPlanSchema),
  onCallRosters: z.array(OnCallRosterSchema),
  /** Service modes in force or ended within the last 7 days, newest first. */
  serviceModes: z.array(ServiceModeSchema),
  /** Block windows not yet ended, or ended within the last 30 days, by start. */
  blockWindows: z.array(BlockWindowSchema),
  /** The contract's alarm events this calendar year; null without a contract. */
  alarmEvents: nullable(AlarmEventCountSchema),
});
export type SiteDetail = z.infer<typeof SiteDetailSchema>;

/** One hit of GET /api/v1/directory/search: enough to tell identical addresses apart. */
export const DirectorySearchHitSchema = z.object({
  siteId: id,
  siteName: z.string(),
  address: z.string(),
  municipality: z.string(),
  customerNo: nullable(z.string()),
  contractNo: nullable(z.string()),
  accounts: z.array(z.string()),
  /** What matched: account, site, address, customer, contract, person. */
  matchedOn: z.string(),
  score: z.number(),
});
export type DirectorySearchHit = z.infer<typeof DirectorySearchHitSchema>;

// ---- audit -----------------------------------------------------------------------------------

export const AUDIT_ACTIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'ARCHIVE',
  'SET_PASSWORD',
  'IMPORT',
  // user management and login security (entity "user" or "login")
  'ACTIVATE',
  'DEACTIVATE',
  'UNLOCK',
  'ENROL_TOTP',
  'RESET_TOTP',
  'LOGIN_FAILED',
  'LOGIN_LOCKED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: timestamp,
  actorUserId: nullable(id),
  actorName: nullable(z.string()),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string(),
  entityId: nullable(z.string()),
  /** Before and after, with passwords and keys masked as "***". */
  before: nullable(z.record(z.string(), z.unknown())),
  after: nullable(z.record(z.string(), z.unknown())),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

// ---- list filters (added with the directory REST API) -----------------------------------------

/** GET /contracts */
export const ContractListQuerySchema = PageQuerySchema.extend({ customerId: uuid.optional() });
/** GET /transmitters */
export const TransmitterListQuerySchema = PageQuerySchema.extend({ siteId: uuid.optional() });
/** GET /authorization-lists */
export const AuthorizationListQuerySchema = PageQuerySchema.extend({ siteId: uuid.optional() });
/**
 * The kinds of record the audit log names (its `entity`), for a console's "what" filter. The
 * server accepts any entity text in GET /audit; apps/server/test/audit-filters.spec.ts checks that
 * every entity the server writes is listed here.
 */
export const AUDIT_ENTITIES = [
  'customer',
  'contract',
  'site',
  'transmitter',
  'transmitter_zones',
  'site_knowledge',
  'site_note',
  'authorizationList',
  'person',
  'serviceCompany',
  'approval',
  'contact',
  'onCallRoster',
  'onCallSwap',
  'actionPlan',
  'service_mode',
  'block_window',
  'manager_message',
  'shift_note',
  'directory',
  'user',
  'login',
  'security-settings',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

const auditInstant = instantInput();

/**
 * GET /audit: newest first, filtered by who (`actor`, a user id), what (`action`, `entity`,
 * `entityId`) and when (`from` inclusive, `to` exclusive; ISO instants, `to` after `from`).
 */
export const AuditQuerySchema = z
  .object({
    page: queryInt(1, PAGE_MAX).default(1),
    pageSize: queryInt(1, 200).default(50),
    /** Changes made by this user. */
    actor: z.uuid('must be a user id').optional(),
    action: z.enum(AUDIT_ACTIONS, `must be one of ${AUDIT_ACTIONS.join(', ')}`).optional(),
    entity: safeString().trim().min(1).max(50).optional(),
    entityId: safeString().trim().min(1).max(100).optional(),
    /** At or after this instant. */
    from: auditInstant.optional(),
    /** Before this instant. */
    to: auditInstant.optional(),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.to) > Date.parse(query.from), {
    message: 'must be after from',
    path: ['to'],
  });
