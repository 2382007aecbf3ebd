import { lazy, Suspense, useState } from 'react';
import { UserMenu } from '../features/auth/components/user-menu';
import { useTokenRefresh } from '../features/auth/hooks/use-token-refresh';
import { useSessionStore } from '../features/auth/store/session-store';
import { ConnectionBanner } from '../features/connection/components/connection-banner';
import { ConnectionIndicator } from '../features/connection/components/connection-indicator';
import { useConnectionStore } from '../features/connection/store/connection-store';
import { QueueCount } from '../features/queue/components/queue-count';
import { QueueTable } from '../features/queue/components/queue-table';
import { requestSnapshot } from '../lib/socket';
import { TopNav } from './top-nav';
import { useHashRoute } from './use-hash-route';
import { useLiveQueue } from './use-live-queue';
import { useViewStore } from './view-store';

// Loaded on first use: the directory's forms pull in the phone-number metadata, which the
// queue screen does not need at login.
const DirectoryPage = lazy(() =>
  import('../features/directory/components/directory-page').then((m) => ({ default: m.DirectoryPage })),
);

export function ConsoleShell() {
  useTokenRefresh();
  // The socket stays open on every screen, so the queue count keeps counting in the directory.
  useLiveQueue();
  useHashRoute();
  const connected = useConnectionStore((state) => state.status === 'connected');
  const view = useViewStore((state) => state.view);
  const isAdmin = useSessionStore((state) => state.user?.role === 'admin');

  return (
    <div className="shell">
      <header className="shell__header">
        <h1 className="shell__title">ARC Console</h1>
        <TopNav />
        <QueueCount />
        <ConnectionIndicator />
        <ResyncButton disabled={!connected} />
        <UserMenu />
      </header>
      <ConnectionBanner />
      <main className="shell__main">
        {view === 'queue' ? (
          <QueueTable stale={!connected} />
        ) : (
          <Suspense fallback={<p className="muted">Loading directory…</p>}>
            <DirectoryPage canEdit={isAdmin} />
          </Suspense>
        )}
      </main>
    </div>
  );
}

function ResyncButton({ disabled }: { disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const resync = () => {
    setBusy(true);
    void requestSnapshot().finally(() => setBusy(false));
  };
  return (
    <button
      className="button"
      type="button"
      onClick={resync}
      disabled={disabled || busy}
      title="Reload the queue from the server"
    >
      Resync
    </button>
  );
}
