import type { CaseSummary } from '@arc/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useConnectionStore } from '../features/connection/store/connection-store';
import { useQueueStore } from '../features/queue/store/queue-store';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket to drive the handlers. */
class FakeSocket {
  handlers = new Map<string, Handler>();
  active = true;
  connected = false;
  connect = vi.fn();
  disconnect = vi.fn();
  removeAllListeners = vi.fn();
  on(event: string, handler: Handler) {
    this.handlers.set(event, handler);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    this.handlers.get(event)?.(...args);
  }
}

const created: { socket: FakeSocket; options: { auth: (cb: (data: object) => void) => void } }[] = [];

vi.mock('socket.io-client', () => ({
  io: (options: { auth: (cb: (data: object) => void) => void }) => {
    const socket = new FakeSocket();
    created.push({ socket, options });
    return socket;
  },
}));

const { connectSocket, disconnectSocket } = await import('./socket');

const summary: CaseSummary = {
  id: '6f1c1f4e-5d7a-4a63-9a7e-0d3c1b2a4f10',
  caseNo: 'C-1',
  category: 'FIRE',
  priority: 1,
  status: 'QUEUED',
  title: 'Fire alarm',
  account: '1234',
  siteId: null,
  siteName: 'Depot',
  siteAddress: null,
  unknownTransmitter: false,
  signalCount: 1,
  queuedAt: '2026-01-01T10:00:00.000Z',
  lastSignalAt: '2026-01-01T10:00:00.000Z',
  version: 1,
};

describe('socket', () => {
  let token: string;
  const refreshToken = vi.fn<() => Promise<boolean>>();
  const onAuthFailed = vi.fn();

  function connect(): FakeSocket {
    connectSocket({ getToken: () => token, refreshToken, onAuthFailed });
    const last = created.at(-1);
    if (!last) throw new Error('no socket created');
    return last.socket;
  }

  beforeEach(() => {
    token = 't1';
    refreshToken.mockReset();
    onAuthFailed.mockReset();
    useQueueStore.getState().reset();
  });
  afterEach(() => {
    disconnectSocket();
  });

  it('sends the current token on every handshake', () => {
    connect();
    const auth = created.at(-1)?.options.auth;
    const seen: object[] = [];
    auth?.((data) => seen.push(data));
    token = 't2';
    auth?.((data) => seen.push(data));
    expect(seen).toEqual([{ token: 't1' }, { token: 't2' }]);
  });

  it('feeds snapshots and upserts into the queue store', () => {
    const socket = connect();
    socket.fire('queue.snapshot.v1', { cases: [summary], at: '2026-01-01T10:00:00.000Z' });
    socket.fire('case.upserted.v1', { ...summary, version: 2, signalCount: 5 });
    expect(useQueueStore.getState().cases[summary.id]?.signalCount).toBe(5);
  });

  it('tracks a lost connection only after it was connected', () => {
    const socket = connect();
    expect(useConnectionStore.getState().status).toBe('connecting');
    socket.fire('disconnect', 'transport close');
    expect(useConnectionStore.getState().status).toBe('connecting');
    socket.fire('connect');
    expect(useConnectionStore.getState().status).toBe('connected');
    socket.fire('disconnect', 'transport close');
    expect(useConnectionStore.getState().status).toBe('disconnected');
  });

  it('refreshes the token once on an auth refusal, then gives up', async () => {
    const socket = connect();
    socket.active = false;
    refreshToken.mockResolvedValue(true);

    socket.fire('connect_error', new Error('UNAUTHORIZED: token expired'));
    await vi.waitFor(() => expect(socket.connect).toHaveBeenCalledTimes(1));
    expect(onAuthFailed).not.toHaveBeenCalled();

    socket.fire('connect_error', new Error('UNAUTHORIZED: token expired'));
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(onAuthFailed).toHaveBeenCalledTimes(1);
  });

  it('logs out when the refresh fails', async () => {
    const socket = connect();
    refreshToken.mockResolvedValue(false);
    socket.fire('connect_error', new Error('UNAUTHORIZED'));
    await vi.waitFor(() => expect(onAuthFailed).toHaveBeenCalledTimes(1));
    expect(socket.connect).not.toHaveBeenCalled();
  });
});
