/**
 * Validation text in words, in the user's language: a schema's raw message ("Too big: expected
 * number to be <=10080", "durationMinutes: must be at most 720 minutes", "is required for
 * INSTRUCTION") or a server issue ({ code, messageKey, params }) becomes a sentence naming the
 * field by its label ("Duration must be at most 10080", "Instruction text is required for an
 * instruction step"). The texts come from the `errors` catalogue (docs/i18n.md); in Swedish no
 * English sentence of a schema or the server is shown.
 */
import type { ApiIssue } from '@arc/shared/auth';
import {
  describeIssue,
  EN_MESSAGES,
  isMessageRef,
  schemaMessage,
  type IssueLike,
  type IssueMessage,
  type IssueMessageKey,
  type MessageParams,
} from '@arc/shared/i18n';
import { i18n } from '../lib/i18n/i18n';

type TextParams = Record<string, string | number>;

/** i18n.t for a key formed at run time (the catalogue and the server's tests check those keys). */
export function catalogueText(key: string, params?: TextParams): string {
  return (i18n.t as unknown as (key: string, options?: TextParams) => string)(key, params);
}

/** True when the language in force is English (where the console's old wording is kept). */
export function inEnglish(): boolean {
  return i18n.language === 'en';
}

/** The params of a message, other catalogue texts among them worded in the language in force. */
export function wordedParams(params: MessageParams | undefined): TextParams {
  const out: TextParams = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    out[name] = isMessageRef(value) ? catalogueText(value.key, { ...value.params }) : value;
  }
  return out;
}

/** "requestedByPersonId" → "Requested by person id" when no label is known (English only). */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function hasLabel(key: string): key is keyof typeof EN_MESSAGES.errors.field {
  return Object.hasOwn(EN_MESSAGES.errors.field, key);
}

/** The label of a field path ("steps.0.instruction" → "Instruction text"); '' for none. */
export function fieldLabel(path: string): string {
  const parts = path.split('.').filter((part) => part !== '' && !/^\d+$/.test(part));
  const key = parts[parts.length - 1];
  if (!key) return '';
  if (hasLabel(key)) return i18n.t(`errors:field.${key}`);
  // A field without a label: its name in words in English; in Swedish the text stands alone.
  return inEnglish() ? humanise(key) : '';
}

/** Raw messages with a fixed wording. */
const KNOWN: Readonly<Record<string, IssueMessageKey>> = {
  'is required for INSTRUCTION': 'issue.requiredForInstruction',
  'Invalid UUID': 'issue.chosen',
  'must be an id': 'issue.chosen',
};

/** zod's default English wording as the issue it words; null for the schemas' own wording. */
function zodEnglish(message: string): IssueMessage | null {
  const key = KNOWN[message];
  if (key) return { key, params: {} };
  const found = (pattern: RegExp) => pattern.exec(message);
  let m = found(/^Too big: expected number to be <=?\s*(-?[\d.]+)$/);
  if (m) return { key: 'issue.tooBigNumber', params: { maximum: m[1]! } };
  m = found(/^Too small: expected number to be >=?\s*(-?[\d.]+)$/);
  if (m) return { key: 'issue.tooSmallNumber', params: { minimum: m[1]! } };
  m = found(/^Too big: expected string to have <=?\s*(\d+) characters?$/);
  if (m) return { key: 'issue.tooBigString', params: { maximum: m[1]! } };
  m = found(/^Too small: expected string to have >=?\s*(\d+) characters?$/);
  if (m)
    return m[1] === '1'
      ? { key: 'issue.required', params: {} }
      : { key: 'issue.tooSmallString', params: { minimum: m[1]! } };
  m = found(/^Too (big|small): expected array to have ([<>]=?)\s*(\d+) items?$/);
  if (m) {
    return m[1] === 'big'
      ? { key: 'issue.tooBigArray', params: { maximum: m[3]! } }
      : { key: 'issue.tooSmallArray', params: { minimum: m[3]! } };
  }
  const fixed = (k: IssueMessageKey): IssueMessage => ({ key: k, params: {} });
  if (/^Invalid input: expected (string|number|boolean|object|array), received (undefined|null)$/.test(message))
    return fixed('issue.required');
  if (/^Invalid input: expected number, received (NaN|string)$/.test(message)) return fixed('issue.number');
  if (/^Invalid input: expected int, received number$/.test(message)) return fixed('issue.wholeNumber');
  if (/^Invalid input: expected/.test(message)) return fixed('issue.invalid');
  if (/^Invalid option: expected one of/.test(message)) return fixed('issue.oneOf');
  if (/^Invalid (ISO )?(datetime|date)/i.test(message)) return fixed('issue.dateTime');
  if (/^Invalid (string: )?(email|e-mail)/i.test(message)) return fixed('issue.email');
  if (/^Unrecognized key/.test(message)) return fixed('issue.unknownField');
  if (/^Invalid /.test(message)) return fixed('issue.invalid');
  return null;
}

