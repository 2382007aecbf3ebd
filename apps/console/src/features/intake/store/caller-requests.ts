import type { SiteStatus } from '@arc/shared/intake';
import {
  getSiteStatus,
  leaveMessage,
  requestBlockWindow,
  requestCancelCase,
  requestEndServiceMode,
  requestServiceMode,
} from '../api/intake-api';
import { i18n } from '../../../lib/i18n/i18n';
import { categoryText, formatDateTime, scopeText } from '../utils/labels';
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
        (m) =>
          i18n.t('intake:events.serviceModeSet', {
            account: m.account,
            category: scopeText(m.category),
            endsAt: formatDateTime(m.endsAt),
          }),
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
        (m) => i18n.t('intake:events.serviceModeEnded', { account: m.account, category: scopeText(m.category) }),
      );
      updateStatus((s) => ({ serviceModes: s.serviceModes.filter((m) => m.id !== mode.id) }));
      await get().reloadDetail();
      return mode;
    },

    registerBlockWindow: async (input) => {
      const window = await act(
        (callId) => requestBlockWindow(callId, input),
        (w) =>
          i18n.t('intake:events.blockWindow', {
            account: w.account,
            startsAt: formatDateTime(w.startsAt),
            endsAt: formatDateTime(w.endsAt),
            reference: w.reference,
          }),
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
        (c) => i18n.t('intake:events.caseCancelled', { caseNo: c.caseNo, category: categoryText(c.category) }),
      );
      updateStatus((s) => ({ openCases: s.openCases.filter((c) => c.id !== input.caseId) }));
      return closed;
    },

    loadStatus: async () => {
      const verificationId = get().verification?.verificationId;
      if (!verificationId) throw new Error(i18n.t('intake:problem.verifyFirst'));
      set({ statusLoading: true });
      try {
        const status = await act(
          (callId) => getSiteStatus(callId, verificationId),
          (s) =>
            i18n.t('intake:events.statusGiven', {
              cases: s.openCases.length,
              modes: s.serviceModes.length,
              windows: s.blockWindows.length,
            }),
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
        () => i18n.t('intake:events.messageTaken'),
      ),
  };
}
