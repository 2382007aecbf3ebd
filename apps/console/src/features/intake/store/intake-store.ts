import type { CaseSummary } from '@arc/shared/case';
import type { DirectorySearchHit, SiteDetail } from '@arc/shared/directory';
import type { IntakeCall, ManagerMessage, SiteStatus, VerificationOutcome } from '@arc/shared/intake';
import type { BlockWindow, ServiceMode } from '@arc/shared/rules';
import { create } from 'zustand';
import { ApiRequestError } from '../../../lib/api';
import { messageOf, type LoadStatus } from '../../../utils/request-state';
import { MIN_QUERY_LENGTH } from '../../../utils/site-search';
import {
  endCall,
  getCall,
  getSiteDetail,
  listMyOpenCalls,
  getSiteStatus,
  leaveMessage,
  requestBlockWindow,
  requestCancelCase,
  requestEndServiceMode,
  requestServiceMode,
  searchSites,
  setCallSite,
  startCall,
  verifyCaller,
  type BlockWindowRequest,
  type CancelCaseRequest,
  type EndCallRequest,
  type EndServiceModeRequest,
  type MessageRequest,
  type ServiceModeRequest,
} from '../api/intake-api';
import { formatDateTime } from '../utils/labels';

/** One line of what happened in this call, as the operator sees it. */
export interface CallEvent {
  at: string;
  text: string;
  /** refused: the server refused an action; failed: a verification that did not verify. */
  kind: 'done' | 'refused' | 'failed' | 'info';
}

export interface IntakeState {
  call: IntakeCall | null;
  /** 'loading' while a call is being started. */
  callStatus: LoadStatus;
  callError: string | null;

  query: string;
  hits: DirectorySearchHit[];
  searchStatus: LoadStatus;
  searchError: string | null;

  /** Setting the call's site failed (e.g. an archived site). */
  siteError: string | null;
  detail: SiteDetail | null;
  detailStatus: LoadStatus;
  detailError: string | null;

  /**
   * The answer to the latest verification attempt of this call. Never the password: that goes
   * from the form's own state straight to the request.
   */
  verification: VerificationOutcome | null;
  verifying: boolean;
  /** The server refused to check at all (e.g. no site yet): not a failed verification. */
  verifyError: string | null;

  /** The last status read out to the caller. */
  status: SiteStatus | null;
  statusLoading: boolean;

  events: CallEvent[];

  /**
   * Opening the screen: goes on with the call on screen, or picks up the newest call this
   * operator started and did not end (the console was reloaded or closed during it), or starts one.
   */
  open: () => Promise<void>;
  newCall: () => Promise<void>;
  search: (query: string) => Promise<void>;
  chooseSite: (siteId: string) => Promise<void>;
  reloadDetail: () => Promise<void>;
  verify: (personId: string, password: string) => Promise<void>;

  // The actions resolve with the server's answer and throw its refusal (ApiRequestError), which
  // the form shows in words; the refusal is also kept in the call's events.
  setServiceMode: (input: ServiceModeRequest) => Promise<ServiceMode>;
  endServiceMode: (input: EndServiceModeRequest) => Promise<ServiceMode>;
  registerBlockWindow: (input: BlockWindowRequest) => Promise<BlockWindow>;
  cancelCase: (input: CancelCaseRequest) => Promise<CaseSummary>;
  loadStatus: () => Promise<SiteStatus>;
  leaveMessage: (input: MessageRequest) => Promise<ManagerMessage>;
  endCall: (input: EndCallRequest) => Promise<IntakeCall>;
  reset: () => void;
}

export const SEARCH_LIMIT = 20;

const initialState = {
  call: null,
  callStatus: 'idle',
  callError: null,
  query: '',
  hits: [],
  searchStatus: 'idle',
  searchError: null,
  siteError: null,
  detail: null,
  detailStatus: 'idle',
  detailError: null,
  verification: null,
  verifying: false,
  verifyError: null,
  status: null,
  statusLoading: false,
  events: [],
} satisfies Partial<IntakeState>;

// Answers can arrive out of order or after the call changed; only the latest may write.
let searchSeq = 0;
let detailSeq = 0;
let callSeq = 0;

/**
 * Phone intake (docs/domain.md sections 1-3): one call at a time, its site, the caller's
 * verification and what the caller asked for. The server enforces every rule; the store keeps
 * its answers so the screen can explain them.
 */
