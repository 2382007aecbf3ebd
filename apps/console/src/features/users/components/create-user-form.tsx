import { ROLES, type Role } from '@arc/shared/auth';
import { CreateUserInputSchema, type CreateUserInput, type UserAccount } from '@arc/shared/users';
import { useState, type FormEvent } from 'react';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import type { FieldErrors } from '../../../utils/form-errors';
import { describeUserError, roleLabel } from '../utils/user-messages';

export interface CreateUserFormProps {
  onSave: (input: CreateUserInput) => Promise<UserAccount>;
  onCancel: () => void;
}

export const PASSWORD_HINT = 'At least 12 characters, not containing the username, not a common password';

/** A new operator, supervisor or administrator with an initial password the policy accepts. */
export function CreateUserForm({ onSave, onCancel }: CreateUserFormProps) {
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
    if (repeat !== password) found.repeat = 'does not match the password';
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
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label="New user">
      <div className="edit-form__row">
        <TextField
          label="Username"
          testId="user-username"
          autoComplete="off"
          value={username}
          onChange={setUsername}
          error={errors.username}
        />
        <TextField
          label="Name"
          testId="user-display-name"
          autoComplete="off"
          value={displayName}
          onChange={setDisplayName}
          error={errors.displayName}
        />
        <SelectField
          label="Role"
          testId="user-role"
          value={role}
          onChange={(value) => setRole(value as Role)}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          error={errors.role}
        />
      </div>
      <div className="edit-form__row">
        <TextField
          label="Initial password"
          testId="user-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint={PASSWORD_HINT}
        />
        <TextField
          label="Repeat password"
          testId="user-repeat"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          error={errors.repeat}
        />
      </div>
      <FormError message={formError} testId="user-form-error" />
      <FormActions pending={pending} onCancel={onCancel} testIdPrefix="user" saveLabel="Create user" />
    </form>
  );
}

/** Every message of a field, joined: a password can break several rules at once. */
export function fieldMessages(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    fields[key] = fields[key] ? `${fields[key]}; ${issue.message}` : issue.message;
  }
  return fields;
}
