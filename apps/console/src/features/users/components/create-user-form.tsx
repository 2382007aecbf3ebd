import { ROLES, type Role } from '@arc/shared/auth';
import { CreateUserInputSchema, type CreateUserInput, type UserAccount } from '@arc/shared/users';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import type { FieldErrors } from '../../../utils/form-errors';
import { issueText, type IssueInput } from '../../../utils/form-words';
import { describeUserError } from '../utils/user-messages';

export interface CreateUserFormProps {
  onSave: (input: CreateUserInput) => Promise<UserAccount>;
  onCancel: () => void;
}

const IDS = {
  username: 'user-username',
  displayName: 'user-display-name',
  role: 'user-role',
  password: 'user-password',
  repeat: 'user-repeat',
  error: 'user-form-error',
  prefix: 'user',
} as const;

/** A new operator, supervisor or administrator with an initial password the policy accepts. */
export function CreateUserForm({ onSave, onCancel }: CreateUserFormProps) {
  const { t } = useTranslation(['users', 'common']);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    setFormError(null);
    const parsed = CreateUserInputSchema.safeParse({ username, displayName, role, password });
    const found = parsed.success ? {} : fieldMessages(parsed.error.issues);
    if (repeat !== password) found.repeat = t('form.mismatch');
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    setPending(true);
    try {
      await onSave(parsed.data);
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
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={t('form.label')}>
      <div className="edit-form__row">
        <TextField
          label={t('form.username')}
          testId={IDS.username}
          autoComplete="off"
          value={username}
          onChange={setUsername}
          error={errors.username}
        />
        <TextField
          label={t('form.name')}
          testId={IDS.displayName}
          autoComplete="off"
          value={displayName}
          onChange={setDisplayName}
          error={errors.displayName}
        />
        <SelectField
          label={t('form.role')}
          testId={IDS.role}
          value={role}
          onChange={(value) => setRole(value as Role)}
          options={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
          error={errors.role}
        />
      </div>
      <div className="edit-form__row">
        <TextField
          label={t('form.initialPassword')}
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
      <FormActions pending={pending} onCancel={onCancel} testIdPrefix={IDS.prefix} saveLabel={t('form.create')} />
    </form>
  );
}

/** Every message of a field, joined, in the language in force: a password can break several rules at once. */
export function fieldMessages(issues: readonly (IssueInput & { path: readonly PropertyKey[] })[]) {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    const text = issueText(issue);
    fields[key] = fields[key] ? `${fields[key]}; ${text}` : text;
  }
  return fields;
}
