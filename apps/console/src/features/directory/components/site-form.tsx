import { SiteInputSchema, type Contract, type Site, type SiteInput } from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';

export interface SiteFormProps {
  initial?: Site;
  contracts: readonly Contract[];
  onSave: (input: SiteInput) => Promise<void>;
  onCancel: () => void;
}

export function SiteForm({ initial, contracts, onSave, onCancel }: SiteFormProps) {
  const [values, setValues] = useState({
    name: initial?.name ?? '',
    street: initial?.street ?? '',
    postcode: initial?.postcode ?? '',
    city: initial?.city ?? '',
    municipality: initial?.municipality ?? '',
    addressRef: initial?.addressRef ?? '',
    contractId: initial?.contractId ?? '',
  });
  const form = useSchemaForm(SiteInputSchema, onSave);
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (value: string) => setValues((current) => ({ ...current, [key]: value })),
    error: form.errors[key],
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ ...values, contractId: values.contractId || null });
  };

  const contractOptions = [
    { value: '', label: '— no contract —' },
    ...contracts.map((c) => ({ value: c.id, label: `${c.contractNo} · ${c.customerNo} ${c.customerName}` })),
  ];

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={initial ? 'Edit site' : 'New site'}>
      <TextField label="Site name" testId="site-name" {...field('name')} />
      <TextField label="Street" testId="site-street" {...field('street')} />
      <div className="edit-form__row">
        <TextField label="Postcode" testId="site-postcode" placeholder="722 15" {...field('postcode')} />
        <TextField label="City" testId="site-city" {...field('city')} />
      </div>
      <TextField label="Municipality" testId="site-municipality" {...field('municipality')} />
      <TextField label="Address reference" testId="site-address-ref" {...field('addressRef')} />
      <SelectField label="Contract" testId="site-contract" options={contractOptions} {...field('contractId')} />
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="site" />
    </form>
  );
}
