import { useTranslation } from 'react-i18next';
import { useNow } from '../../../hooks/use-now';
import { formatNumber } from '../../../lib/i18n/format';
import { useSupervisorStore } from '../store/supervisor-store';
import { formatSeconds, formatTime } from '../utils/format';

/** Transmitters sending so often that their signals are held back (runaway), until when. */
export function RunawaysPanel() {
  const { t } = useTranslation('supervisor');
  const runaways = useSupervisorStore((state) => state.snapshot?.runaways);
  if (!runaways) return null;
  return (
    <section className="supervisor-panel" aria-labelledby="sv-runaways-title" data-testid="runaways-panel">
      <h3 className="supervisor-panel__title" id="sv-runaways-title">
        {t('transmitters.runawaysTitle')}{' '}
        <span className="supervisor-panel__note">{formatNumber(runaways.length)}</span>
      </h3>
      {runaways.length === 0 ? (
        <p className="muted">{t('transmitters.none')}</p>
      ) : (
        <ul className="plain-list supervisor-list">
          {runaways.map((r) => (
            <li key={r.transmitterId} data-testid="runaway-row">
              <span className="mono">{r.account}</span> {r.siteName}{' '}
              <span className="muted">{t('transmitters.until', { time: formatTime(r.until) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Transmitters whose periodic test signal is overdue (supervision failed), and since when. */
export function MissingTestsPanel() {
  const { t } = useTranslation('supervisor');
  const missing = useSupervisorStore((state) => state.snapshot?.missingTests);
  const now = useNow();
  if (!missing) return null;
  return (
    <section className="supervisor-panel" aria-labelledby="sv-missing-title" data-testid="missing-tests-panel">
      <h3 className="supervisor-panel__title" id="sv-missing-title">
        {t('transmitters.missingTitle')} <span className="supervisor-panel__note">{formatNumber(missing.length)}</span>
      </h3>
      {missing.length === 0 ? (
        <p className="muted">{t('transmitters.none')}</p>
      ) : (
        <ul className="plain-list supervisor-list">
          {missing.map((m) => (
            <li key={m.transmitterId} data-testid="missing-test-row">
              <span className="mono">{m.account}</span> {m.siteName}{' '}
              <span className="muted">
                {t('transmitters.since', {
                  time: formatTime(m.since),
                  duration: formatSeconds((now - Date.parse(m.since)) / 1000),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
