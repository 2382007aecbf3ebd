import { passwordProblems, ResetPasswordInputSchema, type UserAccount } from '@arc/shared/users';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormError, TextField } from '../../../components/form-field';
import type { FieldErrors } from '../../../utils/form-errors';
import { describeUserError } from '../utils/user-messages';
import { fieldMessages } from './create-user-form';
import { issueText } from '../../../utils/form-words';

const IDS = { password: 'reset-password', repeat: 'reset-repeat', error: 'reset-form-error', prefix: 'reset' } as const;

export interface ResetPasswordFormProps {
  user: UserAccount;
  onSave: (password: string) => Promise<void>;
  onCancel: () => void;
}

/** An administrator sets a new password; the user's open consoles are signed out. */
export function ResetPasswordForm({ user, onSave, onCancel }: ResetPasswordFormProps) {
  const { t } = useTranslation('users');
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
    if (problems.length > 0) found.password = problems.map((message) => issueText({ message })).join('; ');
    if (repeat !== password) found.repeat = t('form.mismatch');
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
      aria-label={t('resetPassword.formLabel', { name: user.displayName })}
      data-testid="reset-password-form"
    >
      <p className="muted">{t('resetPassword.intro', { name: user.displayName })}</p>
      <div className="edit-form__row">
        <TextField
          label={t('form.newPassword')}
          testId={IDS.password}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint={t('form.passwordHint')}
        />
        <TextField
          label={t('form.repeatPassword')}
          testId={IDS.repeat}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          error={errors.repeat}
        />
      </div>
      <FormError message={formError} testId={IDS.error} />
      <FormActions
        pending={pending}
        onCancel={onCancel}
        testIdPrefix={IDS.prefix}
        saveLabel={t('resetPassword.save')}
      />
    </form>
  );
}
