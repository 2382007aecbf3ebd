import { useEffect } from 'react';
import { refreshSession, tokenChangeSettled, useSessionStore } from '../features/auth/store/session-store';
import { signedOutNotice } from '../features/auth/utils/auth-messages';
import { useQueueStore } from '../features/queue/store/queue-store';
import { connectSocket, disconnectSocket } from './socket-dispatch';

/** Holds the socket open while the console is mounted (i.e. while logged in). */
export function useLiveQueue(): void {
  useEffect(() => {
    connectSocket({
      getToken: () => useSessionStore.getState().token,
      refreshToken: async (reason) => {
        // An own password change under way brings a new token; the refusal was for the old one.
        await tokenChangeSettled();
        // Only a refusal ends the session; a server out of reach is retried by the reconnect.
        return (await refreshSession(reason)) !== 'rejected';
      },
      onAuthFailed: (reason) => {
        // The refresh may already have ended the session with its notice.
        if (useSessionStore.getState().token !== null) useSessionStore.getState().endSession(signedOutNotice(reason));
      },
    });
    return () => {
      disconnectSocket();
      // The next user must not see this user's queue, even for a moment.
      useQueueStore.getState().reset();
    };
  }, []);
}
