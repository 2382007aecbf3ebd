import { useEffect } from 'react';
import { refreshSession, useSessionStore } from '../features/auth/store/session-store';
import { useQueueStore } from '../features/queue/store/queue-store';
import { connectSocket, disconnectSocket } from '../lib/socket';

/** Holds the socket open while the console is mounted (i.e. while logged in). */
export function useLiveQueue(): void {
  useEffect(() => {
    connectSocket({
      getToken: () => useSessionStore.getState().token,
      refreshToken: async () => (await refreshSession()) === 'refreshed',
      onAuthFailed: () => useSessionStore.getState().logout(),
    });
    return () => {
      disconnectSocket();
      // The next user must not see this user's queue, even for a moment.
      useQueueStore.getState().reset();
    };
  }, []);
}
