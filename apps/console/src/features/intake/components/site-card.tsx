import type { SiteDetail } from '@arc/shared/directory';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useIntakeStore } from '../store/intake-store';
import { categoryText, formatDateTime } from '../utils/labels';

/** The call's site: enough to be sure it is the right one, and its transmitters. */
export function SiteCard({ onChange }: { onChange: () => void }) {
  const { t } = useTranslation('intake');
  const { call, detail, status, error, reload } = useIntakeStore(
    useShallow((state) => ({
      call: state.call,
      detail: state.detail,
      status: state.detailStatus,
      error: state.detailError,
      reload: state.reloadDetail,
    })),
  );

  return (
    <section className="detail-section intake__step" aria-labelledby="intake-site-heading" data-testid="intake-site">
      <div className="detail-section__header">
        <h3 id="intake-site-heading" className="detail-section__title">
          {t('site.title')}
        </h3>
        <button className="button button--small" type="button" onClick={onChange} data-testid="intake-change-site">
          {t('site.change')}
        </button>
      </div>
      {detail ? (
        <SiteFacts detail={detail} />
      ) : (
        <p className="intake-site__name" data-testid="intake-site-name">
          {call?.siteName}
        </p>
      )}
      {status === 'loading' && !detail && <p className="muted">{t('site.loading')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {t('site.loadFailed', { error })}{' '}
          <button className="button button--small" type="button" onClick={() => void reload()}>
            {t('site.retry')}
          </button>
        </p>
      )}
    </section>
  );
}

function SiteFacts({ detail }: { detail: SiteDetail }) {
  const { t } = useTranslation('intake');
  const { site, customer, contract } = detail;
  const inForce = detail.serviceModes.filter((mode) => mode.active);
  const customerNo = customer?.customerNo ?? site.customerNo ?? '—';
  const customerName = customer?.name || site.customerName ? (customer?.name ?? site.customerName ?? '') : null;
  return (
    <>
      <p className="intake-site__name" data-testid="intake-site-name">
        {site.name}
      </p>
      <p className="intake-site__address">
        {site.street}, {site.postcode} {site.city} ·{' '}
        <strong className="intake-site__municipality" data-testid="intake-site-municipality">
          {t('site.municipality', { municipality: site.municipality })}
        </strong>
        {site.addressRef && <span className="muted"> · {t('site.addressRef', { ref: site.addressRef })}</span>}
      </p>
      <p className="muted">
        {customerName !== null
          ? t('site.customerNamed', { customerNo, name: customerName })
          : t('site.customer', { customerNo })}{' '}
        · {t('site.contract', { contractNo: contract?.contractNo ?? site.contractNo ?? '—' })}
      </p>
      {detail.transmitters.length === 0 ? (
        <p className="muted">{t('site.noTransmitters')}</p>
      ) : (
        <ul className="plain-list intake-transmitters" aria-label={t('site.transmitters')}>
          {detail.transmitters.map((transmitter) => {
            const modes = inForce.filter((mode) => mode.transmitterId === transmitter.id);
            return (
              <li key={transmitter.id} data-testid="intake-transmitter" data-account={transmitter.account}>
                <span className="mono">{transmitter.account}</span>{' '}
                {transmitter.inputCategory ? (
                  <span className="category-badge category-badge--small" data-category={transmitter.inputCategory}>
                    {categoryText(transmitter.inputCategory)}
                  </span>
                ) : (
                  <span className="muted">{t('anyCategory')}</span>
                )}
                {modes.map((mode) => (
                  <span key={mode.id} className="tag tag--service" data-testid="intake-transmitter-service-mode">
                    {t('site.serviceMode', {
                      category: mode.category ? categoryText(mode.category) : t('site.allShort'),
                      endsAt: formatDateTime(mode.endsAt),
                    })}
                  </span>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
