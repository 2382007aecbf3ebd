import type { AcceptTimeFigures } from '@arc/shared/supervisor';
import { useTranslation } from 'react-i18next';
import { useSupervisorStore } from '../store/supervisor-store';
import { complianceStatus, formatSeconds, formatShare, formatTarget } from '../utils/format';

const WINDOWS = ['last15m', 'last1h', 'today'] as const;

const PERCENTILES = [
  { key: 'p50', n: 50 },
  { key: 'p90', n: 90 },
  { key: 'p99', n: 99 },
] as const;

/** Accept time (queued → taken) percentiles and compliance with each target, per window. */
export function AcceptTimeCards() {
  const { t } = useTranslation('supervisor');
  const acceptTimes = useSupervisorStore((state) => state.snapshot?.acceptTimes);
  if (!acceptTimes) return null;
  return (
    <section className="supervisor-panel" aria-labelledby="sv-accept-title">
      <h3 className="supervisor-panel__title" id="sv-accept-title">
        {t('accept.title')} <span className="supervisor-panel__note">{t('accept.note')}</span>
      </h3>
      <div className="supervisor-cards">
        {WINDOWS.map((key) => (
          <AcceptTimeCard key={key} window={key} label={t(`accept.window.${key}`)} figures={acceptTimes[key]} />
        ))}
      </div>
    </section>
  );
}

function AcceptTimeCard({ window, label, figures }: { window: string; label: string; figures: AcceptTimeFigures }) {
  const { t } = useTranslation('supervisor');
  return (
    <div className="supervisor-card supervisor-card--wide" data-testid="accept-card" data-window={window}>
      <div className="supervisor-card__head">
        <span className="supervisor-card__name">{label}</span>
        <span className="muted" data-testid="accept-count">
          {t('accept.count', { count: figures.count })}
        </span>
      </div>
      <dl className="supervisor-percentiles">
        {PERCENTILES.map(({ key, n }) => (
          <div key={key}>
            <dt>{t('accept.percentile', { n })}</dt>
            <dd>{formatSeconds(figures[key])}</dd>
          </div>
        ))}
      </dl>
      <ul className="compliance-list">
        {figures.compliance.map((c) => {
          const status = complianceStatus(c);
          return (
            <li
              key={`${c.target.withinSeconds}-${c.target.share}`}
              className="compliance"
              data-testid="compliance"
              data-status={status}
            >
              <span className="compliance__target">{formatTarget(c.target)}</span>
              <span className="compliance__share">{formatShare(c.share)}</span>
              <span className="compliance__verdict">
                {status === 'met' ? t('accept.met') : status === 'missed' ? t('accept.missed') : t('accept.none')}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
