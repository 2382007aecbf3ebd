import type { CaseDetail, CaseTimes } from '@arc/shared/case-handling';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDelta, formatTime } from '../utils/labels';
import { useReadOnlyCaseStore } from '../store/read-only-case-store';
import { CaseSection } from './case-section';
import { caseTitle } from '../../../utils/case-title';
import { eventLabel } from '../../../utils/event-label';
import { resultLabel } from '../../../utils/labels';

/** The times in the order they happen; each is labelled by its own key (case:times.<key>). */
const TIME_ROWS: readonly (keyof CaseTimes)[] = [
  'signalReceivedAt',
  'queuedAt',
  'firstPresentedAt',
  'acceptedAt',
  'firstContactAt',
  'closedAt',
];

/** The times reported to the customer (ZR0001/ZR0002), each with its distance from the first signal. */
export function CaseTimesSection({ times }: { times: CaseTimes }) {
  const { t } = useTranslation(['case', 'queue']);
  return (
    <CaseSection title={t('times.title')} data-testid="case-times">
      <dl className="facts case-times">
        {TIME_ROWS.map((key) => (
          <div key={key} className="case-times__row" data-testid={`time-${key}`} data-time={times[key] ?? undefined}>
            <dt>{t(`times.${key}`)}</dt>
            <dd>
              {formatDateTime(times[key])}
              {key !== 'signalReceivedAt' && times[key] && (
                <span className="muted"> {formatDelta(times.signalReceivedAt, times[key])}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </CaseSection>
  );
}

export function SiteSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation(['case', 'queue']);
  const { site, transmitters, summary } = detail;
  return (
    <CaseSection title={t('site.title')} data-testid="case-site">
      {site ? (
        <dl className="facts">
          <dt>{t('site.site')}</dt>
          <dd data-testid="case-site-name">{site.name}</dd>
          <dt>{t('site.address')}</dt>
          <dd data-testid="case-site-address">
            {site.street}, {site.postcode} {site.city}
            {site.addressRef && <span className="muted"> · {site.addressRef}</span>}
          </dd>
          <dt>{t('site.municipality')}</dt>
          <dd>{site.municipality}</dd>
          {site.customerName && (
            <>
              <dt>{t('site.customer')}</dt>
              <dd>
                {site.customerName}
                {site.customerNo && <span className="muted"> ({site.customerNo})</span>}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p className="site--unknown">{t('site.unknown', { account: summary.account })}</p>
      )}
      {transmitters.length > 0 && (
        <ul className="plain-list" aria-label={t('site.transmitters')} data-testid="case-transmitters">
          {transmitters.map((transmitter) => (
            <li key={transmitter.id} data-testid="case-transmitter">
              <span className="mono">{transmitter.account}</span> {transmitter.protocol}
              {transmitter.inputCategory && (
                <span className="muted"> · {t(`queue:badge.${transmitter.inputCategory}`)}</span>
              )}
              {transmitter.encrypted && (
                <span className="tag">
                  {transmitter.requireEncryption ? t('site.encryptionRequired') : t('site.encrypted')}
                </span>
              )}
              {transmitter.runawayUntil && <span className="tag tag--danger">{t('site.runaway')}</span>}
            </li>
          ))}
        </ul>
      )}
    </CaseSection>
  );
}

export function SignalsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation(['case', 'queue']);
  return (
    <CaseSection title={t('signals.title', { count: detail.signals.length })} data-testid="case-signals">
      <table className="detail-table">
        <thead>
          <tr>
            <th scope="col">{t('signals.time')}</th>
            <th scope="col">{t('signals.account')}</th>
            <th scope="col">{t('signals.code')}</th>
            <th scope="col">{t('signals.zone')}</th>
            <th scope="col">{t('signals.text')}</th>
            <th scope="col">{t('signals.description')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.signals.map((signal) => (
            <tr
              key={signal.id}
              data-testid="case-signal"
              data-signal-id={signal.id}
              data-unencrypted={signal.unencryptedFromKeyed ? 'true' : undefined}
            >
              <td>
                <time dateTime={signal.receivedAt} title={formatDateTime(signal.receivedAt)}>
                  {formatTime(signal.receivedAt)}
                </time>
              </td>
              <td className="mono">{signal.account}</td>
              <td className="mono">{signal.code}</td>
              <td data-testid="case-signal-zone" title={signal.zoneLocation ?? undefined}>
                {signal.zone ? (
                  <>
                    <span className="mono">{signal.zone}</span>
                    {signal.zoneName && <span className="zone-name"> — {signal.zoneName}</span>}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>{signal.text ?? ''}</td>
              <td>
                {eventLabel(signal.code, signal.description)}
                {signal.unencryptedFromKeyed && (
                  <span
                    className="tag tag--danger"
                    data-testid="case-signal-unencrypted"
                    title={t('signals.unencryptedTitle')}
                  >
                    {t('signals.unencrypted')}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </CaseSection>
  );
}

export function EarlierCasesSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation(['case', 'queue']);
  return (
    <CaseSection title={t('earlier.title')} data-testid="case-earlier">
      {detail.earlierCases.length === 0 ? (
        <p className="muted">{t('earlier.none')}</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th scope="col">{t('earlier.case')}</th>
              <th scope="col">{t('earlier.category')}</th>
              <th scope="col">{t('earlier.alarm')}</th>
              <th scope="col">{t('earlier.queued')}</th>
              <th scope="col">{t('earlier.result')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.earlierCases.map((earlier) => (
              <tr key={earlier.id} data-testid="earlier-case" data-case-id={earlier.id}>
                <td className="mono">
                  {earlier.closedAt ? (
                    <button
                      type="button"
                      className="link-button mono"
                      title={t('earlier.openReadOnly')}
                      data-testid="earlier-case-open"
                      onClick={() => void useReadOnlyCaseStore.getState().open(earlier.id, 'case')}
                    >
                      {earlier.caseNo}
                    </button>
                  ) : (
                    earlier.caseNo
                  )}
                </td>
                <td>
                  <span className="category-badge category-badge--small" data-category={earlier.category}>
                    {t(`queue:badge.${earlier.category}`)}
                  </span>
                </td>
                <td>{caseTitle(earlier)}</td>
                <td>{formatDateTime(earlier.queuedAt)}</td>
                <td>
                  {earlier.result
                    ? resultLabel(earlier.result)
                    : earlier.closedAt
                      ? t('earlier.closed')
                      : t('earlier.open')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </CaseSection>
  );
}
