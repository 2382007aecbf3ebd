/**
 * How an error answer names its text (docs/i18n.md, "Server errors"): a key of the `errors`
 * catalogue and the values of its arguments, so the console words it in the user's language;
 * the English `message` stays for API clients and logs. Also: validation issues (zod's and the
 * shared schemas' own messages) as keys, and the authority reasons as keys.
 */
import { authority as enAuthority } from './en/authority.js';
import { errors as enErrors } from './en/errors.js';

/** An argument's value: text or a number (shown as it is). */
export type MessageParam = string | number;

/** Another catalogue text as an argument: a full key ("authority:intake.holdupCancel") and its arguments. */
export interface MessageRef {
  readonly key: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** The arguments of a message: values, or (one level deep) other catalogue texts. */
export type MessageParams = Readonly<Record<string, MessageParam | MessageRef>>;

/** What AppError carries and an error answer sends as `messageKey`: a key of `errors.server`. */
export type ServerMessageKey = keyof typeof enErrors.server;

/** A key of `errors.verification` (VerificationOutcome.messageKey). */
export type VerificationMessageKey = keyof typeof enErrors.verification;

/** The text of a validation issue, relative to the errors namespace: `issue.*` follow the field's label. */
export type IssueMessageKey = `issue.${keyof typeof enErrors.issue}` | `schema.${keyof typeof enErrors.schema}`;

export type IntakeRefusalKey = keyof typeof enAuthority.intake;
export type RequesterRefusalKey = keyof typeof enAuthority.requester;

/** An authority rule's verdict: a key of the authority namespace's section and its arguments. */
export interface Refusal<K extends string = string> {
  readonly key: K;
  readonly params: Readonly<Record<string, MessageParam>>;
}

export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

// ---- ICU arguments ----------------------------------------------------------------------------

/**
 * The argument names an ICU message uses ({name}, {count, plural, …} and those inside its
 * options), without a full ICU parser: enough to check that an answer's params cover them.
 */
export function messageArguments(text: string): Set<string> {
  const names = new Set<string>();
  parseMessage(text, 0, names);
  return names;
}

/** Reads message text from `i` up to an unmatched `}` (returned) or the end. */
function parseMessage(s: string, start: number, names: Set<string>): number {
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === "'") {
      const next = s[i + 1];
      if (next === "'") i += 2;
      else if (next !== undefined && '{}#|'.includes(next)) {
        const end = s.indexOf("'", i + 1);
        i = end < 0 ? s.length : end + 1;
      } else i += 1;
      continue;
    }
    if (c === '}') return i;
    i = c === '{' ? parseArgument(s, i + 1, names) : i + 1;
  }
  return i;
}

/** Reads one argument after its `{`; returns the index after its `}`. */
function parseArgument(s: string, start: number, names: Set<string>): number {
  let j = start;
  while (j < s.length && s[j] !== ',' && s[j] !== '}') j += 1;
  names.add(s.slice(start, j).trim());
  if (s[j] !== ',') return j + 1;
  let k = j + 1;
  while (k < s.length && s[k] !== ',' && s[k] !== '}') k += 1;
  const type = s.slice(j + 1, k).trim();
  if (s[k] !== ',') return k + 1;
  if (type !== 'plural' && type !== 'select' && type !== 'selectordinal') {
    const end = s.indexOf('}', k);
    return end < 0 ? s.length : end + 1;
  }
  let p = k + 1;
  while (p < s.length) {
    while (p < s.length && s[p] !== '{' && s[p] !== '}') p += 1;
    if (p >= s.length || s[p] === '}') return p + 1;
    p = parseMessage(s, p + 1, names) + 1;
  }
  return p;
}

