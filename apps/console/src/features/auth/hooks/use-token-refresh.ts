import { useEffect } from 'react';
import { refreshSession, useSessionStore } from '../store/session-store';

const RETRY_MS = 10_000;

/** Keeps the token fresh while mounted; a rejected refresh logs out, which unmounts the caller. */
export function useTokenRefresh(): void {
  const refreshAt = useSessionStore((state) => state.refreshAt);

  useEffect(() => {
    if (refreshAt === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const schedule = (delayMs: number) => {
      timer = setTimeout(run, Math.max(0, delayMs));
    };
    const run = () => {
      void refreshSession().then((result) => {
        // On success refreshAt changes and this effect starts over with the new token.
        if (!cancelled && result === 'unreachable') schedule(RETRY_MS);
      });
    };

    schedule(refreshAt - Date.now());
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [refreshAt]);
}
