import { useConnectionStore } from '../store/connection-store';

/** Loud warning while the live feed is down; the queue below is the last known state. */
export function ConnectionBanner() {
  const lost = useConnectionStore((state) => state.status === 'disconnected');
  if (!lost) return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      Connection lost — reconnecting…
    </div>
  );
}
