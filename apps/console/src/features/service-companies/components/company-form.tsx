import { ServiceCompanyInputSchema, type ServiceCompany } from '@arc/shared/directory';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormError, TextField } from '../../../components/form-field';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { createCompany, updateCompany, type CompanyBody } from '../api/service-companies-api';
import { useFocusFirst } from '../hooks/use-focus-first';
import { useCompanyCache } from '../hooks/use-service-companies';
import { withCompanyWords } from '../utils/company-words';

const COMPANY_SCHEMA = withCompanyWords<CompanyBody>(ServiceCompanyInputSchema);

export interface CompanyFormProps {
  /** null for a new company. */
  company: ServiceCompany | null;
  onSaved: (company: ServiceCompany) => void;
  onCancel: () => void;
}

/** A company's name and organisation number (its sites are kept; they are edited on its page). */
export function CompanyForm({ company, onSaved, onCancel }: CompanyFormProps) {
  const { t } = useTranslation(['serviceCompanies', 'common']);
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirst(ref);
  const cache = useCompanyCache();
  const [name, setName] = useState(company?.name ?? '');
  const [orgNo, setOrgNo] = useState(company?.orgNo ?? '');
  const saved = useRef<ServiceCompany | null>(null);
  const form = useSchemaForm<CompanyBody>(COMPANY_SCHEMA, async (value) => {
    saved.current = company ? await updateCompany(company.id, value) : await createCompany(value);
    cache.put(saved.current);
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = { name, orgNo: orgNo.trim() === '' ? null : orgNo, siteIds: company?.siteIds ?? [] };
    if ((await form.submit(candidate)) && saved.current) onSaved(saved.current);
  };

  return (
    <form
      ref={ref}
      className="edit-form"
      aria-labelledby={titleId}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      data-testid="company-form"
    >
      <h4 id={titleId} className="registry-form-title">
        {company ? t('companyForm.editTitle', { name: company.name }) : t('companyForm.newTitle')}
      </h4>
      <div className="edit-form__row">
        <TextField
          label={t('companyForm.name')}
          testId="company-name"
          autoComplete="off"
          value={name}
          onChange={setName}
          error={form.errors.name}
        />
        <TextField
          label={t('companyForm.orgNo')}
          testId="company-org-no"
          autoComplete="off"
          value={orgNo}
          onChange={setOrgNo}
          error={form.errors.orgNo}
          hint={t('companyForm.orgNoHint')}
        />
      </div>
      <FormError message={form.formError} testId="company-form-error" />
      <FormActions
        pending={form.pending}
        onCancel={onCancel}
        testIdPrefix="company"
        saveLabel={company ? t('companyForm.save') : t('companyForm.create')}
      />
    </form>
  );
}
