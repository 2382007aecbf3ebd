import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useIntakeStore } from '../store/intake-store';
import { ActionsPanel } from './actions-panel';
import { CallBar } from './call-bar';
import { CallEvents } from './call-events';
import { CallSummary } from './call-summary';
import { CallerVerification } from './caller-verification';
import { EndCallForm } from './end-call-form';
import { SiteStep } from './site-step';

/**
 * Phone intake (docs/domain.md sections 1-3): the operator answers, finds the site, verifies the
 * caller's authority password and does what the caller may ask for, then ends the call with an
 * outcome. Opening the screen starts a call (or returns to the one left open).
 */
export function IntakeScreen() {
  const open = useIntakeStore((state) => state.open);
  const { callId, siteId, ended, verificationId } = useIntakeStore(
    useShallow((state) => ({
      callId: state.call?.id ?? null,
      siteId: state.call?.siteId ?? null,
      ended: Boolean(state.call?.endedAt),
      verificationId: state.verification?.verificationId ?? null,
    })),
  );
  useEffect(() => {
    void open();
  }, [open]);

  return (
    <section className="intake" data-testid="intake-screen" aria-labelledby="intake-heading">
      <CallBar />
      {callId && ended && (
        <>
          <CallSummary />
          <CallEvents />
        </>
      )}
      {callId && !ended && (
        <div className="intake__grid">
          <div className="intake__column">
            {/* Keyed by call: a new call starts with an empty search. */}
            <SiteStep key={callId} />
            {siteId && <CallerVerification key={`${callId}:${siteId}`} />}
          </div>
          <div className="intake__column">
            {/* Keyed by verification: a newly verified caller starts at the first action. */}
            <ActionsPanel key={verificationId ?? 'unverified'} />
            <CallEvents />
            <EndCallForm key={callId} />
          </div>
        </div>
      )}
    </section>
  );
}
