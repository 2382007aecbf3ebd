import type { SiteDetail } from '@arc/shared/directory';
import type { AlarmEventCount } from '@arc/shared/rules';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/i18n/format';
import { DetailSection } from './detail-section';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** The contract's alarm events this year against its yearly quota (docs/domain.md section 4). */
export function AlarmEventsSection({ detail }: { detail: SiteDetail }) {
  const { t } = useTranslation('directory');
  const events = detail.alarmEvents;
  return (
    <DetailSection title={t('alarmEvents.title')} testId="detail-alarm-events">
      {events === null ? (
        <p className="muted" data-testid="ae-none">
          {t('alarmEvents.noContract')}
        </p>
      ) : (
        <AlarmEventCountView events={events} />
      )}
    </DetailSection>
  );
}

function AlarmEventCountView({ events }: { events: AlarmEventCount }) {
  const { t } = useTranslation('directory');
  const year = String(events.year);
  return (
    <>
      <p className="alarm-events__total">
        <span data-testid="ae-count">{t('alarmEvents.count', { count: events.count, quota: events.quota })}</span>{' '}
        {t('alarmEvents.total', { year, contractNo: events.contractNo })}
        {events.overQuota && (
          <span className="tag tag--danger" data-testid="ae-over-quota">
            {t('alarmEvents.overQuota', { excess: events.count - events.quota })}
          </span>
        )}
      </p>
      <table className="detail-table alarm-events__months" aria-label={t('alarmEvents.perMonth', { year })}>
        <thead>
          <tr>
            {MONTHS.map((month) => (
              <th key={month} scope="col">
                {t(`alarmEvents.month.${month}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {MONTHS.map((month, index) => (
              <td key={month} data-testid="ae-month">
                {formatNumber(events.byMonth[index] ?? 0)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </>
  );
}
