import type { QueueByPriority } from '@arc/shared/supervisor';
import { useTranslation } from 'react-i18next';
import { richMessage } from '../../../components/rich-message';
import { useNow } from '../../../hooks/use-now';
import { formatNumber } from '../../../lib/i18n/format';
import { useSupervisorStore } from '../store/supervisor-store';
import { categoryLabel, formatClockDuration } from '../utils/format';

/**
 * Cases waiting per priority and how long the oldest of each has waited. The age ticks between
 * snapshots (from the time the snapshot arrived) so the screen never looks frozen.
 */
export function QueueCards() {
  const { t } = useTranslation('supervisor');
  const queue = useSupervisorStore((state) => state.snapshot?.queue);
  const receivedAt = useSupervisorStore((state) => state.receivedAt);
  const threshold = useSupervisorStore((state) => state.snapshot?.thresholds.oldestWaitingSeconds);
  const now = useNow();
  if (!queue || receivedAt === null || threshold === undefined) return null;
  const elapsed = Math.max(0, (now - receivedAt) / 1000);
  const total = queue.reduce((sum, q) => sum + q.waiting, 0);
  const sorted = [...queue].sort((a, b) => a.priority - b.priority);

  return (
    <section className="supervisor-panel" aria-labelledby="sv-queue-title">
      <h3 className="supervisor-panel__title" id="sv-queue-title">
        {t('queue.title')} <span className="supervisor-panel__note">{t('queue.total', { count: total })}</span>
      </h3>
      <div className="supervisor-cards">
        {sorted.map((q) => (
          <QueueCard key={q.category} queue={q} elapsed={elapsed} threshold={threshold} />
        ))}
      </div>
    </section>
  );
}

function QueueCard({ queue, elapsed, threshold }: { queue: QueueByPriority; elapsed: number; threshold: number }) {
  const { t } = useTranslation('supervisor');
  const oldest = queue.oldestWaitingSeconds === null ? null : queue.oldestWaitingSeconds + elapsed;
  const late = oldest !== null && oldest >= threshold;
  return (
    <div
      className="supervisor-card"
      data-testid="queue-card"
      data-category={queue.category}
      data-late={late ? 'true' : 'false'}
    >
      <span className="category-badge" data-category={queue.category}>
        {categoryLabel(queue.category)}
      </span>
      <span className="supervisor-card__value" data-testid="queue-card-waiting">
        {formatNumber(queue.waiting)}
      </span>
      <span className="supervisor-card__label">
        {oldest === null
          ? t('queue.noneWaiting')
          : richMessage((m) => t('queue.oldest', { duration: m.duration }), {
              duration: <span data-testid="queue-card-oldest">{formatClockDuration(oldest)}</span>,
            })}
      </span>
    </div>
  );
}
