import type { SiteDetail } from '@arc/shared/directory';
import { useTranslation } from 'react-i18next';
import { approvalKindLabel, formatPeriod } from '../utils/labels';
import { PersonTable } from './authorization-lists-section';
import { DetailSection } from './detail-section';

type Company = SiteDetail['serviceCompanies'][number];

/** Test ids: code, not text. */
const SECTION_ID = 'detail-service-companies';

/** Who may work on the site's installation, and with which approvals. */
export function ServiceCompaniesSection({ detail }: { detail: SiteDetail }) {
  const { t } = useTranslation('access');
  return (
    <DetailSection title={t('companies.title')} testId={SECTION_ID}>
      {detail.serviceCompanies.length === 0 && <p className="muted">{t('companies.none')}</p>}
      {detail.serviceCompanies.map((company) => (
        <CompanyView key={company.id} company={company} />
      ))}
    </DetailSection>
  );
}

function CompanyView({ company }: { company: Company }) {
  const { t } = useTranslation('access');
  const installerName = (personId: string | null) =>
    personId === null
      ? t('companies.wholeCompany')
      : (company.installers.find((p) => p.id === personId)?.name ?? t('companies.installer'));
  return (
    <div className="auth-list" data-testid="service-company">
      <h4 className="auth-list__title">
        {company.name}
        {company.orgNo && <span className="muted"> · {company.orgNo}</span>}
      </h4>
      {company.approvals.length === 0 ? (
        <p className="muted">{t('companies.noApprovals')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('companies.approvalsOf', { name: company.name })}>
          {company.approvals.map((approval) => (
            <li key={approval.id}>
              {approvalKindLabel(approval.kind)} {approval.reference} — {installerName(approval.personId)},{' '}
              {formatPeriod(approval.validFrom, approval.validTo)}
            </li>
          ))}
        </ul>
      )}
      <PersonTable persons={company.installers} />
    </div>
  );
}
