import { useNow } from '../../../hooks/use-now';
import { useSupervisorStore } from '../store/supervisor-store';
import { formatSeconds, formatTime, freshness } from '../utils/format';

/**
 * How old the figures are. Counted on the browser's clock from their arrival, so a wrong clock
 * on either side cannot hide a stale screen; stale turns it red.
 */
export function SnapshotAge() {
  const now = useNow();
  const receivedAt = useSupervisorStore((state) => state.receivedAt);
  const at = useSupervisorStore((state) => state.snapshot?.at);
  if (receivedAt === null || !at) {
    return (
      <span className="snapshot-age" data-testid="snapshot-age" data-freshness="none">
        No figures yet
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
      title={`Computed by the server at ${formatTime(at)}`}
    >
      {state === 'stale'
        ? `Stale: no update for ${formatSeconds(ageMs / 1000)}`
        : `Updated ${Math.floor(ageMs / 1000)} s ago`}
    </span>
  );
}
