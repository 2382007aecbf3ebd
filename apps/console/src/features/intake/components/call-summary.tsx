import { useIntakeStore } from '../store/intake-store';
import { formatClock, formatDateTime, outcomeLabel } from '../utils/labels';

/** The ended call as the server recorded it: site, caller, outcome and the call's own record. */
export function CallSummary() {
  const call = useIntakeStore((state) => state.call);
  if (!call?.endedAt) return null;
  return (
    <section className="detail-section" aria-label="Ended call" data-testid="intake-summary">
      <p>
        Call ended {formatDateTime(call.endedAt)} after{' '}
        <span className="mono">{formatClock(Date.parse(call.endedAt) - Date.parse(call.startedAt))}</span>.
      </p>
      <dl className="facts">
        <dt>Site</dt>
        <dd>{call.siteName ?? '—'}</dd>
        <dt>Caller</dt>
        <dd>
          {call.caller ? `${call.caller.name} (level ${call.caller.level})` : '—'}
          {call.caller && !call.verified && ' — not verified'}
        </dd>
        <dt>Outcome</dt>
        <dd data-testid="intake-summary-outcome" data-outcome={call.outcome ?? ''}>
          {call.outcome ? outcomeLabel(call.outcome) : '—'}
        </dd>
      </dl>
      {call.note && (
        <pre className="intake-summary__note" data-testid="intake-summary-note">
          {call.note}
        </pre>
      )}
    </section>
  );
}
