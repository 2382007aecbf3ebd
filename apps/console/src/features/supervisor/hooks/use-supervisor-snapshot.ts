import { useEffect, useState } from 'react';
import { ApiRequestError } from '../../../lib/api';
import { fetchSupervisorSnapshot } from '../api/supervisor-api';
import { useSupervisorStore } from '../store/supervisor-store';

/**
 * Fetches a snapshot when the screen opens, so it paints at once instead of after the next push
 * (the socket sends one on connect and then every few seconds). Returns the error of that
 * fetch while no snapshot is held.
 */
export function useSupervisorSnapshot(): string | null {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchSupervisorSnapshot(controller.signal).then(
      (snapshot) => {
        useSupervisorStore.getState().applySnapshot(snapshot);
        setError(null);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e instanceof ApiRequestError ? e.message : 'Could not load the supervisor figures');
      },
    );
    return () => controller.abort();
  }, []);
  const held = useSupervisorStore((state) => state.snapshot !== null);
  return held ? null : error;
}
