import type { SiteDetail } from '@arc/shared/directory';
import { approvalKindLabel, formatPeriod } from '../utils/labels';
import { PersonTable } from './authorization-lists-section';
import { DetailSection } from './detail-section';

type Company = SiteDetail['serviceCompanies'][number];

/** Who may work on the site's installation, and with which approvals. */
export function ServiceCompaniesSection({ detail }: { detail: SiteDetail }) {
  return (
    <DetailSection title="Service companies" testId="detail-service-companies">
      {detail.serviceCompanies.length === 0 && <p className="muted">No service company.</p>}
      {detail.serviceCompanies.map((company) => (
        <CompanyView key={company.id} company={company} />
      ))}
    </DetailSection>
  );
}

function CompanyView({ company }: { company: Company }) {
  const installerName = (personId: string | null) =>
    personId === null ? 'whole company' : (company.installers.find((p) => p.id === personId)?.name ?? 'installer');
  return (
    <div className="auth-list" data-testid="service-company">
      <h4 className="auth-list__title">
        {company.name}
        {company.orgNo && <span className="muted"> · {company.orgNo}</span>}
      </h4>
      {company.approvals.length === 0 ? (
        <p className="muted">No approvals registered.</p>
      ) : (
        <ul className="plain-list" aria-label={`Approvals of ${company.name}`}>
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
