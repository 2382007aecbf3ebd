import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupervisorStore } from '../store/supervisor-store';
import { historySummary } from '../utils/chart-data';

// The chart library is only needed here: loaded when a supervisor opens the screen.
const HistoryChart = lazy(() => import('./history-chart').then((m) => ({ default: m.HistoryChart })));

export function HistoryPanel() {
  const { t } = useTranslation('supervisor');
  const history = useSupervisorStore((state) => state.snapshot?.history);
  const targetSeconds = useSupervisorStore((state) => state.snapshot?.thresholds.targets[0]?.withinSeconds ?? 30);
  if (!history) return null;
  return (
    <section className="supervisor-panel" aria-labelledby="sv-history-title">
      <h3 className="supervisor-panel__title" id="sv-history-title">
        {t('history.title')}
      </h3>
      <figure className="supervisor-chart">
        <Suspense fallback={<div className="supervisor-chart__canvas muted">{t('history.loadingChart')}</div>}>
          <HistoryChart history={history} targetSeconds={targetSeconds} />
        </Suspense>
        <figcaption className="muted" data-testid="history-summary">
          {historySummary(history)}
        </figcaption>
      </figure>
    </section>
  );
}
