import { useTranslation } from 'react-i18next';
import { useSupervisorAlertSound } from '../hooks/use-supervisor-alert-sound';
import { useSupervisorSnapshot } from '../hooks/use-supervisor-snapshot';
import { selectSupervisorSound, useSupervisorStore } from '../store/supervisor-store';
import { AcceptTimeCards } from './accept-time-cards';
import { AlertBanner } from './alert-banner';
import { HistoryPanel } from './history-panel';
import { LoginSecurityPanel } from './login-security-panel';
import { MessagesPanel } from './messages-panel';
import { OperatorsTable } from './operators-table';
import { QueueCards } from './queue-cards';
import { SnapshotAge } from './snapshot-age';
import { MissingTestsPanel, RunawaysPanel } from './transmitter-lists';
import { VerificationsPanel } from './verifications-panel';

export interface SupervisorScreenProps {
  /** Administrators may unlock accounts and addresses from the sign-in panel. */
  canUnlock?: boolean;
}

/** The supervisor's live view of queue latency, compliance and operator load. */
export function SupervisorScreen({ canUnlock = false }: SupervisorScreenProps) {
  const { t } = useTranslation('supervisor');
  const loadError = useSupervisorSnapshot();
  const hasSnapshot = useSupervisorStore((state) => state.snapshot !== null);
  const sound = useSupervisorStore(selectSupervisorSound);
  const audio = useSupervisorAlertSound(sound);

  return (
    // The alert tone wanted now is in the DOM, so a browser test can check it without hearing it.
    <section
      className="supervisor"
      data-testid="supervisor-screen"
      data-supervisor-sound={sound}
      data-supervisor-audio={audio}
    >
      <div className="supervisor__bar">
        <h2 className="supervisor__heading">{t('heading')}</h2>
        <SnapshotAge />
      </div>
      <AlertBanner sound={sound} audio={audio} />
      {hasSnapshot ? (
        <>
          <QueueCards />
          <AcceptTimeCards />
          <HistoryPanel />
          <OperatorsTable />
          <div className="supervisor__columns">
            <VerificationsPanel />
            <RunawaysPanel />
            <MissingTestsPanel />
          </div>
          <LoginSecurityPanel canUnlock={canUnlock} />
          <MessagesPanel />
        </>
      ) : loadError ? (
        <p className="form-error" role="alert" data-testid="supervisor-load-error">
          {loadError}
        </p>
      ) : (
        <p className="muted">{t('loadingFigures')}</p>
      )}
    </section>
  );
}
