import { passwordProblems, ResetPasswordInputSchema, type UserAccount } from '@arc/shared/users';
import { useState, type FormEvent } from 'react';
import { FormActions, FormError, TextField } from '../../../components/form-field';
import type { FieldErrors } from '../../../utils/form-errors';
import { describeUserError } from '../utils/user-messages';
import { fieldMessages, PASSWORD_HINT } from './create-user-form';

export interface ResetPasswordFormProps {
  user: UserAccount;
  onSave: (password: string) => Promise<void>;
  onCancel: () => void;
}

/** An administrator sets a new password; the user's open consoles are signed out. */
export function ResetPasswordForm({ user, onSave, onCancel }: ResetPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    setFormError(null);
    const parsed = ResetPasswordInputSchema.safeParse({ password });
    const found = parsed.success ? {} : fieldMessages(parsed.error.issues);
    const problems = passwordProblems(password, user.username);
    if (problems.length > 0) found.password = problems.join('; ');
    if (repeat !== password) found.repeat = 'does not match the password';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await onSave(parsed.data.password);
    } catch (error) {
      const described = describeUserError(error);
      setErrors(described.fields);
      setFormError(described.message);
      setPending(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={`New password for ${user.displayName}`}
      data-testid="reset-password-form"
    >
      <p className="muted">
        {user.displayName} is signed out everywhere and signs in with the new password. Tell it to them in person.
      </p>
      <div className="edit-form__row">
        <TextField
          label="New password"
          testId="reset-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint={PASSWORD_HINT}
        />
        <TextField
          label="Repeat password"
          testId="reset-repeat"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          error={errors.repeat}
        />
      </div>
      <FormError message={formError} testId="reset-form-error" />
      <FormActions pending={pending} onCancel={onCancel} testIdPrefix="reset" saveLabel="Set new password" />
    </form>
  );
}
