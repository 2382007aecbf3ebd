import { compareQueueOrder } from '@arc/shared/alarm';
import { type CaseChange, type CaseSummary, type QueueSnapshot } from '@arc/shared/case';
import { create } from 'zustand';

/** What the socket layer must do after a change: nothing, or fetch a snapshot because one was missed. */
export type ChangeVerdict = 'applied' | 'snapshot-needed';

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
  /**
   * `seq` of the last change taken in order on this socket (a snapshot sets it); null before the
   * first snapshot. A change whose seq is not lastSeq + 1 means one was lost on the way.
   */
  lastSeq: number | null;
  /** A change was missed and a snapshot is asked for; further gaps wait for it. */
  resyncing: boolean;
  /**
   * Waiting cases whose alarm tone the operator silenced. A case leaves the set when it stops
   * waiting, so a case that comes back to the queue sounds again, and when a new signal joins it
   * (its signal count rises): a new alarm on a silenced case must be heard.
   */
  silenced: Readonly<Record<string, true>>;
  /** Replaces everything: the snapshot is the server's full list of open cases. */
  applySnapshot: (snapshot: QueueSnapshot, receivedAt?: number) => void;
  /** Applies a batch of changes from the socket (one store update) and checks their sequence numbers for a gap. */
  applyChanges: (changes: readonly CaseChange[]) => ChangeVerdict;
  /** Applies one summary if it is newer than what the store holds; CLOSED removes the case. */
  upsert: (summary: CaseSummary) => void;
  /** As `upsert` for several, in order, with one store update (one copy of the maps, one render). */
  upsertMany: (summaries: readonly CaseSummary[]) => void;
  /** Silences the tone for every case waiting now; a case that starts waiting later sounds again. */
  silenceWaiting: () => void;
  reset: () => void;
}

const initialState = {
  cases: {},
  versions: {},
  snapshotAt: null,
  clockOffsetMs: 0,
  lastSeq: null,
  resyncing: false,
  silenced: {},
} satisfies Partial<QueueState>;

export const useQueueStore = create<QueueState>()((set, get) => ({
  ...initialState,

  applySnapshot: (snapshot, receivedAt = Date.now()) => {
    const cases: Record<string, CaseSummary> = {};
    const versions: Record<string, number> = {};
    const silenced: Record<string, true> = {};
    const before = get().silenced;
    const known = get().cases;
    for (const summary of snapshot.cases) {
      versions[summary.id] = summary.version;
      if (summary.status !== 'CLOSED') cases[summary.id] = summary;
      if (summary.status === 'QUEUED' && before[summary.id] && !hasNewSignal(known[summary.id], summary)) {
        silenced[summary.id] = true;
      }
    }
    const serverNow = Date.parse(snapshot.at);
    set({
      cases,
      versions,
      silenced,
      snapshotAt: snapshot.at,
      clockOffsetMs: Number.isNaN(serverNow) ? 0 : serverNow - receivedAt,
      lastSeq: snapshot.seq,
      resyncing: false,
    });
  },

  applyChanges: (changes) => {
    // The summaries are applied whatever their seq: versions keep them from undoing anything newer.
    get().upsertMany(changes.map((change) => change.summary));
    const { resyncing } = get();
    let { lastSeq } = get();
    if (resyncing) return 'applied';
    for (const change of changes) {
      if (lastSeq !== null && change.seq <= lastSeq) continue;
      if (lastSeq !== null && change.seq === lastSeq + 1) {
        lastSeq = change.seq;
        continue;
      }
      set({ resyncing: true });
      return 'snapshot-needed';
    }
    if (lastSeq !== get().lastSeq) set({ lastSeq });
    return 'applied';
  },

  upsert: (summary) => get().upsertMany([summary]),

  upsertMany: (summaries) => {
    set((state) => {
      let versions = state.versions;
      let cases = state.cases;
      let silenced = state.silenced;
      // Copied once, on the first summary that changes anything: 5,000 open cases are not copied per change.
      let copied = false;
      for (const summary of summaries) {
        const known = versions[summary.id];
        if (known !== undefined && summary.version <= known) continue;
        if (!copied) {
          versions = { ...versions };
          cases = { ...cases };
          copied = true;
        }
        (versions as Record<string, number>)[summary.id] = summary.version;
        if (silenced[summary.id] && (summary.status !== 'QUEUED' || hasNewSignal(cases[summary.id], summary))) {
          if (silenced === state.silenced) silenced = { ...silenced };
          delete (silenced as Record<string, true>)[summary.id];
        }
        if (isOpen(summary)) (cases as Record<string, CaseSummary>)[summary.id] = summary;
        else delete (cases as Record<string, CaseSummary>)[summary.id];
      }
      return copied ? { versions, cases, silenced } : state;
    });
  },

  silenceWaiting: () => {
    const silenced: Record<string, true> = {};
    for (const summary of Object.values(get().cases)) if (summary.status === 'QUEUED') silenced[summary.id] = true;
    set({ silenced });
  },

  reset: () => set(initialState),
}));

/** A signal joined the case since `before` was seen: the count of its signals rose. */
function hasNewSignal(before: CaseSummary | undefined, after: CaseSummary): boolean {
  return before !== undefined && after.signalCount > before.signalCount;
}

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

/** Open cases in the order take-next serves them: moved to the top first, then priority, then oldest. */
export function selectSortedCases(state: QueueState): readonly CaseSummary[] {
  if (state.cases !== sortedFor) {
    sortedFor = state.cases;
    sorted = Object.values(state.cases).sort(compareConsoleOrder);
  }
  return sorted;
}

/**
 * The server's queue order (a supervisor's "move to top" beats category priority). Among cases
 * moved to the top the server puts the latest move first; the summary does not say when, so
 * the console orders those by priority and age.
 */
export function compareConsoleOrder(a: CaseSummary, b: CaseSummary): number {
  if (a.movedToTop !== b.movedToTop) return a.movedToTop ? -1 : 1;
  return compareQueueOrder(a, b);
}

/** Cases nobody has accepted yet. */
export function selectWaitingCount(state: QueueState): number {
  let waiting = 0;
  for (const summary of Object.values(state.cases)) if (summary.status === 'QUEUED') waiting += 1;
  return waiting;
}
