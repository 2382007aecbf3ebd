import type { QueueSnapshot } from '@arc/shared/case';
import { useCaseStore } from '../features/case/store/case-store';
import { useConnectionStore } from '../features/connection/store/connection-store';
import { useQueueStore } from '../features/queue/store/queue-store';
import { useSupervisorStore } from '../features/supervisor/store/supervisor-store';
import {
  connectSocket as connectTransport,
  disconnectSocket,
  requestSnapshot,
  type ConnectOptions,
  type SocketEventHandlers,
} from '../lib/socket';

export { disconnectSocket, requestSnapshot };

/**
 * Opens the console's live connection and hands what it hears to the features: the queue and the
 * open case take the case changes, the supervisor figures and the connection badge their events.
 * The one place that knows both the transport and the features.
 */
export function connectSocket(options: ConnectOptions): void {
  connectTransport(options, dispatch);
}

const dispatch: SocketEventHandlers = {
  connecting: () => useConnectionStore.getState().markConnecting(),
  connected: () => useConnectionStore.getState().markConnected(),
  disconnected: () => useConnectionStore.getState().markDisconnected(),
  outdated: () => useConnectionStore.getState().markOutdated(),
  closed: () => {
    useConnectionStore.getState().reset();
    // The next user (perhaps an operator) must not see this user's supervisor figures.
    useSupervisorStore.getState().reset();
  },
  snapshot: applySnapshot,
  changes: (changes) => {
    // Socket events are hints: a change numbered out of turn means one was lost, and only a
    // snapshot can tell what it was.
    const verdict = useQueueStore.getState().applyChanges(changes);
    for (const change of changes) useCaseStore.getState().noteChange(change.summary);
    return verdict;
  },
  resyncing: () => useQueueStore.getState().resyncing,
  // The supervisor store keeps them whichever screen is open.
  supervisorSnapshot: (snapshot) => useSupervisorStore.getState().applySnapshot(snapshot),
  verificationFailed: (attempt) => useSupervisorStore.getState().addFailure(attempt),
  loginFailed: (failure) => useSupervisorStore.getState().addLoginFailure(failure),
};

function applySnapshot(snapshot: QueueSnapshot): void {
  useQueueStore.getState().applySnapshot(snapshot);
  useCaseStore.getState().noteSnapshot(snapshot.cases);
}
