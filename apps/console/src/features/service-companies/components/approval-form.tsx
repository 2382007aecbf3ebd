import {
  APPROVAL_KINDS,
  ApprovalInputSchema,
  type ApprovalKind,
  type Person,
  type ServiceCompany,
} from '@arc/shared/directory';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { addApproval, type ApprovalBody } from '../api/service-companies-api';
import { useFocusFirst } from '../hooks/use-focus-first';
import { withCompanyWords } from '../utils/company-words';

const APPROVAL_SCHEMA = withCompanyWords<ApprovalBody>(ApprovalInputSchema);
const WHOLE_COMPANY = '';

export interface ApprovalFormProps {
  company: ServiceCompany;
  installers: readonly Person[];
  onSaved: (company: ServiceCompany) => void;
  onCancel: () => void;
}

/** A new approval of the whole company or of one installer, with its reference and validity. */
export function ApprovalForm({ company, installers, onSaved, onCancel }: ApprovalFormProps) {
  const { t } = useTranslation(['serviceCompanies', 'common']);
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirst(ref);
  const [kind, setKind] = useState<ApprovalKind>(APPROVAL_KINDS[0]);
  const [reference, setReference] = useState('');
  const [holder, setHolder] = useState(WHOLE_COMPANY);
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const saved = useRef<ServiceCompany | null>(null);
  const form = useSchemaForm<ApprovalBody>(APPROVAL_SCHEMA, async (value) => {
    saved.current = await addApproval(company.id, value);
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      kind,
      reference,
      personId: holder === WHOLE_COMPANY ? null : holder,
      validFrom: validFrom || null,
      validTo: validTo || null,
    };
    if ((await form.submit(candidate)) && saved.current) onSaved(saved.current);
  };

  return (
    <form
      ref={ref}
      className="edit-form"
      aria-labelledby={titleId}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      data-testid="approval-form"
    >
      <h6 id={titleId} className="registry-form-title">
        {t('approvalForm.title')}
      </h6>
      <div className="edit-form__row">
        <SelectField
          label={t('approvalForm.kind')}
          testId="approval-kind"
          value={kind}
          onChange={(value) => setKind(value as ApprovalKind)}
          options={APPROVAL_KINDS.map((k) => ({ value: k, label: t(`approvalKind.${k}`) }))}
          error={form.errors.kind}
        />
        <TextField
          label={t('approvalForm.reference')}
          testId="approval-reference"
          autoComplete="off"
          value={reference}
          onChange={setReference}
          error={form.errors.reference}
        />
        <SelectField
          label={t('approvalForm.holder')}
          testId="approval-holder"
          value={holder}
          onChange={setHolder}
          options={[
            { value: WHOLE_COMPANY, label: t('approvals.wholeCompany') },
            ...installers.map((p) => ({ value: p.id, label: p.name })),
          ]}
          error={form.errors.personId}
        />
      </div>
      <div className="edit-form__row">
        <TextField
          type="date"
          label={t('approvalForm.validFrom')}
          testId="approval-valid-from"
          value={validFrom}
          onChange={setValidFrom}
          error={form.errors.validFrom}
        />
        <TextField
          type="date"
          label={t('approvalForm.validTo')}
          testId="approval-valid-to"
          value={validTo}
          onChange={setValidTo}
          error={form.errors.validTo}
        />
      </div>
      <FormError message={form.formError} testId="approval-form-error" />
      <FormActions
        pending={form.pending}
        onCancel={onCancel}
        testIdPrefix="approval"
        saveLabel={t('approvalForm.save')}
      />
    </form>
  );
}
