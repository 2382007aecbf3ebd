import { useTranslation } from 'react-i18next';
import { useNow } from '../../../hooks/use-now';
import { formatNumber } from '../../../lib/i18n/format';
import { useSupervisorStore } from '../store/supervisor-store';
import { formatSeconds, formatTime, freshness } from '../utils/format';

/**
 * How old the figures are. Counted on the browser's clock from their arrival, so a wrong clock
 * on either side cannot hide a stale screen; stale turns it red.
 */
export function SnapshotAge() {
  const { t } = useTranslation('supervisor');
  const now = useNow();
  const receivedAt = useSupervisorStore((state) => state.receivedAt);
  const at = useSupervisorStore((state) => state.snapshot?.at);
  if (receivedAt === null || !at) {
    return (
      <span className="snapshot-age" data-testid="snapshot-age" data-freshness="none">
        {t('age.none')}
      </span>
    );
  }
  const ageMs = Math.max(0, now - receivedAt);
  const state = freshness(ageMs);
  return (
    <span
      className="snapshot-age"
      role="status"
      data-testid="snapshot-age"
      data-freshness={state}
      title={t('age.computedAt', { time: formatTime(at) })}
    >
      {state === 'stale'
        ? t('age.stale', { duration: formatSeconds(ageMs / 1000) })
        : t('age.updated', { seconds: formatNumber(Math.floor(ageMs / 1000)) })}
    </span>
  );
}
