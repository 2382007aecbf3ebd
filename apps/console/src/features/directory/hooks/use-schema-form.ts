import { useState } from 'react';
import { describeWriteError, issuesToFieldErrors, type FieldErrors, type FormSchema } from '../utils/form-errors';

export interface SchemaForm {
  errors: FieldErrors;
  /** The server's message for a refused write. */
  formError: string | null;
  pending: boolean;
  /** Validates `candidate` with the schema and, when valid, saves the parsed value. */
  submit: (candidate: unknown) => Promise<void>;
}

/**
 * Client-side validation with the same zod schema the server uses, so the field messages match;
 * whatever the server still refuses is shown the same way.
 */
export function useSchemaForm<T>(schema: FormSchema<T>, save: (value: T) => Promise<void>): SchemaForm {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (candidate: unknown) => {
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setFormError(null);
      return;
    }
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      await save(parsed.data);
    } catch (error) {
      const described = describeWriteError(error);
      setErrors(described.fields);
      setFormError(described.message);
    } finally {
      setPending(false);
    }
  };

  return { errors, formError, pending, submit };
}
