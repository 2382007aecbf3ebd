import { useState } from 'react';
import { UserMenu } from '../features/auth/components/user-menu';
import { useTokenRefresh } from '../features/auth/hooks/use-token-refresh';
import { ConnectionBanner } from '../features/connection/components/connection-banner';
import { ConnectionIndicator } from '../features/connection/components/connection-indicator';
import { useConnectionStore } from '../features/connection/store/connection-store';
import { QueueCount } from '../features/queue/components/queue-count';
import { QueueTable } from '../features/queue/components/queue-table';
import { requestSnapshot } from '../lib/socket';
import { useLiveQueue } from './use-live-queue';

export function ConsoleShell() {
  useTokenRefresh();
  useLiveQueue();
  const connected = useConnectionStore((state) => state.status === 'connected');

  return (
    <div className="shell">
      <header className="shell__header">
        <h1 className="shell__title">ARC Console</h1>
        <QueueCount />
        <ConnectionIndicator />
        <ResyncButton disabled={!connected} />
        <UserMenu />
      </header>
      <ConnectionBanner />
      <main className="shell__main">
        <QueueTable stale={!connected} />
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
