import { ApiRequestError } from '../lib/api';
import { fieldMessage, serverMessageInWords } from './form-words';

/** Field path ("durationMinutes") → message. */
export type FieldErrors = Readonly<Record<string, string>>;

interface SchemaIssue {
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

export function issuesToFieldErrors(issues: readonly SchemaIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= fieldMessage(key, issue.message);
  }
  return errors;
}

/**
 * A refused request as a form shows it: the server's message in words (e.g. "Refused for Cia
 * Cederlund (level C), FIRE: level C may not put a fire transmitter in service mode; it needs
 * level A or B"), and its field issues next to the fields.
 */
export function describeRequestError(error: unknown): { message: string; fields: FieldErrors } {
  if (error instanceof ApiRequestError) {
    const fields: Record<string, string> = {};
    for (const issue of error.body?.issues ?? []) fields[issue.path] ??= fieldMessage(issue.path, issue.message);
    const prefix = error.status === 0 ? '' : refusalKind(error.status);
    return { message: `${prefix}${serverMessageInWords(error.message)}`, fields };
  }
  return { message: error instanceof Error ? error.message : 'The request failed', fields: {} };
}

function refusalKind(status: number): string {
  if (status === 403) return 'Not allowed: ';
  if (status === 409) return 'Conflict: ';
  return '';
}
