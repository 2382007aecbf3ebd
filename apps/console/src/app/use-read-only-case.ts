import { useEffect } from 'react';
import { useCaseStore } from '../features/case/store/case-store';
import { useReadOnlyCaseStore } from '../features/case/store/read-only-case-store';
import { useHistoryStore } from '../features/history/store/history-store';
import { useViewStore } from './view-store';

/**
 * Shows a case opened read-only in the History view, and goes back where it was opened from when
 * it is left: the case being worked (if there still is one) or the search results.
 */
export function useReadOnlyCase(): void {
  useEffect(() => {
    const unsubscribe = useReadOnlyCaseStore.subscribe((state, previous) => {
      if (state.caseId === previous.caseId) return;
      const { view, setView } = useViewStore.getState();
      if (state.caseId !== null) {
        if (view !== 'history') setView('history');
      } else if (state.origin === 'case' && view === 'history') {
        setView(useCaseStore.getState().caseId !== null ? 'case' : 'queue');
      }
    });
    return () => {
      unsubscribe();
      // Logging out: the next user sees nothing of this user's history.
      useReadOnlyCaseStore.getState().reset();
      useHistoryStore.getState().reset();
    };
  }, []);
}
