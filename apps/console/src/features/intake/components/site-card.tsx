import type { SiteDetail } from '@arc/shared/directory';
import { useShallow } from 'zustand/react/shallow';
import { useIntakeStore } from '../store/intake-store';
import { formatDateTime } from '../utils/labels';

/** The call's site: enough to be sure it is the right one, and its transmitters. */
export function SiteCard({ onChange }: { onChange: () => void }) {
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
          1 · Site
        </h3>
        <button className="button button--small" type="button" onClick={onChange} data-testid="intake-change-site">
          Change site
        </button>
      </div>
      {detail ? (
        <SiteFacts detail={detail} />
      ) : (
        <p className="intake-site__name" data-testid="intake-site-name">
          {call?.siteName}
        </p>
      )}
      {status === 'loading' && !detail && <p className="muted">Loading the site…</p>}
      {error && (
        <p className="form-error" role="alert">
          The site could not be loaded: {error}{' '}
          <button className="button button--small" type="button" onClick={() => void reload()}>
            Retry
          </button>
        </p>
      )}
    </section>
  );
}

function SiteFacts({ detail }: { detail: SiteDetail }) {
  const { site, customer, contract } = detail;
  const inForce = detail.serviceModes.filter((mode) => mode.active);
  return (
    <>
      <p className="intake-site__name" data-testid="intake-site-name">
        {site.name}
      </p>
      <p className="intake-site__address">
        {site.street}, {site.postcode} {site.city} ·{' '}
        <strong className="intake-site__municipality" data-testid="intake-site-municipality">
          {site.municipality} municipality
        </strong>
        {site.addressRef && <span className="muted"> · ref. {site.addressRef}</span>}
      </p>
      <p className="muted">
        Customer {customer?.customerNo ?? site.customerNo ?? '—'}
        {customer?.name || site.customerName ? ` (${customer?.name ?? site.customerName})` : ''} · Contract{' '}
        {contract?.contractNo ?? site.contractNo ?? '—'}
      </p>
      {detail.transmitters.length === 0 ? (
        <p className="muted">No transmitters.</p>
      ) : (
        <ul className="plain-list intake-transmitters" aria-label="Transmitters">
          {detail.transmitters.map((transmitter) => {
            const modes = inForce.filter((mode) => mode.transmitterId === transmitter.id);
            return (
              <li key={transmitter.id} data-testid="intake-transmitter" data-account={transmitter.account}>
                <span className="mono">{transmitter.account}</span>{' '}
                {transmitter.inputCategory ? (
                  <span className="category-badge category-badge--small" data-category={transmitter.inputCategory}>
                    {transmitter.inputCategory}
                  </span>
                ) : (
                  <span className="muted">any category</span>
                )}
                {modes.map((mode) => (
                  <span key={mode.id} className="tag tag--service" data-testid="intake-transmitter-service-mode">
                    SERVICE MODE {mode.category ?? 'all'} until {formatDateTime(mode.endsAt)}
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
