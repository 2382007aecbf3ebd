import { SetPasswordInputSchema, type Person, type SetPasswordInput } from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import { centreToday } from '../../../utils/time';

export interface PasswordFormProps {
  person: Person;
  /** The persons of the same list; only A-level ones may request a password change. */
  listPersons: readonly Person[];
  onSave: (input: SetPasswordInput) => Promise<void>;
  onCancel: () => void;
  /** Today as YYYY-MM-DD; injectable for tests. */
  today?: string;
}

const REQUESTER_REQUIRED = 'is required: the A-level person whose written request this is';

/** Sets a person's authority password on the written request of an A-level person (docs/domain.md section 3). */
export function PasswordForm({ person, listPersons, onSave, onCancel, today = isoToday() }: PasswordFormProps) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [requester, setRequester] = useState('');
  const [requestDate, setRequestDate] = useState(today);
  const [reference, setReference] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const form = useSchemaForm(SetPasswordInputSchema, onSave);

  const requesters = listPersons.filter((p) => p.level === 'A');
  const requesterOptions = [
    { value: '', label: '— choose the requester —' },
    ...requesters.map((p) => ({ value: p.id, label: `${p.name} (A)` })),
  ];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const differs = password !== confirm;
    setMismatch(differs);
    if (differs) return;
    void form.submit({ password, requestedByPersonId: requester, requestDate, requestReference: reference });
  };

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={`Set password of ${person.name}`}>
      {requesters.length === 0 && (
        <p className="form-error" role="alert">
          This list has no A-level person, so nobody can request a password change.
        </p>
      )}
      <div className="edit-form__row">
        <TextField
          label="New password"
          testId="pw-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={form.errors.password}
        />
        <TextField
          label="Repeat password"
          testId="pw-confirm"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={mismatch ? 'does not match the new password' : undefined}
        />
      </div>
      <SelectField
        label="Requested in writing by"
        testId="pw-requester"
        options={requesterOptions}
        value={requester}
        onChange={setRequester}
        error={form.errors.requestedByPersonId ? REQUESTER_REQUIRED : undefined}
      />
      <div className="edit-form__row">
        <TextField
          label="Request date"
          testId="pw-date"
          type="date"
          value={requestDate}
          onChange={setRequestDate}
          error={form.errors.requestDate}
        />
        <TextField
          label="Request reference (letter, e-mail, case)"
          testId="pw-reference"
          value={reference}
          onChange={setReference}
          error={form.errors.requestReference}
        />
      </div>
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="pw" saveLabel="Set password" />
    </form>
  );
}

function isoToday(): string {
  return centreToday();
}
