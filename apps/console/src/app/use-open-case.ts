import { useEffect } from 'react';
import { useCaseStore } from '../features/case/store/case-store';
import { caseIdFromHash } from './use-hash-route';
import { useViewStore } from './view-store';

/**
 * Ties the case being worked to the shell: reopens a case the operator holds after a page
 * reload (GET /cases/mine), shows the case screen when a case opens and the queue when it ends.
 */
export function useOpenCase(userId: string | null): void {
  useEffect(() => {
    const store = useCaseStore.getState();
    store.setUser(userId);
    const unsubscribe = useCaseStore.subscribe((state, previous) => {
      if (state.caseId === previous.caseId) return;
      const { view, setView } = useViewStore.getState();
      if (state.caseId !== null) setView('case');
      else if (view === 'case') setView('queue');
    });
    void store.restore(caseIdFromHash());
    return () => {
      unsubscribe();
      // Logging out: the next user must not see this user's case.
      useCaseStore.getState().reset();
    };
  }, [userId]);
}
