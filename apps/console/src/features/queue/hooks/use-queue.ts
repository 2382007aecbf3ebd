import type { CaseSummary } from '@arc/shared/case';
import { selectSortedCases, selectWaitingCount, useQueueStore } from '../store/queue-store';

/** Open cases in queue order; the array identity changes only when a case changes. */
export function useSortedCases(): readonly CaseSummary[] {
  return useQueueStore(selectSortedCases);
}

export function useWaitingCount(): number {
  return useQueueStore(selectWaitingCount);
}

export function useClockOffset(): number {
  return useQueueStore((state) => state.clockOffsetMs);
}

/** False until the first snapshot: an empty queue then means "not known yet", not "no alarms". */
export function useQueueLoaded(): boolean {
  return useQueueStore((state) => state.snapshotAt !== null);
}
