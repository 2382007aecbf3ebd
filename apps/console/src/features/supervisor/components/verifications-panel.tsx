import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../hooks/use-now';
import { selectFailedLast15m, useSupervisorStore } from '../store/supervisor-store';
import { formatTime, lockedCallers, verificationResultLabel } from '../utils/format';

/**
 * Failed and locked caller verifications: a security matter, so failures pushed by the server
 * show at once, merged with the snapshot's list.
 */
export function VerificationsPanel() {
  const { t } = useTranslation('supervisor');
  const failures = useSupervisorStore((state) => state.failures);
  const snapshotLocked = useSupervisorStore((state) => state.snapshot?.verifications.locked);
  const failedLast15m = useSupervisorStore(selectFailedLast15m);
  const now = useNow();
  const locked = useMemo(() => lockedCallers(snapshotLocked ?? [], failures, now), [snapshotLocked, failures, now]);

  return (
    <section className="supervisor-panel" aria-labelledby="sv-verifications-title" data-testid="verifications-panel">
      <h3 className="supervisor-panel__title" id="sv-verifications-title">
        {t('verifications.title')}{' '}
        <span className="supervisor-panel__note" data-testid="failed-15m">
          {t('verifications.failed15m', { count: failedLast15m })}
        </span>
      </h3>
      {locked.length > 0 && (
        <ul className="plain-list" data-testid="locked-callers">
          {locked.map((a) => (
            <li key={a.id} className="supervisor-locked">
              <span className="tag tag--danger">{t('verifications.locked')}</span>{' '}
              {a.siteName
                ? t('verifications.lockedCallerAtSite', {
                    name: a.person.name,
                    siteName: a.siteName,
                    time: formatTime(a.lockedUntil!),
                  })
                : t('verifications.lockedCaller', { name: a.person.name, time: formatTime(a.lockedUntil!) })}
            </li>
          ))}
        </ul>
      )}
      {failures.length === 0 ? (
        <p className="muted">{t('verifications.none')}</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th>{t('verifications.time')}</th>
              <th>{t('verifications.caller')}</th>
              <th>{t('verifications.site')}</th>
              <th>{t('verifications.result')}</th>
              <th>{t('verifications.operator')}</th>
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
