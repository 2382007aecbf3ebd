import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sortByText } from '../../../lib/i18n/format';
import { centreToday } from '../../../utils/time';
import { messageOf } from '../../../utils/request-state';
import { useCompanies } from '../hooks/use-service-companies';
import { LAPSE_WARNING_DAYS, lapseCounts } from '../utils/lapse-status';
import { CompanyDetail } from './company-detail';
import { CompanyForm } from './company-form';

type Mode = { kind: 'view' } | { kind: 'new' } | { kind: 'edit' };

/**
 * The administration view's service companies: the list (by name, with approvals that lapse soon
 * or have lapsed counted), and a company's sites, installers (persons on its own authorization
 * list, with their validity) and approvals with expiry warnings. Supervisors read; administrators
 * create, edit and delete.
 */
export function ServiceCompaniesScreen({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['serviceCompanies', 'common']);
  const headingId = useId();
  const query = useCompanies();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const companies = useMemo(() => sortByText(query.data?.items ?? [], (c) => c.name), [query.data]);
  const selected = companies.find((c) => c.id === selectedId) ?? null;
  const today = centreToday();

  const choose = (id: string) => {
    setSelectedId(id);
    setMode({ kind: 'view' });
  };
  const showDetail = () => setMode({ kind: 'view' });
  const startNew = () => setMode({ kind: 'new' });
  const startEdit = () => setMode({ kind: 'edit' });

  return (
    <section
      className="admin-section company-admin"
      data-testid="admin-service-companies"
      data-can-edit={canEdit}
      aria-labelledby={headingId}
    >
      <div className="registry-header">
        <h3 id={headingId} className="registry-title">
          {t('heading')}
        </h3>
        {canEdit && (
          <button type="button" className="button button--primary" onClick={startNew} data-testid="company-new">
            {t('new')}
          </button>
        )}
      </div>
      <p className="muted">{t('intro', { days: LAPSE_WARNING_DAYS })}</p>
      {query.isPending && <p className="muted">{t('common:state.loading')}</p>}
      {query.isError && (
        <div className="form-error" role="alert" data-testid="companies-load-error">
          {t('loadFailed', { message: messageOf(query.error, t('requestFailed')) })}{' '}
          <button type="button" className="button button--small" onClick={() => void query.refetch()}>
            {t('common:action.retry')}
          </button>
        </div>
      )}
      {query.isSuccess && companies.length === 0 && mode.kind !== 'new' && <p className="muted">{t('empty')}</p>}
      <div className="registry-split">
        {companies.length > 0 && (
          <ul className="registry-list" aria-label={t('listLabel')} data-testid="company-list">
            {companies.map((company) => {
              const counts = lapseCounts(company.approvals, today);
              return (
                <li key={company.id}>
                  <button
                    type="button"
                    className="registry-list__item"
                    aria-current={company.id === selectedId ? 'true' : undefined}
                    onClick={() => choose(company.id)}
                    data-testid="company-item"
                    data-company-id={company.id}
                  >
                    <span className="registry-list__name">{company.name}</span>
                    {company.orgNo && <span className="registry-list__meta mono">{company.orgNo}</span>}
                    {counts.expired > 0 && (
                      <span className="lapse lapse--expired" data-testid="company-expired">
                        <span className="lapse__icon" aria-hidden="true">
                          ✖
                        </span>
                        {t('warnings.expired', { count: counts.expired })}
                      </span>
                    )}
                    {counts.expiring > 0 && (
                      <span className="lapse lapse--expiring" data-testid="company-expiring">
                        <span className="lapse__icon" aria-hidden="true">
                          ⚠
                        </span>
                        {t('warnings.expiring', { count: counts.expiring, days: LAPSE_WARNING_DAYS })}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="registry-split__detail">
          {mode.kind === 'new' && canEdit && (
            <CompanyForm company={null} onSaved={(saved) => choose(saved.id)} onCancel={showDetail} />
          )}
          {mode.kind === 'edit' && canEdit && selected && (
            <CompanyForm company={selected} onSaved={(saved) => choose(saved.id)} onCancel={showDetail} />
          )}
          {mode.kind === 'view' && selected && (
            <CompanyDetail
              key={selected.id}
              company={selected}
              canEdit={canEdit}
              today={today}
              onEdit={startEdit}
              onDeleted={() => setSelectedId(null)}
            />
          )}
          {mode.kind === 'view' && !selected && companies.length > 0 && <p className="muted">{t('chooseHint')}</p>}
        </div>
      </div>
    </section>
  );
}
