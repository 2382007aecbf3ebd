import type { IntakeCall, VerificationOutcome } from '@arc/shared/intake';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../../../hooks/use-now';
import { useIntakeStore } from '../store/intake-store';
import { formatClock } from '../utils/labels';

/** The call's heading: how long it has lasted, where it stands, and a new call once it ended. */
export function CallBar() {
  const { t } = useTranslation('intake');
  const { call, callStatus, callError, verification, newCall } = useIntakeStore(
    useShallow((state) => ({
      call: state.call,
      callStatus: state.callStatus,
      callError: state.callError,
      verification: state.verification,
      newCall: state.newCall,
    })),
  );
  const running = call !== null && call.endedAt === null;
  const now = useNow(running);
  const end = call?.endedAt ? Date.parse(call.endedAt) : now;

  return (
    <header className="intake__bar">
      <h2 id="intake-heading" className="queue__heading">
        {t('bar.title')}
      </h2>
      {call && (
        <span className="intake__timer mono" data-testid="intake-call-timer" aria-label={t('bar.duration')}>
          {formatClock(end - Date.parse(call.startedAt))}
        </span>
      )}
      <span
        className="intake__state"
        data-testid="intake-call-state"
        data-state={stateKey(call, verification, callStatus)}
        aria-live="polite"
      >
        {stateText(t, call, verification, callStatus)}
      </span>
      {callStatus === 'error' && (
        <span className="form-error" role="alert" data-testid="intake-call-error">
          {t('bar.startFailed', { error: callError })}
        </span>
      )}
      {(callStatus === 'error' || call?.endedAt) && (
        <button
          className="button button--primary"
          type="button"
          onClick={() => void newCall()}
          data-testid="intake-new-call"
        >
          {t('bar.newCall')}
        </button>
      )}
    </header>
  );
}

type CallState = 'starting' | 'failed' | 'find-site' | 'verify-caller' | 'verified' | 'not-verified' | 'ended';

function stateKey(call: IntakeCall | null, verification: VerificationOutcome | null, status: string): CallState {
  if (!call) return status === 'error' ? 'failed' : 'starting';
  if (call.endedAt) return 'ended';
  if (!call.siteId) return 'find-site';
  if (!verification) return 'verify-caller';
  return verification.result === 'VERIFIED' ? 'verified' : 'not-verified';
}

function stateText(
  t: TFunction<'intake'>,
  call: IntakeCall | null,
  verification: VerificationOutcome | null,
  status: string,
): string {
  const key = stateKey(call, verification, status);
  const siteName = call?.siteName ?? t('bar.theSite');
  switch (key) {
    case 'starting':
      return t('bar.state.starting');
    case 'failed':
      return t('bar.state.failed');
    case 'find-site':
      return t('bar.state.findSite');
    case 'verify-caller':
      return t('bar.state.verifyCaller', { siteName });
    case 'verified':
      return t('bar.state.verified', { siteName, caller: verification?.person?.name ?? t('bar.theCaller') });
    case 'not-verified':
      return t('bar.state.notVerified', { siteName });
    case 'ended':
      return t('bar.state.ended');
    default: {
      const unexpected: never = key;
      return String(unexpected);
    }
  }
}
