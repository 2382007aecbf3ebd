import { type Contract, type ContractInput, ContractInputSchema, type Customer } from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, TextField } from '../../../components/form-field';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { centreToday } from '../../../utils/time';
import { createContract, updateContract } from '../api/customers-api';
import { useFormFocus } from '../hooks/use-form-focus';
import { FormButtons } from './form-buttons';

export interface ContractFormProps {
  customer: Customer;
  /** The contract to change; a new one for `customer` without. */
  initial?: Contract;
  onSaved: (contract: Contract) => void;
  onCancel: () => void;
}

/** "" is no number (the schema then says the field is required); anything else is read as typed. */
function numberOrNothing(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/**
 * Creates or changes a contract: its number, contract manager (avtalsansvarig) and how to reach
 * them, the alarm events a year it includes, and its term. Checked with the server's schema first.
 */
export function ContractForm({ customer, initial, onSaved, onCancel }: ContractFormProps) {
  const { t } = useTranslation(['customers', 'common']);
  const ref = useFormFocus<HTMLFormElement>();
  const [contractNo, setContractNo] = useState(initial?.contractNo ?? '');
  const [managerName, setManagerName] = useState(initial?.managerName ?? '');
  const [managerPhone, setManagerPhone] = useState(initial?.managerPhone ?? '');
  const [managerEmail, setManagerEmail] = useState(initial?.managerEmail ?? '');
  const [quota, setQuota] = useState(initial ? String(initial.yearlyEventQuota) : '');
  const [startDate, setStartDate] = useState(initial?.startDate ?? centreToday());
  const [termMonths, setTermMonths] = useState(initial ? String(initial.termMonths) : '12');
  const form = useSchemaForm(ContractInputSchema, async (input: ContractInput) => {
    onSaved(initial ? await updateContract(initial.id, input) : await createContract(input));
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      contractNo,
      customerId: customer.id,
      managerName,
      managerPhone: orNull(managerPhone),
      managerEmail: orNull(managerEmail),
      yearlyEventQuota: numberOrNothing(quota),
      startDate,
      termMonths: numberOrNothing(termMonths),
    });
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
      aria-label={
        initial
          ? t('contracts.formEdit', { contractNo: initial.contractNo })
          : t('contracts.formNew', { name: customer.name })
      }
      data-testid="contract-form"
    >
      <div className="edit-form__row">
        <TextField
          label={t('contracts.fieldContractNo')}
          testId="contract-no"
          value={contractNo}
          onChange={setContractNo}
          error={form.errors.contractNo}
        />
        <TextField
          label={t('contracts.managerName')}
          testId="contract-manager-name"
          value={managerName}
          onChange={setManagerName}
          error={form.errors.managerName}
        />
      </div>
      <div className="edit-form__row">
        <TextField
          label={t('contracts.managerPhone')}
          testId="contract-manager-phone"
          type="tel"
          value={managerPhone}
          onChange={setManagerPhone}
          error={form.errors.managerPhone}
          hint={t('contracts.optional')}
        />
        <TextField
          label={t('contracts.managerEmail')}
          testId="contract-manager-email"
          type="email"
          value={managerEmail}
          onChange={setManagerEmail}
          error={form.errors.managerEmail}
          hint={t('contracts.optional')}
        />
      </div>
      <div className="edit-form__row">
        <TextField
          label={t('contracts.yearlyEventQuota')}
          testId="contract-quota"
          type="number"
          min={0}
          value={quota}
          onChange={setQuota}
          error={form.errors.yearlyEventQuota}
        />
        <TextField
          label={t('contracts.startDate')}
          testId="contract-start"
          type="date"
          value={startDate}
          onChange={setStartDate}
          error={form.errors.startDate}
        />
        <TextField
          label={t('contracts.termMonthsField')}
          testId="contract-term"
          type="number"
          min={1}
          max={600}
          value={termMonths}
          onChange={setTermMonths}
          error={form.errors.termMonths}
        />
      </div>
      <FormError message={form.errors.customerId ?? form.formError} testId="contract-form-error" />
      <FormButtons pending={form.pending} onCancel={onCancel} testIdPrefix="contract" />
    </form>
  );
}
