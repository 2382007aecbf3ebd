import { ApiRequestError } from '../lib/api';
import { i18n } from '../lib/i18n/i18n';
import { apiErrorMessage } from './error-text';
import { inEnglish, issueMessage, serverMessageInWords, type IssueInput } from './form-words';

/** Field path ("durationMinutes") → message. */
export type FieldErrors = Readonly<Record<string, string>>;

/** A schema's issue: its path and message, and (zod's) code and parameters. */
interface SchemaIssue extends Omit<IssueInput, 'messageKey' | 'params'> {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The part of a zod schema the forms use; keeps zod itself out of the console's dependencies. */
export interface FormSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T; error?: undefined }
    | { success: false; data?: undefined; error: { issues: SchemaIssue[] } };
}

/** A form's issues beside their fields, in the language in force (the first issue per field). */
export function issuesToFieldErrors(issues: readonly SchemaIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issueMessage(key, issue);
  }
  return errors;
}

/**
 * A refused request as a form shows it: the server's message in words (e.g. "Refused for Cia
 * Cederlund (level C), FIRE: level C may not put a fire transmitter in service mode; it needs
 * level A or B"), in the language in force, and its field issues next to the fields.
 */
export function describeRequestError(error: unknown): { message: string; fields: FieldErrors } {
  if (error instanceof ApiRequestError) {
    const fields: Record<string, string> = {};
    for (const issue of error.body?.issues ?? []) fields[issue.path] ??= issueMessage(issue.path, issue, true);
    // In English an answer without a key keeps the old wording; in Swedish the message was formed in words already.
    const english = inEnglish() ? serverMessageInWords(error.message) : undefined;
    const words = error.body ? apiErrorMessage(error.status, error.body, english) : (english ?? error.message);
    return { message: refusal(error.status, words), fields };
  }
  return { message: error instanceof Error ? error.message : i18n.t('errors:generic'), fields: {} };
}

function refusal(status: number, message: string): string {
  if (status === 403) return i18n.t('errors:refusal.forbidden', { message });
  if (status === 409) return i18n.t('errors:refusal.conflict', { message });
  return message;
}
