import { SetPasswordInputSchema, type Person, type SetPasswordInput } from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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

/** Test ids: code, not text. */
const IDS = {
  password: 'pw-password',
  confirm: 'pw-confirm',
  requester: 'pw-requester',
  date: 'pw-date',
  reference: 'pw-reference',
  prefix: 'pw',
} as const;

/** Sets a person's authority password on the written request of an A-level person (docs/domain.md section 3). */
export function PasswordForm({ person, listPersons, onSave, onCancel, today = isoToday() }: PasswordFormProps) {
  const { t } = useTranslation('access');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [requester, setRequester] = useState('');
  const [requestDate, setRequestDate] = useState(today);
  const [reference, setReference] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const form = useSchemaForm(SetPasswordInputSchema, onSave);

  const requesters = listPersons.filter((p) => p.level === 'A');
  const requesterOptions = [
    { value: '', label: t('password.chooseRequester') },
    ...requesters.map((p) => ({ value: p.id, label: t('password.requesterOption', { name: p.name }) })),
  ];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const differs = password !== confirm;
    setMismatch(differs);
    if (differs) return;
    void form.submit({ password, requestedByPersonId: requester, requestDate, requestReference: reference });
  };

  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('password.formLabel', { name: person.name })}
    >
      {requesters.length === 0 && (
        <p className="form-error" role="alert">
          {t('password.noRequester')}
        </p>
      )}
      <div className="edit-form__row">
        <TextField
          label={t('password.newPassword')}
          testId={IDS.password}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={form.errors.password}
        />
        <TextField
          label={t('password.repeat')}
          testId={IDS.confirm}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={mismatch ? t('password.mismatch') : undefined}
        />
      </div>
      <SelectField
        label={t('password.requestedBy')}
        testId={IDS.requester}
        options={requesterOptions}
        value={requester}
        onChange={setRequester}
        error={form.errors.requestedByPersonId ? t('password.requesterRequired') : undefined}
      />
      <div className="edit-form__row">
        <TextField
          label={t('password.requestDate')}
          testId={IDS.date}
          type="date"
          value={requestDate}
          onChange={setRequestDate}
          error={form.errors.requestDate}
        />
        <TextField
          label={t('password.reference')}
          testId={IDS.reference}
          value={reference}
          onChange={setReference}
          error={form.errors.requestReference}
        />
      </div>
      <FormError message={form.formError} />
      <FormActions
        pending={form.pending}
        onCancel={onCancel}
        testIdPrefix={IDS.prefix}
        saveLabel={t('password.save')}
      />
    </form>
  );
}

function isoToday(): string {
  return centreToday();
}
