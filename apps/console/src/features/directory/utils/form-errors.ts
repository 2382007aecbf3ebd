import { ApiRequestError } from '../../../lib/api';

/** Field path ("postcode", "routes.0.value") → message. */
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
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A failed write as the form shows it: the server's message, and its field issues next to the fields. */
export function describeWriteError(error: unknown): { message: string; fields: FieldErrors } {
  if (error instanceof ApiRequestError) {
    const fields: Record<string, string> = {};
    for (const issue of error.body?.issues ?? []) fields[issue.path] ??= issue.message;
    return { message: error.message, fields };
  }
  return { message: error instanceof Error ? error.message : 'Saving failed', fields: {} };
}
