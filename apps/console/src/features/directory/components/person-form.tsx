import { AUTHORITY_LEVELS } from '@arc/shared/authority';
import { PersonInputSchema, type Person, type PersonInput } from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';

export interface PersonFormProps {
  listId: string;
  initial?: Person;
  onSave: (input: PersonInput) => Promise<void>;
  onCancel: () => void;
}

const LEVEL_OPTIONS = AUTHORITY_LEVELS.map((level) => ({ value: level, label: `Level ${level}` }));

export function PersonForm({ listId, initial, onSave, onCancel }: PersonFormProps) {
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

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ ...values, listId, validFrom: values.validFrom || null, validTo: values.validTo || null });
  };

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={initial ? 'Edit person' : 'New person'}>
      <div className="edit-form__row">
        <TextField label="Name" testId="person-name" {...field('name')} />
        <TextField label="Phone" testId="person-phone" type="tel" {...field('phone')} />
        <SelectField label="Level" testId="person-level" options={LEVEL_OPTIONS} {...field('level')} />
      </div>
      <div className="edit-form__row">
        <TextField label="Valid from" testId="person-valid-from" type="date" {...field('validFrom')} />
        <TextField label="Valid to" testId="person-valid-to" type="date" {...field('validTo')} />
      </div>
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="person" />
    </form>
  );
}
