import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountPage } from '../features/auth/components/account-page';
import { UserMenu } from '../features/auth/components/user-menu';
import { useTokenRefresh } from '../features/auth/hooks/use-token-refresh';
import { useSessionStore } from '../features/auth/store/session-store';
import { CaseScreen } from '../features/case/components/case-screen';
import { AwayTakePrompt } from '../features/case/components/away-take-prompt';
import { CaseNotice } from '../features/case/components/take-next-button';
import { useCaseStore } from '../features/case/store/case-store';
import { ConnectionBanner } from '../features/connection/components/connection-banner';
import { ConnectionIndicator } from '../features/connection/components/connection-indicator';
import { useConnectionStore } from '../features/connection/store/connection-store';
import { ThemeToggle } from '../features/theme/components/theme-toggle';
import { OperatorStateControl } from '../features/supervisor/components/operator-state-control';
import { HistoryScreen } from './history-screen';
import { LanguageSwitch } from './language-switch';
import { AlarmSoundControl, AudioNotice } from '../features/queue/components/alarm-sound-control';
import { QueueCount } from '../features/queue/components/queue-count';
import { useAlarmSound, useAlarmSoundPlayer, useAudioStatus } from '../features/queue/hooks/use-alarm-sound';
import { useLoadSettings } from '../features/settings/store/use-load-settings';
import { ShiftLogScreen } from '../features/shift-log/components/shift-log-screen';
import { UnreadShiftNotesDialog, useUnreadShiftNotes } from '../features/shift-log/components/unread-shift-notes';
import { requestSnapshot } from './socket-dispatch';
import { QueueView } from './queue-view';
import { TopNav } from './top-nav';
import { useConsoleShortcuts } from './use-console-shortcuts';
import { useHashRoute } from './use-hash-route';
import { useLiveQueue } from './use-live-queue';
import { useOpenCase } from './use-open-case';
import { useReadOnlyCase } from './use-read-only-case';
import { AdminRoute } from './admin-route';
import { useViewStore } from './view-store';
import { AssignedCasesBanner, useAcknowledgeOnView } from './assigned-cases-banner';

// Loaded on first use: the directory's forms pull in the phone-number metadata, which the
// queue screen does not need at login.
const DirectoryPage = lazy(() =>
  import('../features/directory/components/directory-page').then((m) => ({ default: m.DirectoryPage })),
);
// Intake and the supervisor view (with its chart library) load on first use too; the queue
// screen an operator logs in to stays small.
const IntakeScreen = lazy(() =>
  import('../features/intake/components/intake-screen').then((m) => ({ default: m.IntakeScreen })),
);
const SupervisorScreen = lazy(() =>
  import('../features/supervisor/components/supervisor-screen').then((m) => ({ default: m.SupervisorScreen })),
);

export function ConsoleShell() {
  const { t } = useTranslation('app');
  useTokenRefresh();
  // The socket stays open on every screen, so the queue count keeps counting in the directory.
  useLiveQueue();
  useHashRoute();
  const userId = useSessionStore((state) => state.user?.id ?? null);
  useOpenCase(userId);
  useReadOnlyCase();
  // Every time is shown in the centre's zone: a change of zone redraws the screen once.
  const timeZone = useLoadSettings(userId);
  useUnreadShiftNotes(userId);
  useConsoleShortcuts();
  useAlarmSoundPlayer(undefined, userId);
  useAcknowledgeOnView(userId);
  const sound = useAlarmSound(userId);
  const becameAvailableAt = useCaseStore((state) => state.becameAvailableAt);
  const audio = useAudioStatus();
  const connected = useConnectionStore((state) => state.status === 'connected');
  const view = useViewStore((state) => state.view);
  const caseOpen = useCaseStore((state) => state.caseId !== null);
  const role = useSessionStore((state) => state.user?.role);
  const setView = useViewStore((state) => state.setView);
  const openAccount = () => setView('account');
  const workingCaseNo = useCaseStore((state) => state.detail?.summary.caseNo ?? null);

  return (
    // The tone wanted now is in the DOM, so a browser test can check it without hearing it.
    <div className="shell" data-alarm-sound={sound} data-audio={audio} data-testid="shell">
      <header className="shell__header">
        <h1 className="shell__title">{t('shell.title')}</h1>
        <TopNav />
        <QueueCount />
        <AlarmSoundControl />
        <ConnectionIndicator />
        <OperatorStateControl userId={userId ?? undefined} availableSince={becameAvailableAt} />
        <UserMenu onOpenAccount={openAccount}>
          <LanguageSwitch />
          <ThemeToggle />
          <ResyncButton disabled={!connected} />
        </UserMenu>
      </header>
      <ConnectionBanner />
      <AudioNotice />
      <CaseNotice />
      <AssignedCasesBanner userId={userId} />
      <AwayTakePrompt />
      <UnreadShiftNotesDialog />
      <main className="shell__main" key={timeZone}>
        {view === 'directory' ? (
          <Suspense fallback={<p className="muted">{t('shell.loadingDirectory')}</p>}>
            <DirectoryPage canEdit={role === 'admin'} />
          </Suspense>
        ) : view === 'case' && caseOpen ? (
          <CaseScreen />
        ) : view === 'intake' ? (
          <Suspense fallback={<p className="muted">{t('shell.loadingIntake')}</p>}>
            <IntakeScreen />
          </Suspense>
        ) : view === 'admin' ? (
          <AdminRoute role={role} />
        ) : view === 'account' ? (
          <AccountPage />
        ) : view === 'history' ? (
          <HistoryScreen role={role} userId={userId} workingCaseNo={workingCaseNo} />
        ) : view === 'shift-log' ? (
          <ShiftLogScreen canSeeReaders={role === 'supervisor' || role === 'admin'} />
        ) : view === 'supervisor' && (role === 'supervisor' || role === 'admin') ? (
          <Suspense fallback={<p className="muted">{t('shell.loadingSupervisor')}</p>}>
            <SupervisorScreen canUnlock={role === 'admin'} />
          </Suspense>
        ) : (
          <QueueView stale={!connected} canSupervise={role === 'supervisor' || role === 'admin'} />
        )}
      </main>
    </div>
  );
}

function ResyncButton({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('app');
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
      title={t('shell.resyncTitle')}
    >
      {t('shell.resync')}
    </button>
  );
}
