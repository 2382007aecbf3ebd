import { useEffect, useState } from 'react';
import { i18n } from '../../../lib/i18n/i18n';
import { messageOf } from '../../../utils/request-state';
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
        setError(messageOf(e, i18n.t('supervisor:loadFailed'), { serverOnly: true }));
      },
    );
    return () => controller.abort();
  }, []);
  const held = useSupervisorStore((state) => state.snapshot !== null);
  return held ? null : error;
}
