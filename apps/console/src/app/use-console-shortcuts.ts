import { useEffect } from 'react';
import { useShortcuts } from '../features/case/hooks/use-shortcuts';
import { useCaseStore } from '../features/case/store/case-store';
import { useQueueStore } from '../features/queue/store/queue-store';
import { useViewStore } from './view-store';

/**
 * Shortcuts of every screen: N takes the next case, M silences the alarm tone, I opens phone
 * intake. F2 opens intake from anywhere, even while typing in a field: a phone call does not wait.
 */
export function useConsoleShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F2' || event.defaultPrevented || event.repeat) return;
      event.preventDefault();
      useViewStore.getState().setView('intake');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  useShortcuts((key) => {
    switch (key) {
      case 'I':
        useViewStore.getState().setView('intake');
        return true;
      case 'N':
        void useCaseStore.getState().takeNext();
        return true;
      case 'M':
        useQueueStore.getState().silenceWaiting();
        return true;
      default:
        return false;
    }
  });
}
