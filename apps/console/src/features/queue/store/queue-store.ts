import { compareQueueOrder, type CaseSummary, type QueueSnapshot } from '@arc/shared';
import { create } from 'zustand';

export interface QueueState {
  /** Open cases (QUEUED or ACCEPTED) by id. */
  cases: Readonly<Record<string, CaseSummary>>;
  /**
   * Highest version seen per case id, closed cases included, so a late or reordered
   * update of a case that was already closed cannot bring it back into the queue.
   */
  versions: Readonly<Record<string, number>>;
  /** `at` of the last snapshot; null until the first one arrives (nothing to show yet). */
  snapshotAt: string | null;
  /** Server clock minus browser clock, measured at the last snapshot; keeps waiting times honest. */
  clockOffsetMs: number;
  /** Replaces everything: the snapshot is the server's full list of open cases. */
  applySnapshot: (snapshot: QueueSnapshot, receivedAt?: number) => void;
  /** Applies one change if it is newer than what the store holds; CLOSED removes the case. */
  upsert: (summary: CaseSummary) => void;
  reset: () => void;
}

const initialState = { cases: {}, versions: {}, snapshotAt: null, clockOffsetMs: 0 } satisfies Partial<QueueState>;

export const useQueueStore = create<QueueState>()((set) => ({
  ...initialState,

  applySnapshot: (snapshot, receivedAt = Date.now()) => {
    const cases: Record<string, CaseSummary> = {};
    const versions: Record<string, number> = {};
    for (const summary of snapshot.cases) {
      versions[summary.id] = summary.version;
      if (summary.status !== 'CLOSED') cases[summary.id] = summary;
    }
    const serverNow = Date.parse(snapshot.at);
    set({
      cases,
      versions,
      snapshotAt: snapshot.at,
      clockOffsetMs: Number.isNaN(serverNow) ? 0 : serverNow - receivedAt,
    });
  },

  upsert: (summary) => {
    set((state) => {
      const known = state.versions[summary.id];
      if (known !== undefined && summary.version <= known) return state;

      const versions = { ...state.versions, [summary.id]: summary.version };
      if (isOpen(summary)) return { versions, cases: { ...state.cases, [summary.id]: summary } };

      const cases = { ...state.cases };
      delete cases[summary.id];
      return { versions, cases };
    });
  },

  reset: () => set(initialState),
}));

function isOpen(summary: CaseSummary): boolean {
  switch (summary.status) {
    case 'QUEUED':
    case 'ACCEPTED':
      return true;
    case 'CLOSED':
      return false;
    default: {
      const unexpected: never = summary.status;
      throw new Error(`Unknown case status ${String(unexpected)}`);
    }
  }
}

// Sorting is memoised on the identity of `cases`, which only changes when a case really
// changes, so every subscriber gets the same array (no re-render) until then.
let sortedFor: QueueState['cases'] | undefined;
let sorted: readonly CaseSummary[] = [];

/** Open cases, most urgent first: category priority, then oldest first. */
export function selectSortedCases(state: QueueState): readonly CaseSummary[] {
  if (state.cases !== sortedFor) {
    sortedFor = state.cases;
    sorted = Object.values(state.cases).sort(compareQueueOrder);
  }
  return sorted;
}

/** Cases nobody has accepted yet. */
export function selectWaitingCount(state: QueueState): number {
  let waiting = 0;
  for (const summary of Object.values(state.cases)) if (summary.status === 'QUEUED') waiting += 1;
  return waiting;
}
