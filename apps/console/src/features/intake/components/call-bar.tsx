import type { IntakeCall, VerificationOutcome } from '@arc/shared/intake';
import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../../../hooks/use-now';
import { useIntakeStore } from '../store/intake-store';
import { formatClock } from '../utils/labels';

/** The call's heading: how long it has lasted, where it stands, and a new call once it ended. */
export function CallBar() {
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
        Phone intake
      </h2>
      {call && (
        <span className="intake__timer mono" data-testid="intake-call-timer" aria-label="Call duration">
          {formatClock(end - Date.parse(call.startedAt))}
        </span>
      )}
      <span
        className="intake__state"
        data-testid="intake-call-state"
        data-state={stateKey(call, verification, callStatus)}
        aria-live="polite"
      >
        {stateText(call, verification, callStatus)}
      </span>
      {callStatus === 'error' && (
        <span className="form-error" role="alert" data-testid="intake-call-error">
          The call could not be started: {callError}
        </span>
      )}
      {(callStatus === 'error' || call?.endedAt) && (
        <button
          className="button button--primary"
          type="button"
          onClick={() => void newCall()}
          data-testid="intake-new-call"
        >
          New call
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

function stateText(call: IntakeCall | null, verification: VerificationOutcome | null, status: string): string {
  const key = stateKey(call, verification, status);
  switch (key) {
    case 'starting':
      return 'Starting the call…';
    case 'failed':
      return 'No call';
    case 'find-site':
      return 'Call in progress: find the site';
    case 'verify-caller':
      return `Call about ${call?.siteName ?? 'the site'}: verify the caller`;
    case 'verified':
      return `Call about ${call?.siteName ?? 'the site'}: ${verification?.person?.name ?? 'caller'} verified`;
    case 'not-verified':
      return `Call about ${call?.siteName ?? 'the site'}: caller not verified`;
    case 'ended':
      return 'Call ended';
    default: {
      const unexpected: never = key;
      return String(unexpected);
    }
  }
}
