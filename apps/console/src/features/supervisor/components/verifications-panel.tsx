import { useMemo } from 'react';
import { useNow } from '../../../hooks/use-now';
import { selectFailedLast15m, useSupervisorStore } from '../store/supervisor-store';
import { formatTime, lockedCallers, verificationResultLabel } from '../utils/format';

/**
 * Failed and locked caller verifications: a security matter, so failures pushed by the server
 * show at once, merged with the snapshot's list.
 */
export function VerificationsPanel() {
  const failures = useSupervisorStore((state) => state.failures);
  const snapshotLocked = useSupervisorStore((state) => state.snapshot?.verifications.locked);
  const failedLast15m = useSupervisorStore(selectFailedLast15m);
  const now = useNow();
  const locked = useMemo(() => lockedCallers(snapshotLocked ?? [], failures, now), [snapshotLocked, failures, now]);

  return (
    <section className="supervisor-panel" aria-labelledby="sv-verifications-title" data-testid="verifications-panel">
      <h3 className="supervisor-panel__title" id="sv-verifications-title">
        Caller verifications{' '}
        <span className="supervisor-panel__note" data-testid="failed-15m">
          {failedLast15m} failed in 15 min
        </span>
      </h3>
      {locked.length > 0 && (
        <ul className="plain-list" data-testid="locked-callers">
          {locked.map((a) => (
            <li key={a.id} className="supervisor-locked">
              <span className="tag tag--danger">Locked</span> {a.person.name}
              {a.siteName ? ` at ${a.siteName}` : ''} until {formatTime(a.lockedUntil!)}
            </li>
          ))}
        </ul>
      )}
      {failures.length === 0 ? (
        <p className="muted">No failed verifications.</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Caller</th>
              <th>Site</th>
              <th>Result</th>
              <th>Operator</th>
            </tr>
          </thead>
          <tbody>
            {failures.map((a) => (
              <tr key={a.id} data-testid="failure-row" data-result={a.result}>
                <td className="mono">{formatTime(a.at)}</td>
                <td>{a.person.name}</td>
                <td>{a.siteName ?? '—'}</td>
                <td>{verificationResultLabel(a.result)}</td>
                <td>{a.operator.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