/** zod's own default wording, in English or (zod's locale in force) in Swedish. */
function isZodDefault(message: string): boolean {
  return /^(Too (big|small)|Invalid|Unrecognized key|För (stor|lite)|Ogiltig|Okänd nyckel)/.test(message);
}

/** An issue of a schema in the console (zod's own) or of a server answer (ApiIssue). */
export type IssueInput = IssueLike & Partial<Pick<ApiIssue, 'messageKey' | 'params'>>;

/**
 * The words of an issue and whether they follow the field's label: the server's key, else the
 * shared schemas' own message, else zod's code (or its English wording); null when none of these
 * says: a message of the console's own (already in the language) or unknown.
 */
function issueWords(issue: IssueInput): { text: string; labelled: boolean } | null {
  const found = issueKey(issue);
  if (!found) return null;
  return {
    text: catalogueText(`errors:${found.key}`, wordedParams(found.params)),
    labelled: found.key.startsWith('issue.'),
  };
}

/** The catalogue text of an issue: the server's key, else the schemas' message, else zod's code or wording. */
function issueKey(issue: IssueInput): IssueMessage | null {
  if (issue.messageKey && i18n.exists(`errors:${issue.messageKey}`)) {
    return { key: issue.messageKey as IssueMessageKey, params: issue.params ?? {} };
  }
  if (KNOWN[issue.message] !== undefined) return zodEnglish(issue.message);
  return (
    schemaMessage(issue.message) ??
    (issue.code && isZodDefault(issue.message) ? describeIssue(issue) : null) ??
    zodEnglish(issue.message)
  );
}

/** An issue's words alone, without the field's label (several of one field joined), in the language in force. */
export function issueText(issue: IssueInput): string {
  return issueWords(issue)?.text ?? issue.message;
}

/** True for a message that is already a sentence of its own (starts with a capital letter). */
function isSentence(message: string): boolean {
  return /^[A-ZÅÄÖ]/.test(message);
}

/** "Duration must be at most 10080"; the words alone, capitalised, when the path names no label. */
function withLabel(path: string, words: string): string {
  if (isSentence(words)) return words;
  const label = fieldLabel(path);
  return label ? i18n.t('errors:labelled', { label, text: words }) : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A field's message, shown beside the field: zod's own wording ("Too big: expected number to be
 * <=10080") becomes a sentence with the field's label ("Duration must be at most 10080"); the
 * schemas' own short messages ("is required", "must be a Swedish postcode like 722 15") read
 * well beside their field and are kept, in the language in force.
 */
export function fieldMessage(path: string, message: string): string {
  return issueMessage(path, { message });
}

/**
 * A field's message from a whole issue (zod's, with its code, or the server's, with its key).
 * `fromServer`: the issue is a server answer's, whose message is English: in Swedish, an issue
 * without a known text reads "is not valid".
 */
export function issueMessage(path: string, issue: IssueInput, fromServer = false): string {
  const words = issueWords(issue);
  if (words) return words.labelled ? withLabel(path, words.text) : words.text;
  if (fromServer && !inEnglish()) return withLabel(path, i18n.t('errors:issue.invalid'));
  return issue.message;
}

/** The step a path points into, "Step 2: …" for "steps.1.instruction", else the text alone. */
function inStep(path: string, text: string): string {
  const m = /(?:^|\.)steps\.(\d+)\./.exec(path);
  return m ? i18n.t('errors:step', { number: Number(m[1]) + 1, text }) : text;
}

/** One "path: text" part of a server message as a sentence with the field's label. */
function partInWords(path: string, text: string, issue?: IssueInput): string {
  const words = issueWords(issue ?? { message: text });
  if (words) return inStep(path, withLabel(path, words.text));
  if (inEnglish()) return inStep(path, withLabel(path, text));
  return inStep(path, withLabel(path, i18n.t('errors:issue.invalid')));
}

/** A server answer's issues as one message: "Duration must be at most 10080; Name is required". */
export function issuesInWords(issues: readonly ApiIssue[]): string {
  return issues.map((issue) => partInWords(issue.path, issue.message, issue)).join('; ');
}

/**
 * A server message in words. Validation messages come as "path: message; path: message"; each
 * part becomes a sentence with the field's label. Other messages pass unchanged in English; in
 * Swedish an English sentence of the server is not shown (the request failed, in words).
 */
export function serverMessageInWords(message: string): string {
  return message
    .split('; ')
    .map((part) => {
      const m = /^([a-z]\w*(?:\.\w+)*): (.+)$/s.exec(part);
      if (m) return partInWords(m[1]!, m[2]!);
      if (inEnglish()) return part;
      const own = schemaMessage(part);
      return own
        ? withLabel('', catalogueText(`errors:${own.key}`, wordedParams(own.params)))
        : i18n.t('errors:generic');
    })
    .join('; ');
}