export const useIntakeStore = create<IntakeState>()((set, get) => {
  /** The open call's id, for an action; throws when there is none or it has ended. */
  const activeCallId = (): string => {
    const { call } = get();
    if (!call) throw new Error('No call is open');
    if (call.endedAt) throw new Error('The call has ended');
    return call.id;
  };

  const note = (text: string, kind: CallEvent['kind']) =>
    set((state) => ({ events: [...state.events, { at: new Date().toISOString(), text, kind }] }));

  /** The server appends each action to the call's record: fetch it again, quietly. */
  const refreshCall = async (callId: string) => {
    try {
      const call = await getCall(callId);
      if (get().call?.id === callId) set({ call });
    } catch (error) {
      console.warn(`[intake] call not refreshed: ${messageOf(error, 'Request failed')}`);
    }
  };

  /** Runs an action of the open call: keeps its refusal in the events, then rethrows it. */
  const act = async <T>(run: (callId: string) => Promise<T>, done: (result: T) => string): Promise<T> => {
    const callId = activeCallId();
    let result: T;
    try {
      result = await run(callId);
    } catch (error) {
      if (get().call?.id === callId) note(messageOf(error, 'Request failed'), 'refused');
      throw error;
    }
    if (get().call?.id === callId) {
      note(done(result), 'done');
      await refreshCall(callId);
    }
    return result;
  };

  /** Clears the screen for a call and shows the one `load` gives (a new one or one picked up). */
  const begin = async (load: () => Promise<{ call: IntakeCall; pickedUp: boolean }>) => {
    const seq = ++callSeq;
    searchSeq += 1;
    detailSeq += 1;
    set({ ...initialState, callStatus: 'loading' });
    try {
      const { call, pickedUp } = await load();
      if (seq !== callSeq) return;
      set({ call, callStatus: 'ready' });
      if (!pickedUp) return;
      note(
        `Call of ${formatDateTime(call.startedAt)} picked up again: it was not ended` +
          (call.verified ? '. Verify the caller again before acting for them.' : '.'),
        'info',
      );
      await get().reloadDetail();
    } catch (error) {
      if (seq === callSeq) set({ callStatus: 'error', callError: messageOf(error, 'Request failed') });
    }
  };

  /** A call left open is picked up, so it gets its outcome; if it cannot be looked up, a new one starts. */
  const pickUpOrStart = () =>
    begin(async () => {
      const left = (await listMyOpenCalls().catch(() => []))[0];
      return left ? { call: left, pickedUp: true } : { call: await startCall(), pickedUp: false };
    });

  const updateStatus = (change: (status: SiteStatus) => Partial<SiteStatus>) =>
    set((state) => (state.status ? { status: { ...state.status, ...change(state.status) } } : {}));

  return {
    ...initialState,

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
      const seq = ++searchSeq;
      const trimmed = query.trim();
      if (trimmed.length < MIN_QUERY_LENGTH) {
        set({ query, hits: [], searchStatus: 'idle', searchError: null });
        return;
      }
      set({ query, searchStatus: 'loading', searchError: null });
      try {
        const hits = await searchSites(trimmed, SEARCH_LIMIT);
        if (seq === searchSeq) set({ hits, searchStatus: 'ready' });
      } catch (error) {
        if (seq === searchSeq)
          set({ hits: [], searchStatus: 'error', searchError: messageOf(error, 'Request failed') });
      }
    },

    chooseSite: async (siteId) => {
      const callId = activeCallId();
      const sameSite = get().call?.siteId === siteId;
      set({ siteError: null });
      let call: IntakeCall;
      try {
        call = await setCallSite(callId, siteId);
      } catch (error) {
        if (get().call?.id === callId) set({ siteError: messageOf(error, 'Request failed') });
        return;
      }
      if (get().call?.id !== callId) return;
      // A caller verified for another site is not verified for this one (the server agrees).
      set(sameSite ? { call } : { call, verification: null, verifyError: null, status: null, detail: null });
      if (!sameSite) note(`Site: ${call.siteName ?? siteId}`, 'info');
      await get().reloadDetail();
    },

    reloadDetail: async () => {
      const siteId = get().call?.siteId;
      if (!siteId) return;
      const seq = ++detailSeq;
      set({ detailStatus: 'loading', detailError: null });
      try {
        const detail = await getSiteDetail(siteId);
        if (seq === detailSeq) set({ detail, detailStatus: 'ready' });
      } catch (error) {
        if (seq === detailSeq) set({ detailStatus: 'error', detailError: messageOf(error, 'Request failed') });
      }
    },

    verify: async (personId, password) => {
      const callId = activeCallId();
      set({ verifying: true, verifyError: null });
      try {
        const outcome = await verifyCaller(callId, personId, password);
        if (get().call?.id !== callId) return;
        // The newest attempt is the caller on the line now: a failed one drops an earlier success.
        set({ verification: outcome, status: null });
        note(outcome.message, outcome.result === 'VERIFIED' ? 'done' : 'failed');
        await refreshCall(callId);
      } catch (error) {
        if (get().call?.id === callId) set({ verifyError: messageOf(error, 'Request failed') });
      } finally {
        if (get().call?.id === callId) set({ verifying: false });
      }
    },

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

    endCall: async (input) => {
      const callId = activeCallId();
      const call = await endCall(callId, input);
      if (get().call?.id === callId) set({ call });
      return call;
    },

    reset: () => {
      callSeq += 1;
      searchSeq += 1;
      detailSeq += 1;
      set(initialState);
    },
  };
});
