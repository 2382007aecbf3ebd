import { useTranslation } from 'react-i18next';
import { useIntakeStore } from '../store/intake-store';
import { callerWithLevel, formatClock, formatDateTime, outcomeLabel } from '../utils/labels';

/** The ended call as the server recorded it: site, caller, outcome and the call's own record. */
export function CallSummary() {
  const { t } = useTranslation('intake');
  const call = useIntakeStore((state) => state.call);
  if (!call?.endedAt) return null;
  return (
    <section className="detail-section" aria-label={t('summary.label')} data-testid="intake-summary">
      <p>
        {t('summary.endedAfter', { endedAt: formatDateTime(call.endedAt) })}{' '}
        <span className="mono">{formatClock(Date.parse(call.endedAt) - Date.parse(call.startedAt))}</span>.
      </p>
      <dl className="facts">
        <dt>{t('summary.site')}</dt>
        <dd>{call.siteName ?? '—'}</dd>
        <dt>{t('summary.caller')}</dt>
        <dd>
          {call.caller ? callerWithLevel(call.caller.name, call.caller.level) : '—'}
          {call.caller && !call.verified && ` ${t('summary.notVerified')}`}
        </dd>
        <dt>{t('summary.outcome')}</dt>
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
