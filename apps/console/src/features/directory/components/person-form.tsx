import { AUTHORITY_LEVELS } from '@arc/shared/authority';
import { PersonInputSchema, type Person, type PersonInput } from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';

export interface PersonFormProps {
  listId: string;
  initial?: Person;
  onSave: (input: PersonInput) => Promise<void>;
  onCancel: () => void;
}

/** Test ids: code, not text. */
const IDS = {
  name: 'person-name',
  phone: 'person-phone',
  level: 'person-level',
  validFrom: 'person-valid-from',
  validTo: 'person-valid-to',
  prefix: 'person',
} as const;

export function PersonForm({ listId, initial, onSave, onCancel }: PersonFormProps) {
  const { t } = useTranslation('access');
  const levelOptions = AUTHORITY_LEVELS.map((level) => ({ value: level, label: t('persons.levelOption', { level }) }));
  const [values, setValues] = useState({
    name: initial?.name ?? '',
    phone: initial?.phone ?? '',
    level: initial?.level ?? 'C',
    validFrom: initial?.validFrom ?? '',
    validTo: initial?.validTo ?? '',
  });
  const form = useSchemaForm(PersonInputSchema, onSave);
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (value: string) => setValues((current) => ({ ...current, [key]: value })),
    error: form.errors[key],
  });
  const fields = {
    name: field('name'),
    phone: field('phone'),
    level: field('level'),
    validFrom: field('validFrom'),
    validTo: field('validTo'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ ...values, listId, validFrom: values.validFrom || null, validTo: values.validTo || null });
  };

  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={initial ? t('persons.editForm') : t('persons.newForm')}
    >
      <div className="edit-form__row">
        <TextField label={t('persons.name')} testId={IDS.name} {...fields.name} />
        <TextField label={t('persons.phone')} testId={IDS.phone} type="tel" {...fields.phone} />
        <SelectField label={t('persons.level')} testId={IDS.level} options={levelOptions} {...fields.level} />
      </div>
      <div className="edit-form__row">
        <TextField label={t('persons.validFrom')} testId={IDS.validFrom} type="date" {...fields.validFrom} />
        <TextField label={t('persons.validTo')} testId={IDS.validTo} type="date" {...fields.validTo} />
      </div>
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix={IDS.prefix} />
    </form>
  );
}
