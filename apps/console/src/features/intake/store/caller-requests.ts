import type { SiteStatus } from '@arc/shared/intake';
import {
  getSiteStatus,
  leaveMessage,
  requestBlockWindow,
  requestCancelCase,
  requestEndServiceMode,
  requestServiceMode,
} from '../api/intake-api';
import { formatDateTime } from '../utils/labels';
import type { CallContext } from './call-context';
import type { GetIntake, IntakeState, SetIntake } from './intake-state';

type CallerRequests = Pick<
  IntakeState,
  'setServiceMode' | 'endServiceMode' | 'registerBlockWindow' | 'cancelCase' | 'loadStatus' | 'leaveMessage'
>;

/**
 * What a verified caller may ask for during the call (docs/domain.md section 3): service mode,
 * a block window, cancelling a false alarm, the site's status, a message for the contract manager.
 * Each goes through `act`, so its answer or refusal lands in the call's events.
 */
export function callerRequests(set: SetIntake, get: GetIntake, { act }: CallContext): CallerRequests {
  const updateStatus = (change: (status: SiteStatus) => Partial<SiteStatus>) =>
    set((state) => (state.status ? { status: { ...state.status, ...change(state.status) } } : {}));

  return {
    setServiceMode: async (input) => {
      const mode = await act(
        (callId) => requestServiceMode(callId, input),
        (m) => `Service mode on ${m.account} (${m.category ?? 'all categories'}) until ${formatDateTime(m.endsAt)}`,
      );
      updateStatus((s) => ({
        serviceModes: [
          ...s.serviceModes,
          { id: mode.id, account: mode.account, category: mode.category, endsAt: mode.endsAt },
        ],
      }));
      await get().reloadDetail();
      return mode;
    },

    endServiceMode: async (input) => {
      const mode = await act(
        (callId) => requestEndServiceMode(callId, input),
        (m) => `Service mode on ${m.account} (${m.category ?? 'all categories'}) ended`,
      );
      updateStatus((s) => ({ serviceModes: s.serviceModes.filter((m) => m.id !== mode.id) }));
      await get().reloadDetail();
      return mode;
    },

    registerBlockWindow: async (input) => {
      const window = await act(
        (callId) => requestBlockWindow(callId, input),
        (w) =>
          `Block window on ${w.account} ${formatDateTime(w.startsAt)} – ${formatDateTime(w.endsAt)} (ref. ${w.reference})`,
      );
      updateStatus((s) => ({
        blockWindows: [
          ...s.blockWindows,
          {
            id: window.id,
            account: window.account,
            startsAt: window.startsAt,
            endsAt: window.endsAt,
            state: window.state,
          },
        ],
      }));
      await get().reloadDetail();
      return window;
    },

    cancelCase: async (input) => {
      const closed = await act(
        (callId) => requestCancelCase(callId, input),
        (c) => `Case ${c.caseNo} (${c.category}) cancelled as a false alarm`,
      );
      updateStatus((s) => ({ openCases: s.openCases.filter((c) => c.id !== input.caseId) }));
      return closed;
    },

    loadStatus: async () => {
      const verificationId = get().verification?.verificationId;
      if (!verificationId) throw new Error('Verify the caller first');
      set({ statusLoading: true });
      try {
        const status = await act(
          (callId) => getSiteStatus(callId, verificationId),
          (s) =>
            `Status given: ${s.openCases.length} open case(s), ${s.serviceModes.length} service mode(s), ` +
            `${s.blockWindows.length} block window(s)`,
        );
        if (get().verification?.verificationId === verificationId) set({ status });
        return status;
      } finally {
        set({ statusLoading: false });
      }
    },

    leaveMessage: (input) =>
      act(
        (callId) => leaveMessage(callId, input),
        () => 'Message taken for the contract manager',
      ),
  };
}
