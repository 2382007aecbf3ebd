import { useState } from 'react';
import { describeRequestError, issuesToFieldErrors, type FieldErrors, type FormSchema } from '../utils/form-errors';

export interface SchemaForm {
  errors: FieldErrors;
  /** The server's message for a refused request. */
  formError: string | null;
  pending: boolean;
  /** Validates `candidate` with the schema and, when valid, sends the parsed value. */
  submit: (candidate: unknown) => Promise<boolean>;
}

/**
 * Client-side validation with the zod schema the server uses, so the field messages match;
 * whatever the server still refuses is shown the same way. `submit` resolves true when sent.
 */
export function useSchemaForm<T>(
  schema: FormSchema<T>,
  send: (value: T) => Promise<unknown>,
  /** Limits the schema cannot know (the server's settings): field → message, or nothing. */
  check?: (value: T) => FieldErrors | null,
): SchemaForm {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (candidate: unknown) => {
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setFormError(null);
      return false;
    }
    const refused = check?.(parsed.data);
    if (refused && Object.keys(refused).length > 0) {
      setErrors(refused);
      setFormError(null);
      return false;
    }
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      await send(parsed.data);
      return true;
    } catch (error) {
      const described = describeRequestError(error);
      setErrors(described.fields);
      setFormError(described.message);
      return false;
    } finally {
      setPending(false);
    }
  };

  return { errors, formError, pending, submit };
}
