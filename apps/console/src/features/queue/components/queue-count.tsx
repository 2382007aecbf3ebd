import { useWaitingCount } from '../hooks/use-queue';

/** Number of cases nobody has accepted yet, for the console header. */
export function QueueCount() {
  const waiting = useWaitingCount();
  return (
    <div className={waiting > 0 ? 'queue-count queue-count--active' : 'queue-count'} aria-live="polite">
      <span className="queue-count__label">Waiting</span>
      <span className="queue-count__value" data-testid="queue-count">
        {waiting}
      </span>
    </div>
  );
}
