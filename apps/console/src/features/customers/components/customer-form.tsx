import { type Customer, type CustomerInput, CustomerInputSchema } from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, TextField } from '../../../components/form-field';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { createCustomer, updateCustomer } from '../api/customers-api';
import { useFormFocus } from '../hooks/use-form-focus';
import { FormButtons } from './form-buttons';

export interface CustomerFormProps {
  /** The customer to change; a new one without. */
  initial?: Customer;
  onSaved: (customer: Customer) => void;
  onCancel: () => void;
}

/** Creates or changes a customer, checked with the server's own schema before it is sent. */
export function CustomerForm({ initial, onSaved, onCancel }: CustomerFormProps) {
  const { t } = useTranslation(['customers', 'common']);
  const ref = useFormFocus<HTMLFormElement>();
  const [customerNo, setCustomerNo] = useState(initial?.customerNo ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [orgNo, setOrgNo] = useState(initial?.orgNo ?? '');
  const form = useSchemaForm(CustomerInputSchema, async (input: CustomerInput) => {
    onSaved(initial ? await updateCustomer(initial.id, input) : await createCustomer(input));
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ customerNo, name, orgNo: orgNo.trim() === '' ? null : orgNo });
  };

  return (
    <form
      ref={ref}
      className="edit-form admin-form"
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !form.pending) onCancel();
      }}
      noValidate
      aria-label={initial ? t('customer.formEdit', { name: initial.name }) : t('customer.formNew')}
      data-testid="customer-form"
    >
      <div className="edit-form__row">
        <TextField
          label={t('customer.customerNo')}
          testId="customer-no"
          value={customerNo}
          onChange={setCustomerNo}
          error={form.errors.customerNo}
        />
        <TextField
          label={t('customer.name')}
          testId="customer-name"
          value={name}
          onChange={setName}
          error={form.errors.name}
        />
        <TextField
          label={t('customer.orgNo')}
          testId="customer-org-no"
          value={orgNo}
          onChange={setOrgNo}
          error={form.errors.orgNo}
          hint={t('customer.orgNoHint')}
        />
      </div>
      <FormError message={form.formError} testId="customer-form-error" />
      <FormButtons pending={form.pending} onCancel={onCancel} testIdPrefix="customer" />
    </form>
  );
}
