import { useConnectionStore } from '../store/connection-store';

/** Loud warning while the live feed is down; the queue below is the last known state. */
export function ConnectionBanner() {
  const status = useConnectionStore((state) => state.status);
  if (status === 'outdated') {
    return (
      <div className="connection-banner" role="alert" data-testid="connection-banner" data-reason="outdated">
        This console is out of date and gets no live alarms. Reload the page (F5).
      </div>
    );
  }
  if (status !== 'disconnected') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner" data-reason="lost">
      Connection lost — reconnecting…
    </div>
  );
}
