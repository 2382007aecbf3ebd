import { useTranslation } from 'react-i18next';
import { i18n } from '../../../lib/i18n/i18n';
import { useConnectionStore, type ConnectionStatus } from '../store/connection-store';

/**
 * The socket's state. Connected, it is a small filled dot (its name for screen readers and as a
 * tooltip), so the header keeps room; any other state shows its name beside a ring or a cross,
 * and the connection banner explains it.
 */
export function ConnectionIndicator() {
  // Re-renders when the language changes.
  useTranslation('app');
  const status = useConnectionStore((state) => state.status);
  const text = statusText(status);
  return (
    <span className="connection-indicator" data-status={status} data-testid="connection-status" title={text}>
      <span className={status === 'connected' ? 'connection-indicator__text--hidden' : undefined}>{text}</span>
    </span>
  );
}

function statusText(status: ConnectionStatus): string {
  switch (status) {
    case 'idle':
      return i18n.t('app:connection.idle');
    case 'connecting':
      return i18n.t('app:connection.connecting');
    case 'connected':
      return i18n.t('app:connection.connected');
    case 'disconnected':
      return i18n.t('app:connection.disconnected');
    case 'outdated':
      return i18n.t('app:connection.outdatedShort');
    default: {
      const unexpected: never = status;
      return String(unexpected);
    }
  }
}
