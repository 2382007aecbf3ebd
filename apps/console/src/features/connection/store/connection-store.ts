import { create } from 'zustand';

/**
 * idle: no socket (logged out). connecting: first attempt, nothing shown yet.
 * connected: live. disconnected: lost after having been live; socket.io keeps retrying.
 * outdated: the server speaks a newer protocol; only a reload of the page helps.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'outdated';

export interface ConnectionState {
  status: ConnectionStatus;
  markConnecting: () => void;
  markConnected: () => void;
  markDisconnected: () => void;
  markOutdated: () => void;
  reset: () => void;
}

export const useConnectionStore = create<ConnectionState>()((set) => ({
  status: 'idle',
  markConnecting: () => set({ status: 'connecting' }),
  markConnected: () => set({ status: 'connected' }),
  // A failed first attempt is not a lost connection: stay 'connecting' until one succeeds.
  markDisconnected: () => set((state) => (state.status === 'connected' ? { status: 'disconnected' } : state)),
  markOutdated: () => set({ status: 'outdated' }),
  reset: () => set({ status: 'idle' }),
}));
