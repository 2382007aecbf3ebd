/**
 * The server's error answers and the shared authority rules in the user's language
 * (docs/i18n.md, "Server errors"): an answer's messageKey with its params, else its code's
 * text, else its status's; never the English `message` on a Swedish screen. In English, an
 * answer without a key keeps the console's old wording of its message.
 */
import type { ApiError } from '@arc/shared/auth';
import {
  EN_MESSAGES,
  intakeRefusalOf,
  requesterRefusalOf,
  type MessageParams,
  type Refusal,
  type RequesterRefusalKey,
} from '@arc/shared/i18n';
import { windowRequesterRefusal, type RequesterFacts } from '@arc/shared/rules';
import { i18n } from '../lib/i18n/i18n';
import { catalogueText, inEnglish, issuesInWords, serverMessageInWords, wordedParams } from './form-words';

const STATUS: Readonly<Record<number, keyof typeof EN_MESSAGES.errors.status>> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  408: 'timeout',
  409: 'conflict',
  413: 'tooLarge',
  415: 'unsupported',
  422: 'unprocessable',
  429: 'tooMany',
  500: 'server',
  503: 'unavailable',
};

/** The text of a messageKey of `errors.server` with its params; null when the catalogue has none. */
export function serverText(key: string | undefined, params?: MessageParams): string | null {
  if (!key || !Object.hasOwn(EN_MESSAGES.errors.server, key)) return null;
  return catalogueText(`errors:server.${key}`, wordedParams(params));
}

/** The text of an AppErrorCode; null for a code the catalogue does not know. */
export function codeText(code: string | undefined): string | null {
  if (!code || !Object.hasOwn(EN_MESSAGES.errors.code, code)) return null;
  return catalogueText(`errors:code.${code}`);
}

/** The text of an HTTP status without a code. */
export function statusText(status: number): string {
  const name = STATUS[status];
  return name ? i18n.t(`errors:status.${name}`) : i18n.t('errors:status.other', { status });
}

/** A VALIDATION answer whose issues carry their texts: those issues in words. */
function issuesText(body: ApiError): string | null {
  const issues = body.issues ?? [];
  const keyed = issues.length > 0 && issues.some((issue) => issue.messageKey !== undefined || issue.code !== undefined);
  if (!keyed || (body.messageKey !== undefined && body.messageKey !== 'invalidInput')) return null;
  return issuesInWords(issues);
}

/**
 * A refused request in words: the answer's issues (VALIDATION), its messageKey, else in English
 * `english` (the console's wording of the message, as before) and in Swedish the text of its code
 * or status.
 */
export function apiErrorMessage(status: number, body: ApiError | null, english?: string): string {
  const keyed = body ? (issuesText(body) ?? serverText(body.messageKey, body.params)) : null;
  if (keyed) return keyed;
  if (inEnglish()) {
    if (english !== undefined) return english;
    return body?.message ? serverMessageInWords(body.message) : i18n.t('errors:requestFailed', { status });
  }
  return codeText(body?.code) ?? statusText(status);
}

// ---- the authority rules ------------------------------------------------------------------------

/** One refused action of the authority table (AllowedActions.refused) as the server sent it. */
export interface RefusedAction {
  reason: string;
  reasonKey?: string;
  reasonParams?: Readonly<Record<string, string | number>>;
}

/**
 * Why the caller may not ask for an action, in the user's language: the table's key, else the
 * English reason read back to its key, else (English) the reason itself.
 */
export function refusalReasonText(refused: RefusedAction): string {
  if (refused.reasonKey && i18n.exists(refused.reasonKey)) {
    return catalogueText(refused.reasonKey, { ...refused.reasonParams });
  }
  const known = intakeRefusalOf(refused.reason);
  if (known) return catalogueText(`authority:intake.${known.key}`, { ...known.params });
  return inEnglish() ? refused.reason : i18n.t('errors:code.FORBIDDEN_ROLE');
}

/** A requester rule's verdict (windowRequesterRefusal) as the words that follow the person's name. */
export function requesterRefusalText(refusal: Refusal<RequesterRefusalKey>): string {
  return catalogueText(`authority:requester.${refusal.key}`, { ...refusal.params });
}

/**
 * The shared requester rule for a service mode or block window, in words that follow the
 * person's name ("is not valid today"); null when the person may ask.
 */
export function requesterProblemText(
  facts: RequesterFacts,
  coversFire: boolean,
  coversIntrusion: boolean,
): string | null {
  const refusal = windowRequesterRefusal(facts, coversFire, coversIntrusion);
  return refusal ? requesterRefusalText(refusal) : null;
}

/** An English requester reason (from an older answer) in the user's language; itself when unknown in English. */
export function requesterReasonText(reason: string): string {
  const known = requesterRefusalOf(reason);
  if (known) return requesterRefusalText(known);
  return inEnglish() ? reason : i18n.t('errors:code.FORBIDDEN_ROLE');
}

/** What the server said of a caller's verification (VerificationOutcome), in the user's language. */
export function verificationMessageText(outcome: {
  result: string;
  message: string;
  messageKey?: string;
  params?: MessageParams;
}): string {
  if (outcome.messageKey && Object.hasOwn(EN_MESSAGES.errors.verification, outcome.messageKey)) {
    return catalogueText(`errors:verification.${outcome.messageKey}`, wordedParams(outcome.params));
  }
  if (inEnglish()) return outcome.message;
  return Object.hasOwn(EN_MESSAGES.errors.verificationResult, outcome.result)
    ? catalogueText(`errors:verificationResult.${outcome.result}`)
    : i18n.t('errors:generic');
}
