import type { Approval, Person, ServiceCompany } from '@arc/shared/directory';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-field';
import { describeRequestError } from '../../../utils/form-errors';
import { removeApproval } from '../api/service-companies-api';
import { useCompanyCache } from '../hooks/use-service-companies';
import { byEnd, lapseStatus } from '../utils/lapse-status';
import { ApprovalForm } from './approval-form';
import { ConfirmBox } from './confirm-box';
import { LapseBadge } from './lapse-badge';

export interface ApprovalsSectionProps {
  company: ServiceCompany;
  installers: readonly Person[];
  installersLoaded: boolean;
  canEdit: boolean;
  today: string;
}

/** The company's approvals (police approval, fire certificate), the soonest to lapse first, with warnings. */
export function ApprovalsSection({ company, installers, installersLoaded, canEdit, today }: ApprovalsSectionProps) {
  const { t } = useTranslation(['serviceCompanies', 'common']);
  const headingId = useId();
  const cache = useCompanyCache();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Approval | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const approvals = [...company.approvals].sort(byEnd);

  const holder = (personId: string | null) => {
    if (personId === null) return t('approvals.wholeCompany');
    const person = installers.find((p) => p.id === personId);
    if (person) return person.name;
    return installersLoaded ? t('approvals.unknownInstaller') : t('common:state.loading');
  };

  const remove = async (approval: Approval) => {
    setPending(true);
    setFailure(null);
    try {
      await removeApproval(company.id, approval.id);
      await cache.refresh();
      setRemoving(null);
    } catch (caught) {
      setFailure(`${t('approvals.removeFailed')}: ${describeRequestError(caught).message}`);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="company__part" aria-labelledby={headingId} data-testid="company-approvals">
      <div className="registry-header">
        <h5 id={headingId} className="detail-section__title">
          {t('approvals.title')}
        </h5>
        {canEdit && !adding && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setAdding(true)}
            data-testid="approval-add"
          >
            {t('approvals.add')}
          </button>
        )}
      </div>
      {adding && (
        <ApprovalForm
          company={company}
          installers={installers}
          onSaved={(saved) => {
            cache.put(saved);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {approvals.length === 0 ? (
        <p className="muted">{t('approvals.empty')}</p>
      ) : (
        <table className="detail-table company-table" data-testid="approvals-table">
          <caption className="detail-table__caption">{t('approvals.caption', { name: company.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('approvals.kind')}</th>
              <th scope="col">{t('approvals.reference')}</th>
              <th scope="col">{t('approvals.holder')}</th>
              <th scope="col">{t('approvals.validFrom')}</th>
              <th scope="col">{t('approvals.validTo')}</th>
              <th scope="col">{t('approvals.status')}</th>
              {canEdit && <th scope="col">{t('approvals.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {approvals.map((approval) => {
              const lapse = lapseStatus(approval, today);
              return (
                <tr key={approval.id} data-testid="approval-row" data-approval-id={approval.id} data-lapse={lapse.kind}>
                  <th scope="row">{t(`approvalKind.${approval.kind}`)}</th>
                  <td className="mono">{approval.reference}</td>
                  <td>{holder(approval.personId)}</td>
                  <td>{approval.validFrom ?? t('none')}</td>
                  <td>{approval.validTo ?? t('none')}</td>
                  <td>
                    <LapseBadge status={lapse} testId="approval-lapse" />
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('approvals.removeLabel', { reference: approval.reference })}
                        onClick={() => setRemoving(approval)}
                        data-testid="approval-remove"
                      >
                        {t('approvals.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {removing && (
        <ConfirmBox
          question={t('approvals.removeQuestion', { reference: removing.reference })}
          confirmLabel={t('approvals.remove')}
          pending={pending}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
          testId="approval-remove-confirm"
        />
      )}
      <FormError message={failure} testId="approvals-error" />
    </section>
  );
}
