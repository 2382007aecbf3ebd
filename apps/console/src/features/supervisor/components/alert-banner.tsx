import { useTranslation } from 'react-i18next';
import type { AudioStatus } from '../../../lib/audio/tone-player';
import { useSupervisorStore, type SupervisorSound } from '../store/supervisor-store';
import { alertText, categoryLabel } from '../utils/format';

/**
 * The alerts of the last snapshot, as long as they hold. "Acknowledge" stops the tone; the
 * banner stays while the cause does, and a new kind of alert sounds again.
 */
export function AlertBanner({ sound, audio }: { sound: SupervisorSound; audio: AudioStatus }) {
  const { t } = useTranslation('supervisor');
  const snapshot = useSupervisorStore((state) => state.snapshot);
  const acknowledge = useSupervisorStore((state) => state.acknowledge);
  const alerts = snapshot?.alerts;
  if (!snapshot || !alerts || alerts.length === 0) return null;
  const acknowledged = sound === 'off';

  return (
    <div
      className="supervisor-alert"
      role="alert"
      data-testid="supervisor-alert"
      data-acknowledged={acknowledged ? 'true' : 'false'}
    >
      <ul className="supervisor-alert__messages">
        {alerts.map((alert, i) => (
          <li key={`${alert.kind}-${i}`} data-kind={alert.kind} data-category={alert.category}>
            {alertText(alert, snapshot, alerts.slice(0, i).filter((a) => a.kind === 'COMPLIANCE_15M').length)}
            {alert.waitingByCategory && alert.waitingByCategory.length > 0 && (
              <span className="supervisor-alert__counts" data-testid="supervisor-alert-counts">
                {alert.waitingByCategory.map((w) => (
                  <span key={w.category} className="category-badge" data-category={w.category}>
                    {t('alert.chip', { count: w.waiting, category: categoryLabel(w.category).toLowerCase() })}
                  </span>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="supervisor-alert__actions">
        {!acknowledged && audio !== 'running' && (
          <span className="supervisor-alert__audio" data-testid="supervisor-alert-audio">
            {audio === 'locked' ? t('alert.soundLocked') : t('alert.soundUnavailable')}
          </span>
        )}
        <button
          className="button button--primary"
          type="button"
          onClick={acknowledge}
          disabled={acknowledged}
          data-testid="supervisor-alert-ack"
          title={t('alert.acknowledgeTitle')}
        >
          {acknowledged ? t('alert.acknowledged') : t('alert.acknowledge')}
        </button>
      </div>
    </div>
  );
}
