import { SiteInputSchema, type Contract, type Site, type SiteInput } from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';

export interface SiteFormProps {
  initial?: Site;
  contracts: readonly Contract[];
  onSave: (input: SiteInput) => Promise<void>;
  onCancel: () => void;
}

export function SiteForm({ initial, contracts, onSave, onCancel }: SiteFormProps) {
  const { t } = useTranslation('directory');
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
  const fields = {
    name: field('name'),
    street: field('street'),
    postcode: field('postcode'),
    city: field('city'),
    municipality: field('municipality'),
    addressRef: field('addressRef'),
    contractId: field('contractId'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ ...values, contractId: values.contractId || null });
  };

  const contractOptions = [
    { value: '', label: t('siteForm.noContract') },
    ...contracts.map((c) => ({ value: c.id, label: `${c.contractNo} · ${c.customerNo} ${c.customerName}` })),
  ];

  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={initial ? t('siteForm.edit') : t('siteForm.new')}
    >
      <TextField label={t('siteForm.name')} testId="site-name" {...fields.name} />
      <TextField label={t('siteForm.street')} testId="site-street" {...fields.street} />
      <div className="edit-form__row">
        <TextField label={t('siteForm.postcode')} testId="site-postcode" placeholder="722 15" {...fields.postcode} />
        <TextField label={t('siteForm.city')} testId="site-city" {...fields.city} />
      </div>
      <TextField label={t('siteForm.municipality')} testId="site-municipality" {...fields.municipality} />
      <TextField label={t('siteForm.addressRef')} testId="site-address-ref" {...fields.addressRef} />
      <SelectField
        label={t('siteForm.contract')}
        testId="site-contract"
        options={contractOptions}
        {...fields.contractId}
      />
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="site" />
    </form>
  );
}
