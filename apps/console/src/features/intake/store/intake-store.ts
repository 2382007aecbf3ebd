import type { IntakeCall } from '@arc/shared/intake';
import { create } from 'zustand';
import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n/i18n';
import { verificationMessageText } from '../../../utils/error-text';
import { createLatestRead, messageOf } from '../../../utils/request-state';
import { MIN_QUERY_LENGTH } from '../../../utils/site-search';
import {
  endCall,
  getCall,
  getSiteDetail,
  listMyOpenCalls,
  searchSites,
  setCallSite,
  startCall,
  verifyCaller,
} from '../api/intake-api';
import { formatDateTime } from '../utils/labels';
import { callContext } from './call-context';
import { callerRequests } from './caller-requests';
import { initialState, type IntakeState } from './intake-state';

export type { CallEvent, IntakeState } from './intake-state';

export const SEARCH_LIMIT = 20;

// Answers can arrive out of order or after the call changed; only the latest may write.
const searchRead = createLatestRead();
const detailRead = createLatestRead();
const callRead = createLatestRead();

const requestFailed = () => i18n.t('intake:requestFailed');

/**
 * Phone intake (docs/domain.md sections 1-3): one call at a time, its site, the caller's
 * verification and what the caller asked for. The server enforces every rule; the store keeps
 * its answers so the screen can explain them.
 */
export const useIntakeStore = create<IntakeState>()((set, get) => {
  const context = callContext(set, get);
  const { activeCallId, note, refreshCall } = context;

  /** Clears the screen for a call and shows the one `load` gives (a new one or one picked up). */
  const begin = async (load: () => Promise<{ call: IntakeCall; pickedUp: boolean }>) => {
    searchRead.cancel();
    detailRead.cancel();
    set({ ...initialState, callStatus: 'loading' });
    const picked: { call?: IntakeCall } = {};
    await callRead.run(load, {
      ok: ({ call, pickedUp }) => {
        set({ call, callStatus: 'ready' });
        if (pickedUp) picked.call = call;
      },
      failed: (error) => set({ callStatus: 'error', callError: messageOf(error, requestFailed()) }),
    });
    const { call } = picked;
    if (!call) return;
    note(
      i18n.t(call.verified ? 'intake:events.pickedUpVerified' : 'intake:events.pickedUp', {
        startedAt: formatDateTime(call.startedAt),
      }),
      'info',
    );
    await get().reloadDetail();
  };

  /** A call left open is picked up, so it gets its outcome; if it cannot be looked up, a new one starts. */
  const pickUpOrStart = () =>
    begin(async () => {
      const left = (await listMyOpenCalls().catch(() => []))[0];
      return left ? { call: left, pickedUp: true } : { call: await startCall(), pickedUp: false };
    });

  return {
    ...initialState,
    ...callerRequests(set, get, context),

    open: async () => {
      const { call, callStatus } = get();
      if (callStatus === 'loading') return;
      if (call === null) return pickUpOrStart();
      if (call.endedAt) return;
      try {
        const fresh = await getCall(call.id);
        if (get().call?.id === call.id) set({ call: fresh });
      } catch (error) {
        // Someone else's call (another operator signed in here) or one the server forgot.
        if (error instanceof ApiRequestError && (error.status === 403 || error.status === 404)) {
          await get().newCall();
        }
      }
    },

    newCall: () => begin(async () => ({ call: await startCall(), pickedUp: false })),

    search: async (query) => {
      const trimmed = query.trim();
      if (trimmed.length < MIN_QUERY_LENGTH) {
        searchRead.cancel();
        set({ query, hits: [], searchStatus: 'idle', searchError: null });
        return;
      }
      set({ query, searchStatus: 'loading', searchError: null });
      await searchRead.run((signal) => searchSites(trimmed, SEARCH_LIMIT, signal), {
        ok: (hits) => set({ hits, searchStatus: 'ready' }),
        failed: (error) => set({ hits: [], searchStatus: 'error', searchError: messageOf(error, requestFailed()) }),
      });
    },

    chooseSite: async (siteId) => {
      const callId = activeCallId();
      const sameSite = get().call?.siteId === siteId;
      set({ siteError: null });
      let call: IntakeCall;
      try {
        call = await setCallSite(callId, siteId);
      } catch (error) {
        if (get().call?.id === callId) set({ siteError: messageOf(error, requestFailed()) });
        return;
      }
      if (get().call?.id !== callId) return;
      // A caller verified for another site is not verified for this one (the server agrees).
      set(sameSite ? { call } : { call, verification: null, verifyError: null, status: null, detail: null });
      if (!sameSite) note(i18n.t('intake:events.site', { name: call.siteName ?? siteId }), 'info');
      await get().reloadDetail();
    },

    reloadDetail: async () => {
      const siteId = get().call?.siteId;
      if (!siteId) return;
      set({ detailStatus: 'loading', detailError: null });
      await detailRead.run((signal) => getSiteDetail(siteId, signal), {
        ok: (detail) => set({ detail, detailStatus: 'ready' }),
        failed: (error) => set({ detailStatus: 'error', detailError: messageOf(error, requestFailed()) }),
      });
    },

    verify: async (personId, password) => {
      const callId = activeCallId();
      set({ verifying: true, verifyError: null });
      try {
        const outcome = await verifyCaller(callId, personId, password);
        if (get().call?.id !== callId) return;
        // The newest attempt is the caller on the line now: a failed one drops an earlier success.
        set({ verification: outcome, status: null });
        note(verificationMessageText(outcome), outcome.result === 'VERIFIED' ? 'done' : 'failed');
        await refreshCall(callId);
      } catch (error) {
        if (get().call?.id === callId) set({ verifyError: messageOf(error, requestFailed()) });
      } finally {
        if (get().call?.id === callId) set({ verifying: false });
      }
    },

    endCall: async (input) => {
      const callId = activeCallId();
      const call = await endCall(callId, input);
      if (get().call?.id === callId) set({ call });
      return call;
    },

    reset: () => {
      callRead.cancel();
      searchRead.cancel();
      detailRead.cancel();
      set(initialState);
    },
  };
});
