import type { CaseDetail } from '@arc/shared/case-handling';
import { create } from 'zustand';
import { getCase } from '../api/case-api';
import { createLatestRead, messageOf, type LoadStatus } from '../../../utils/request-state';

/** Where "back" leads from a read-only case: the case being worked, or the search results. */
export type ReadOnlyOrigin = 'case' | 'history';

export interface ReadOnlyCaseState {
  /** The case shown read-only (an earlier case of a site, a search result); null: none. */
  caseId: string | null;
  detail: CaseDetail | null;
  status: LoadStatus;
  error: string | null;
  origin: ReadOnlyOrigin;
  /** Shows a case read-only. The case being worked (useCaseStore) is left as it is. */
  open: (caseId: string, origin: ReadOnlyOrigin) => Promise<void>;
  /** Leaves the read-only case; `origin` says where the operator goes back to. */
  close: () => void;
  reset: () => void;
}

const initial = {
  caseId: null,
  detail: null,
  status: 'idle',
  error: null,
  origin: 'history',
} satisfies Partial<ReadOnlyCaseState>;

// Only the newest open may write the store.
const caseRead = createLatestRead();

/**
 * The read-only case view, kept apart from the case store (the case on screen that the operator
 * works), so looking at an old case never touches take next, put back or close.
 */
export const useReadOnlyCaseStore = create<ReadOnlyCaseState>()((set, get) => ({
  ...initial,

  open: async (caseId, origin) => {
    set({ caseId, origin, detail: get().caseId === caseId ? get().detail : null, status: 'loading', error: null });
    await caseRead.run((signal) => getCase(caseId, signal), {
      ok: (detail) => set({ detail, status: 'ready' }),
      failed: (error) => set({ status: 'error', error: messageOf(error) }),
    });
  },

  close: () => {
    caseRead.cancel();
    set({ caseId: null, detail: null, status: 'idle', error: null });
  },

  reset: () => {
    caseRead.cancel();
    set(initial);
  },
}));
