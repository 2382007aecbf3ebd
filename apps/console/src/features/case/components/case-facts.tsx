import type { CaseDetail, CaseTimes } from '@arc/shared/case-handling';
import { formatDateTime, formatDelta, formatTime } from '../utils/labels';
import { useReadOnlyCaseStore } from '../store/read-only-case-store';
import { CaseSection } from './case-section';
import { resultLabel } from '../../../utils/labels';

const TIME_ROWS: readonly { key: keyof CaseTimes; label: string }[] = [
  { key: 'signalReceivedAt', label: 'Received' },
  { key: 'queuedAt', label: 'Queued' },
  { key: 'firstPresentedAt', label: 'Presented' },
  { key: 'acceptedAt', label: 'Accepted' },
  { key: 'firstContactAt', label: 'First contact' },
  { key: 'closedAt', label: 'Closed' },
];

/** The times reported to the customer (ZR0001/ZR0002), each with its distance from the first signal. */
export function CaseTimesSection({ times }: { times: CaseTimes }) {
  return (
    <CaseSection title="Times" testId="case-times">
      <dl className="facts case-times">
        {TIME_ROWS.map(({ key, label }) => (
          <div key={key} className="case-times__row" data-testid={`time-${key}`} data-time={times[key] ?? undefined}>
            <dt>{label}</dt>
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
  const { site, transmitters, summary } = detail;
  return (
    <CaseSection title="Site" testId="case-site">
      {site ? (
        <dl className="facts">
          <dt>Site</dt>
          <dd data-testid="case-site-name">{site.name}</dd>
          <dt>Address</dt>
          <dd data-testid="case-site-address">
            {site.street}, {site.postcode} {site.city}
            {site.addressRef && <span className="muted"> · {site.addressRef}</span>}
          </dd>
          <dt>Municipality</dt>
          <dd>{site.municipality}</dd>
          {site.customerName && (
            <>
              <dt>Customer</dt>
              <dd>
                {site.customerName}
                {site.customerNo && <span className="muted"> ({site.customerNo})</span>}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p className="site--unknown">Unknown transmitter {summary.account}: no site is registered for it.</p>
      )}
      {transmitters.length > 0 && (
        <ul className="plain-list" aria-label="Transmitters" data-testid="case-transmitters">
          {transmitters.map((transmitter) => (
            <li key={transmitter.id} data-testid="case-transmitter">
              <span className="mono">{transmitter.account}</span> {transmitter.protocol}
              {transmitter.inputCategory && <span className="muted"> · {transmitter.inputCategory}</span>}
              {transmitter.encrypted && (
                <span className="tag">{transmitter.requireEncryption ? 'ENCRYPTION REQUIRED' : 'ENCRYPTED'}</span>
              )}
              {transmitter.runawayUntil && <span className="tag tag--danger">RUNAWAY</span>}
            </li>
          ))}
        </ul>
      )}
    </CaseSection>
  );
}

export function SignalsSection({ detail }: { detail: CaseDetail }) {
  return (
    <CaseSection title={`Signals (${detail.signals.length})`} testId="case-signals">
      <table className="detail-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Account</th>
            <th scope="col">Code</th>
            <th scope="col">Zone</th>
            <th scope="col">Text</th>
            <th scope="col">Description</th>
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
                {signal.description}
                {signal.unencryptedFromKeyed && (
                  <span
                    className="tag tag--danger"
                    data-testid="case-signal-unencrypted"
                    title="Unencrypted message from an encrypted transmitter"
                  >
                    UNENCRYPTED
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
  return (
    <CaseSection title="Earlier cases of the site" testId="case-earlier">
      {detail.earlierCases.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Category</th>
              <th scope="col">Alarm</th>
              <th scope="col">Queued</th>
              <th scope="col">Result</th>
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
                      title="Open this closed case read-only"
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
                    {earlier.category}
                  </span>
                </td>
                <td>{earlier.title}</td>
                <td>{formatDateTime(earlier.queuedAt)}</td>
                <td>{earlier.result ? resultLabel(earlier.result) : earlier.closedAt ? 'closed' : 'open'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </CaseSection>
  );
}