/** Fills the simple `{name}` arguments of a message (English texts built on the server). */
export function fillSimple(text: string, params: Readonly<Record<string, MessageParam>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message with `{args}` as a pattern matching its text, the arguments captured. */
function patternOf(text: string): { regex: RegExp; names: string[] } | null {
  if (/[{}]/.test(text.replace(/\{\w+\}/g, '')) || text.includes("'{")) return null;
  const names: string[] = [];
  const source = text
    .split(/(\{\w+\})/)
    .map((part) => {
      const arg = /^\{(\w+)\}$/.exec(part);
      if (!arg) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(arg[1]!);
      return /^(maximum|minimum|length|days|count|divisor)$/.test(arg[1]!) ? '(-?\\d+(?:\\.\\d+)?)' : '(.+?)';
    })
    .join('');
  return { regex: new RegExp(`^${source}$`, 's'), names };
}

/**
 * The key of a catalogue section whose English text this is, with the arguments read back out
 * of it ("must be at most 100 characters" → maxCharacters, { maximum: 100 }); null for none.
 */
function matcher<K extends string>(section: Readonly<Record<K, string>>): (text: string) => Refusal<K> | null {
  const exact = new Map<string, K>();
  const patterns: { key: K; regex: RegExp; names: string[]; literal: number }[] = [];
  for (const [key, text] of Object.entries(section) as [K, string][]) {
    if (!text.includes('{')) {
      if (!exact.has(text)) exact.set(text, key);
      continue;
    }
    const pattern = patternOf(text);
    // An argument that is another catalogue text ({reason}, {limit}) is not read back from English.
    if (pattern && !pattern.names.some((name) => name === 'reason' || name === 'limit'))
      patterns.push({ key, ...pattern, literal: text.replace(/\{\w+\}/g, '').length });
  }
  patterns.sort((a, b) => b.literal - a.literal);
  return (text) => {
    const key = exact.get(text);
    if (key !== undefined) return { key, params: {} };
    for (const pattern of patterns) {
      const m = pattern.regex.exec(text);
      if (!m) continue;
      const params: Record<string, MessageParam> = {};
      pattern.names.forEach((name, i) => {
        const value = m[i + 1]!;
        params[name] = /^-?\d+(\.\d+)?$/.test(value) && value.length < 16 ? Number(value) : value;
      });
      return { key: pattern.key, params };
    }
    return null;
  };
}

// ---- validation issues ------------------------------------------------------------------------

/** What the issue texts need of a zod issue (or of an issue the server sent). */
export interface IssueLike {
  readonly message: string;
  readonly code?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint | string;
  readonly maximum?: number | bigint | string;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly divisor?: number | bigint;
}

export interface IssueMessage {
  readonly key: IssueMessageKey;
  readonly params: MessageParams;
}

const schemaText = matcher(enErrors.schema);

/** Messages of the shared schemas that are worded as another text of the catalogue. */
const SCHEMA_ALIASES: Readonly<Record<string, IssueMessageKey>> = {
  'must be an id': 'issue.chosen',
  "must be an object { format: 'hex' | 'text', value }": 'schema.keyObject',
  "must be { kind: 'MEMBER', memberIndex } or { kind: 'OUTSIDE', name, phone }": 'schema.standIn',
};

/**
 * The catalogue text of a message the shared schemas (or the shared rules) give in English
 * ("is required", "must be a Swedish postcode like 722 15", "must be at least 12 characters"),
 * with its arguments; null when it is not one of theirs.
 */
export function schemaMessage(message: string): IssueMessage | null {
  const alias = SCHEMA_ALIASES[message];
  if (alias) return { key: alias, params: {} };
  const keys = /^keys (.+)$/s.exec(message);
  const inner = keys ? schemaMessage(keys[1]!) : null;
  if (inner)
    return { key: 'schema.keys', params: { reason: { key: `errors:${inner.key}`, params: simple(inner.params) } } };
  const found = schemaText(message);
  return found ? { key: `schema.${found.key}`, params: found.params } : null;
}

function simple(params: MessageParams): Record<string, MessageParam> {
  const out: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(params)) if (!isMessageRef(value)) out[name] = value;
  return out;
}

function bound(value: number | bigint | string | undefined): MessageParam {
  if (typeof value === 'number' || typeof value === 'string') return value;
  return value === undefined ? '' : value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : String(value);
}

/**
 * The text of a validation issue: the schema's own message when it is one of the shared
 * schemas', else by zod's issue code (too_small, too_big, invalid_format, …) and its
 * parameters; null when neither says (an unknown custom message).
 */
