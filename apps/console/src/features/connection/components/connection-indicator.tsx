import { useConnectionStore, type ConnectionStatus } from '../store/connection-store';

export function ConnectionIndicator() {
  const status = useConnectionStore((state) => state.status);
  return (
    <span className="connection-indicator" data-status={status} data-testid="connection-status">
      {statusText(status)}
    </span>
  );
}

function statusText(status: ConnectionStatus): string {
  switch (status) {
    case 'idle':
      return 'Offline';
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Live';
    case 'disconnected':
      return 'Reconnecting…';
    case 'outdated':
      return 'Out of date: reload';
    default: {
      const unexpected: never = status;
      return String(unexpected);
    }
  }
}
