import type { AcceptTimeFigures } from '@arc/shared/supervisor';
import { useSupervisorStore } from '../store/supervisor-store';
import { complianceStatus, formatSeconds, formatShare, formatTarget } from '../utils/format';

const WINDOWS = [
  { key: 'last15m', label: 'Last 15 min' },
  { key: 'last1h', label: 'Last hour' },
  { key: 'today', label: 'Today' },
] as const;

/** Accept time (queued → taken) percentiles and compliance with each target, per window. */
export function AcceptTimeCards() {
  const acceptTimes = useSupervisorStore((state) => state.snapshot?.acceptTimes);
  if (!acceptTimes) return null;
  return (
    <section className="supervisor-panel" aria-labelledby="sv-accept-title">
      <h3 className="supervisor-panel__title" id="sv-accept-title">
        Accept time <span className="supervisor-panel__note">from queued to taken by an operator</span>
      </h3>
      <div className="supervisor-cards">
        {WINDOWS.map(({ key, label }) => (
          <AcceptTimeCard key={key} window={key} label={label} figures={acceptTimes[key]} />
        ))}
      </div>
    </section>
  );
}

function AcceptTimeCard({ window, label, figures }: { window: string; label: string; figures: AcceptTimeFigures }) {
  return (
    <div className="supervisor-card supervisor-card--wide" data-testid="accept-card" data-window={window}>
      <div className="supervisor-card__head">
        <span className="supervisor-card__name">{label}</span>
        <span className="muted" data-testid="accept-count">
          {figures.count} accepted
        </span>
      </div>
      <dl className="supervisor-percentiles">
        <div>
          <dt>p50</dt>
          <dd>{formatSeconds(figures.p50)}</dd>
        </div>
        <div>
          <dt>p90</dt>
          <dd>{formatSeconds(figures.p90)}</dd>
        </div>
        <div>
          <dt>p99</dt>
          <dd>{formatSeconds(figures.p99)}</dd>
        </div>
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
                {status === 'met' ? 'Met' : status === 'missed' ? 'Not met' : 'No cases'}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
