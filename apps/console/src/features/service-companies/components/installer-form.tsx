import { AUTHORITY_LEVELS, PersonInputSchema, type AuthorityLevel, type Person } from '@arc/shared/directory';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { createPerson, updatePerson, type PersonBody } from '../api/service-companies-api';
import { useFocusFirst } from '../hooks/use-focus-first';
import { withCompanyWords } from '../utils/company-words';

const PERSON_SCHEMA = withCompanyWords<PersonBody>(PersonInputSchema);

export interface InstallerFormProps {
  /** The company's own authorization list. */
  listId: string;
  /** null for a new installer. */
  person: Person | null;
  onSaved: (person: Person) => void;
  onCancel: () => void;
}

/** An installer: name, phone, authority level and the days they are valid. */
export function InstallerForm({ listId, person, onSaved, onCancel }: InstallerFormProps) {
  const { t } = useTranslation(['serviceCompanies', 'common']);
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirst(ref);
  const [name, setName] = useState(person?.name ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [level, setLevel] = useState<AuthorityLevel>(person?.level ?? 'C');
  const [validFrom, setValidFrom] = useState(person?.validFrom ?? '');
  const [validTo, setValidTo] = useState(person?.validTo ?? '');
  const saved = useRef<Person | null>(null);
  const form = useSchemaForm<PersonBody>(PERSON_SCHEMA, async (value) => {
    saved.current = person ? await updatePerson(person.id, value) : await createPerson(value);
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = { listId, name, phone, level, validFrom: validFrom || null, validTo: validTo || null };
    if ((await form.submit(candidate)) && saved.current) onSaved(saved.current);
  };

  return (
    <form
      ref={ref}
      className="edit-form"
      aria-labelledby={titleId}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      data-testid="installer-form"
    >
      <h6 id={titleId} className="registry-form-title">
        {person ? t('installerForm.editTitle', { name: person.name }) : t('installerForm.newTitle')}
      </h6>
      <div className="edit-form__row">
        <TextField
          label={t('installerForm.name')}
          testId="installer-name"
          autoComplete="off"
          value={name}
          onChange={setName}
          error={form.errors.name}
        />
        <TextField
          type="tel"
          label={t('installerForm.phone')}
          testId="installer-phone"
          autoComplete="off"
          value={phone}
          onChange={setPhone}
          error={form.errors.phone}
        />
        <SelectField
          label={t('installerForm.level')}
          testId="installer-level"
          value={level}
          onChange={(value) => setLevel(value as AuthorityLevel)}
          options={AUTHORITY_LEVELS.map((l) => ({ value: l, label: t('installerForm.levelOption', { level: l }) }))}
          error={form.errors.level}
        />
      </div>
      <div className="edit-form__row">
        <TextField
          type="date"
          label={t('installerForm.validFrom')}
          testId="installer-valid-from"
          value={validFrom}
          onChange={setValidFrom}
          error={form.errors.validFrom}
        />
        <TextField
          type="date"
          label={t('installerForm.validTo')}
          testId="installer-valid-to"
          value={validTo}
          onChange={setValidTo}
          error={form.errors.validTo}
        />
      </div>
      <FormError message={form.formError} testId="installer-form-error" />
      <FormActions
        pending={form.pending}
        onCancel={onCancel}
        testIdPrefix="installer"
        saveLabel={person ? t('installerForm.save') : t('installerForm.create')}
      />
    </form>
  );
}
