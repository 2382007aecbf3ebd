import { useNow } from '../../../hooks/use-now';
import { useSupervisorStore } from '../store/supervisor-store';
import { formatSeconds, formatTime } from '../utils/format';

/** Transmitters sending so often that their signals are held back (runaway), until when. */
export function RunawaysPanel() {
  const runaways = useSupervisorStore((state) => state.snapshot?.runaways);
  if (!runaways) return null;
  return (
    <section className="supervisor-panel" aria-labelledby="sv-runaways-title" data-testid="runaways-panel">
      <h3 className="supervisor-panel__title" id="sv-runaways-title">
        Runaway transmitters <span className="supervisor-panel__note">{runaways.length}</span>
      </h3>
      {runaways.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list supervisor-list">
          {runaways.map((r) => (
            <li key={r.transmitterId} data-testid="runaway-row">
              <span className="mono">{r.account}</span> {r.siteName}{' '}
              <span className="muted">until {formatTime(r.until)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Transmitters whose periodic test signal is overdue (supervision failed), and since when. */
export function MissingTestsPanel() {
  const missing = useSupervisorStore((state) => state.snapshot?.missingTests);
  const now = useNow();
  if (!missing) return null;
  return (
    <section className="supervisor-panel" aria-labelledby="sv-missing-title" data-testid="missing-tests-panel">
      <h3 className="supervisor-panel__title" id="sv-missing-title">
        Missing test signals <span className="supervisor-panel__note">{missing.length}</span>
      </h3>
      {missing.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list supervisor-list">
          {missing.map((m) => (
            <li key={m.transmitterId} data-testid="missing-test-row">
              <span className="mono">{m.account}</span> {m.siteName}{' '}
              <span className="muted">
                since {formatTime(m.since)} ({formatSeconds((now - Date.parse(m.since)) / 1000)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
