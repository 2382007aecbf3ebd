import type { ServiceCompany } from '@arc/shared/directory';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-field';
import { sortByText } from '../../../lib/i18n/format';
import { describeRequestError } from '../../../utils/form-errors';
import { deleteCompany } from '../api/service-companies-api';
import { useCompanyCache, useInstallers } from '../hooks/use-service-companies';
import { ApprovalsSection } from './approvals-section';
import { CompanySites } from './company-sites';
import { ConfirmBox } from './confirm-box';
import { InstallersSection } from './installers-section';

export interface CompanyDetailProps {
  company: ServiceCompany;
  canEdit: boolean;
  /** Today in the centre's time zone, YYYY-MM-DD: what the lapse warnings count from. */
  today: string;
  onEdit: () => void;
  onDeleted: () => void;
}

/** One service company: its sites, its installers and its approvals. */
export function CompanyDetail({ company, canEdit, today, onEdit, onDeleted }: CompanyDetailProps) {
  const { t } = useTranslation(['serviceCompanies', 'common']);
  const headingId = useId();
  const cache = useCompanyCache();
  const installersQuery = useInstallers(company.authorizationListId);
  const installers = sortByText(installersQuery.data ?? [], (p) => p.name);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onDelete = async () => {
    setPending(true);
    setError(null);
    try {
      await deleteCompany(company.id);
      await cache.refresh();
      onDeleted();
    } catch (caught) {
      setError(`${t('company.deleteFailed')}: ${describeRequestError(caught).message}`);
      setPending(false);
    }
  };

  return (
    <article className="company" aria-labelledby={headingId} data-testid="company-detail" data-company-id={company.id}>
      <div className="registry-header">
        <h4 id={headingId} className="company__title" data-testid="company-title">
          {company.name}
        </h4>
        {canEdit && (
          <div className="row-actions">
            <button type="button" className="button button--small" onClick={onEdit} data-testid="company-edit">
              {t('company.edit')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => setConfirming(true)}
              disabled={pending}
              data-testid="company-delete"
            >
              {t('company.delete')}
            </button>
          </div>
        )}
      </div>
      {confirming && (
        <ConfirmBox
          question={t('company.deleteQuestion', { name: company.name })}
          confirmLabel={t('company.deleteConfirm')}
          pending={pending}
          onConfirm={() => void onDelete()}
          onCancel={() => setConfirming(false)}
          testId="company-delete-confirm"
        />
      )}
      <FormError message={error} testId="company-error" />
      <dl className="facts">
        <dt>{t('company.orgNo')}</dt>
        <dd className="mono" data-testid="company-org-no-value">
          {company.orgNo ?? t('none')}
        </dd>
      </dl>
      <CompanySites company={company} canEdit={canEdit} />
      <InstallersSection
        company={company}
        installers={installers}
        status={installersQuery.status}
        error={installersQuery.error}
        canEdit={canEdit}
        today={today}
      />
      <ApprovalsSection
        company={company}
        installers={installers}
        installersLoaded={installersQuery.isSuccess}
        canEdit={canEdit}
        today={today}
      />
    </article>
  );
}
