import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/i18n/format';
import { useWaitingCount } from '../hooks/use-queue';

/** Number of cases nobody has accepted yet, for the console header. */
export function QueueCount() {
  const { t } = useTranslation('queue');
  const waiting = useWaitingCount();
  return (
    <div className={waiting > 0 ? 'queue-count queue-count--active' : 'queue-count'} aria-live="polite">
      <span className="queue-count__label">{t('count.waiting')}</span>
      <span className="queue-count__value" data-testid="queue-count">
        {formatNumber(waiting)}
      </span>
    </div>
  );
}