export function describeIssue(issue: IssueLike): IssueMessage | null {
  const own = schemaMessage(issue.message);
  if (own) return own;
  const sized =
    issue.origin === 'string' ? 'String' : issue.origin === 'array' || issue.origin === 'set' ? 'Array' : null;
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'date') return { key: 'issue.tooLate', params: {} };
      return { key: `issue.tooBig${sized ?? 'Number'}`, params: { maximum: bound(issue.maximum) } };
    case 'too_small':
      if (issue.origin === 'date') return { key: 'issue.tooEarly', params: {} };
      if (sized === 'String' && Number(bound(issue.minimum)) <= 1) return { key: 'issue.required', params: {} };
      return { key: `issue.tooSmall${sized ?? 'Number'}`, params: { minimum: bound(issue.minimum) } };
    case 'invalid_type':
      // zod names what it received at the end of its message, in any of its languages.
      if (/\b(undefined|null)$/.test(issue.message)) return { key: 'issue.required', params: {} };
      if (issue.expected === 'number') return { key: 'issue.number', params: {} };
      if (issue.expected === 'int') return { key: 'issue.wholeNumber', params: {} };
      if (issue.expected === 'boolean') return { key: 'issue.boolean', params: {} };
      return { key: 'issue.invalid', params: {} };
    case 'invalid_value':
      return { key: (issue.values?.length ?? 0) > 1 ? 'issue.oneOf' : 'issue.invalid', params: {} };
    case 'invalid_format':
      switch (issue.format) {
        case 'datetime':
          return { key: 'issue.dateTime', params: {} };
        case 'date':
          return { key: 'issue.date', params: {} };
        case 'time':
          return { key: 'issue.time', params: {} };
        case 'email':
          return { key: 'issue.email', params: {} };
        case 'uuid':
        case 'guid':
          return { key: 'issue.chosen', params: {} };
        case undefined:
        default:
          return { key: 'issue.invalid', params: {} };
      }
    case 'unrecognized_keys':
      return { key: 'issue.unknownField', params: {} };
    case 'not_multiple_of':
      return { key: 'issue.multipleOf', params: { divisor: bound(issue.divisor) } };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { key: 'issue.invalid', params: {} };
    case undefined:
    default:
      return null;
  }
}

/** The parameters of a zod issue worth sending with it (minimum, maximum, format, …). */
export function issueParams(issue: IssueLike): Record<string, MessageParam> {
  const params: Record<string, MessageParam> = {};
  if (issue.origin !== undefined) params.origin = issue.origin;
  if (issue.minimum !== undefined) params.minimum = bound(issue.minimum);
  if (issue.maximum !== undefined) params.maximum = bound(issue.maximum);
  if (issue.inclusive !== undefined) params.inclusive = String(issue.inclusive);
  if (issue.format !== undefined) params.format = issue.format;
  if (issue.expected !== undefined) params.expected = issue.expected;
  if (issue.divisor !== undefined) params.divisor = bound(issue.divisor);
  if (issue.keys !== undefined) params.keys = issue.keys.join(', ');
  return params;
}

// ---- durations and authority reasons -----------------------------------------------------------

/** "12 hours (720 minutes)" as a catalogue text (errors:duration), in every language. */
export function durationRef(minutes: number): MessageRef {
  if (minutes >= 1440 && minutes % 1440 === 0)
    return { key: 'errors:duration', params: { unit: 'day', count: minutes / 1440, minutes } };
  if (minutes >= 60 && minutes % 60 === 0)
    return { key: 'errors:duration', params: { unit: 'hour', count: minutes / 60, minutes } };
  return { key: 'errors:duration', params: { unit: 'minute', count: minutes, minutes } };
}

/** An intake refusal as an argument of another text ("Refused for …: {reason}"). */
export function intakeRefusalRef(refusal: Refusal<IntakeRefusalKey>): MessageRef {
  return { key: `authority:intake.${refusal.key}`, params: refusal.params };
}

/** A requester refusal as an argument of another text ("Requester {name} {reason}"). */
export function requesterRefusalRef(refusal: Refusal<RequesterRefusalKey>): MessageRef {
  return { key: `authority:requester.${refusal.key}`, params: refusal.params };
}

/** The English reason of an intake refusal (the API's message). */
export function intakeRefusalText(refusal: Refusal<IntakeRefusalKey>): string {
  return fillSimple(enAuthority.intake[refusal.key], refusal.params);
}

/** The English reason of a requester refusal (the API's message). */
export function requesterRefusalText(refusal: Refusal<RequesterRefusalKey>): string {
  return fillSimple(enAuthority.requester[refusal.key], refusal.params);
}

const intakeText = matcher(enAuthority.intake);
const requesterText = matcher(enAuthority.requester);

/** The refusal an English intake reason words (for answers that carry no key); null for none. */
export function intakeRefusalOf(reason: string): Refusal<IntakeRefusalKey> | null {
  return intakeText(reason);
}

/** The refusal an English requester reason words; null for none. */
export function requesterRefusalOf(reason: string): Refusal<RequesterRefusalKey> | null {
  return requesterText(reason);
}
