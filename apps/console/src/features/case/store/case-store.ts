import { type CaseSummary } from '@arc/shared/case';
import { OPERATOR_NOT_AVAILABLE, type CaseDetail } from '@arc/shared/case-handling';
import { create } from 'zustand';
import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n/i18n';
import { getCase, getOwnOperatorState, listMyCases, takeNextCase } from '../api/case-api';
import { createLatestRead, messageOf, type LoadStatus } from '../../../utils/request-state';

export interface CaseState {
  /** The logged-in user: a case is the operator's own while it is ACCEPTED and held by them. */
  userId: string | null;
  /** The case on the case screen; null shows the queue. */
  caseId: string | null;
  detail: CaseDetail | null;
  status: LoadStatus;
  error: string | null;
  /** POST take-next is in flight. */
  taking: boolean;
  /** One line for the operator: the queue was empty, a case was closed or given to them, … */
  notice: string | null;
  /** Take next was refused because the operator is away: the question to ask before taking. */
  awayPrompt: string | null;
  /** When the operator last became available by confirming that question (Date.now()). */
  becameAvailableAt: number | null;

  setUser: (userId: string | null) => void;
  /**
   * Takes the top case of the queue and opens it; says so when nothing waits. Refused because the
   * operator is away, it asks (awayPrompt) instead; `becomeAvailable` answers yes.
   */
  takeNext: (becomeAvailable?: boolean) => Promise<void>;
  cancelAwayPrompt: () => void;
  open: (caseId: string) => Promise<void>;
  /** Fetches the open case again; calls made while one is in flight share one more fetch. */
  reload: () => Promise<void>;
  /** After a page reload: reopens a case the operator holds (the preferred one if still held). */
  restore: (preferredId?: string | null) => Promise<void>;
  /** A change from the socket: a newer version of the open case is fetched at once. */
  noteChange: (summary: CaseSummary) => void;
  /** A snapshot from the socket (after a reconnect): the open case may have changed meanwhile. */
  noteSnapshot: (cases: readonly CaseSummary[]) => void;
  /** Runs a write against the open case, then fetches it again so the screen shows what is stored. */
  mutate: <T>(write: (caseId: string) => Promise<T>) => Promise<T>;
  /** Leaves the case screen (closed or put back) and reopens any other case the operator holds. */
  finish: (notice: string) => void;
  dismissNotice: () => void;
  reset: () => void;
}

const initialState = {
  userId: null,
  caseId: null,
  detail: null,
  status: 'idle',
  error: null,
  taking: false,
  notice: null,
  awayPrompt: null,
  becameAvailableAt: null,
} satisfies Partial<CaseState>;

// Only the newest fetch may write the store; fetches asked for while one runs become one more.
const caseRead = createLatestRead();
let inFlight: Promise<void> | null = null;
let again = false;

export const useCaseStore = create<CaseState>()((set, get) => {
  const loadOnce = async () => {
    const { caseId } = get();
    if (caseId === null) return;
    set({ status: 'loading', error: null });
    await caseRead.run((signal) => getCase(caseId, signal), {
      ok: (detail) => set({ detail, status: 'ready' }),
      failed: (error) => set({ status: 'error', error: messageOf(error) }),
    });
  };

  return {
    ...initialState,

    setUser: (userId) => set({ userId }),

    takeNext: async (becomeAvailable = false) => {
      const { taking, detail, userId } = get();
      if (taking) return;
      if (becomeAvailable) set({ awayPrompt: null });
      // One case at a time: the one on screen is finished (closed or put back) first.
      if (detail && isHeldBy(detail, userId)) {
        set({ notice: i18n.t('case:store.finishFirst', { caseNo: detail.summary.caseNo }) });
        return;
      }
      set({ taking: true, notice: null });
      try {
        const detail = await takeNextCase(becomeAvailable);
        if (becomeAvailable) set({ becameAvailableAt: Date.now() });
        if (!detail) {
          set({ taking: false, notice: i18n.t('case:store.noneWaiting') });
          return;
        }
        caseRead.cancel();
        set({ taking: false, caseId: detail.summary.id, detail, status: 'ready', error: null });
      } catch (error) {
        if (!becomeAvailable && error instanceof ApiRequestError && error.body?.code === OPERATOR_NOT_AVAILABLE) {
          set({ taking: false, awayPrompt: await awayQuestion() });
          return;
        }
        set({ taking: false, notice: i18n.t('case:store.takeFailed', { error: messageOf(error) }) });
      }
    },

    cancelAwayPrompt: () => set({ awayPrompt: null }),

    open: async (caseId) => {
      if (get().caseId !== caseId) {
        caseRead.cancel();
        set({ caseId, detail: null, status: 'loading', error: null });
      }
      await get().reload();
    },

    reload: () => {
      if (inFlight) {
        again = true;
        return inFlight;
      }
      inFlight = (async () => {
        do {
          again = false;
          await loadOnce();
        } while (again);
      })().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },

    restore: async (preferredId = null) => {
      try {
        const mine = await listMyCases();
        if (get().caseId !== null || get().taking) return;
        const pick = mine.find((summary) => summary.id === preferredId) ?? mine[0];
        if (pick) await get().open(pick.id);
      } catch (error) {
        set({ notice: i18n.t('case:store.restoreFailed', { error: messageOf(error) }) });
      }
    },

    noteChange: (summary) => {
      const { caseId, detail, userId, taking } = get();
      if (summary.id === caseId) {
        if (!detail || summary.version > detail.summary.version) void get().reload();
        return;
      }
      // A supervisor gave this operator a case: open it unless another one is on screen.
      const givenToMe = summary.status === 'ACCEPTED' && userId !== null && summary.heldBy?.userId === userId;
      if (givenToMe && caseId === null && !taking) {
        set({ notice: i18n.t('case:store.givenToYou', { caseNo: summary.caseNo }) });
        void get().open(summary.id);
      }
    },

    noteSnapshot: (cases) => {
      const { caseId, detail } = get();
      if (caseId === null) return;
      const summary = cases.find((c) => c.id === caseId);
      // Missing from the open cases: it was closed (or taken over) while the console was away.
      if (!summary || !detail || summary.version > detail.summary.version) void get().reload();
    },

    mutate: async (write) => {
      const { caseId } = get();
      if (caseId === null) throw new Error(i18n.t('case:store.noCaseOpen'));
      const result = await write(caseId);
      await get().reload();
      return result;
    },

    finish: (notice) => {
      caseRead.cancel();
      set({ caseId: null, detail: null, status: 'idle', error: null, notice });
      void get().restore();
    },

    dismissNotice: () => set({ notice: null }),

    reset: () => {
      caseRead.cancel();
      set(initialState);
    },
  };
});

/** "You are Away (Break). Become available and take the next case?" */
async function awayQuestion(): Promise<string> {
  const question = i18n.t('case:away.question');
  try {
    const own = await getOwnOperatorState();
    if (own.state === 'AWAY') {
      return i18n.t('case:away.withReason', { reason: own.reason ?? i18n.t('case:away.noReason'), question });
    }
  } catch {
    // Worded without the reason.
  }
  return i18n.t('case:away.plain', { question });
}

/** The open case is the operator's to work: accepted and held by them. */
export function isHeldBy(detail: CaseDetail | null, userId: string | null): boolean {
  return detail?.summary.status === 'ACCEPTED' && userId !== null && detail.summary.heldBy?.userId === userId;
}
