import { useTranslation } from 'react-i18next';
import { useConnectionStore } from '../store/connection-store';

/** Loud warning while the live feed is down; the queue below is the last known state. */
export function ConnectionBanner() {
  const { t } = useTranslation('app');
  const status = useConnectionStore((state) => state.status);
  if (status === 'outdated') {
    return (
      <div className="connection-banner" role="alert" data-testid="connection-banner" data-reason="outdated">
        {t('connection.outdated')}
      </div>
    );
  }
  if (status !== 'disconnected') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner" data-reason="lost">
      {t('connection.lost')}
    </div>
  );
}
