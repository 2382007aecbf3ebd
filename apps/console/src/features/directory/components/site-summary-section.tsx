import type { SiteDetail } from '@arc/shared/directory';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteSite, unarchiveSite, updateSite } from '../api/directory-api';
import { useDirectoryStore } from '../store/directory-store';
import { ConfirmButton, DetailSection } from './detail-section';
import { SiteFormContainer } from './site-form-container';

export interface SiteSummarySectionProps {
  detail: SiteDetail;
  canEdit: boolean;
}

/** Site, address, contract, customer and contract manager. */
export function SiteSummarySection({ detail, canEdit }: SiteSummarySectionProps) {
  const { t } = useTranslation('directory');
  const [editing, setEditing] = useState(false);
  const { site, contract, customer } = detail;
  const mutate = useDirectoryStore((state) => state.mutate);

  const remove = async () => {
    const archived = await deleteSite(site.id);
    // 204: the site is gone; 200: it had history and was archived instead.
    if (archived === undefined) useDirectoryStore.getState().closeSite();
    else await useDirectoryStore.getState().reloadDetail();
  };

  const actions = canEdit && !editing && (
    <span className="detail-section__actions">
      <button className="button button--small" type="button" onClick={() => setEditing(true)} data-testid="site-edit">
        {t('summary.edit')}
      </button>
      {site.archivedAt ? (
        <button
          className="button button--small"
          type="button"
          onClick={() => void mutate(() => unarchiveSite(site.id))}
          data-testid="site-unarchive"
        >
          {t('summary.unarchive')}
        </button>
      ) : (
        <ConfirmButton
          label={t('summary.delete')}
          confirmLabel={t('summary.deleteConfirm')}
          onConfirm={remove}
          testId="site-delete"
        />
      )}
    </span>
  );

  return (
    <DetailSection title={t('summary.title')} testId="detail-site" actions={actions}>
      {editing ? (
        <SiteFormContainer
          initial={site}
          onCancel={() => setEditing(false)}
          onSave={async (input) => {
            await mutate(() => updateSite(site.id, input));
            setEditing(false);
          }}
        />
      ) : (
        <dl className="facts">
          <dt>{t('summary.address')}</dt>
          <dd data-testid="detail-address">
            {site.street}, {site.postcode} {site.city}
          </dd>
          <dt>{t('summary.municipality')}</dt>
          <dd data-testid="detail-municipality">{site.municipality}</dd>
          <dt>{t('summary.addressRef')}</dt>
          <dd>{site.addressRef ?? '—'}</dd>
          <dt>{t('summary.contract')}</dt>
          <dd data-testid="detail-contract">
            {contract
              ? t('summary.contractValue', { contractNo: contract.contractNo, quota: contract.yearlyEventQuota })
              : t('summary.noContract')}
          </dd>
          <dt>{t('summary.customer')}</dt>
          <dd data-testid="detail-customer">
            {customer ? `${customer.customerNo} ${customer.name}${customer.orgNo ? ` · ${customer.orgNo}` : ''}` : '—'}
          </dd>
          <dt>{t('summary.contractManager')}</dt>
          <dd>
            {contract
              ? [contract.managerName, contract.managerPhone, contract.managerEmail].filter(Boolean).join(' · ')
              : '—'}
          </dd>
        </dl>
      )}
    </DetailSection>
  );
}
