import { useTranslation } from 'react-i18next';
import { messageOf } from '../../../utils/request-state';
import { useAlarmEvents } from '../hooks/use-customers';

/**
 * The contract's alarm events this year against its quota. Over the quota is said in words
 * ("Over quota by 3"), not by colour alone; under it, what is left.
 */
export function AlarmEventsCell({ contractId }: { contractId: string }) {
  const { t } = useTranslation(['customers', 'common']);
  const events = useAlarmEvents(contractId);
  if (events.isError) {
    return (
      <span className="muted" data-testid="contract-events">
        {t('contracts.eventsFailed', { error: messageOf(events.error, t('failed')) })}
      </span>
    );
  }
  if (!events.data) {
    return (
      <span className="muted" data-testid="contract-events">
        {t('contracts.eventsLoading')}
      </span>
    );
  }
  const { count, quota, year } = events.data;
  return (
    <span data-testid="contract-events" data-over-quota={events.data.overQuota}>
      {t('contracts.eventsValue', { count, quota, year })}{' '}
      {events.data.overQuota ? (
        <strong className="tag tag--danger" data-testid="contract-over-quota">
          {t('contracts.overQuota', { excess: count - quota })}
        </strong>
      ) : count === quota ? (
        <span className="tag tag--warn" data-testid="contract-at-quota">
          {t('contracts.atQuota')}
        </span>
      ) : (
        <span className="muted" data-testid="contract-within-quota">
          {t('contracts.withinQuota', { left: quota - count })}
        </span>
      )}
    </span>
  );
}
