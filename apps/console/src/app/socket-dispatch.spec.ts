import { type QueueSnapshot } from '@arc/shared/case';
import { type CaseDetail } from '@arc/shared/case-handling';
import { SOCKET_PROTOCOL } from '@arc/shared/socket-events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCaseStore } from '../features/case/store/case-store';
import { caseDetail } from '../features/case/test/fixtures';
import { useConnectionStore } from '../features/connection/store/connection-store';
import { useQueueStore } from '../features/queue/store/queue-store';
import { makeCase, snapshot } from '../features/queue/test/fixtures';
import { useSupervisorStore } from '../features/supervisor/store/supervisor-store';
import { makeAttempt, makeSnapshot } from '../features/supervisor/test/fixtures';

type Handler = (...args: unknown[]) => void;

type Ack = (error: Error | null, response?: unknown) => void;

/** Just enough of a socket.io client socket to drive the handlers. */
class FakeSocket {
  handlers = new Map<string, Handler>();
  active = true;
  connected = false;
  connect = vi.fn();
  disconnect = vi.fn();
  removeAllListeners = vi.fn();
  /** Requests sent with an ack, answered by the test. */
  requests: { event: string; ack: Ack }[] = [];
  on(event: string, handler: Handler) {
    this.handlers.set(event, handler);
    return this;
  }
  timeout() {
    return { emit: (event: string, ack: Ack) => this.requests.push({ event, ack }) };
  }
  fire(event: string, ...args: unknown[]) {
    this.handlers.get(event)?.(...args);
  }
  answerSnapshot(snapshot: QueueSnapshot) {
    const request = this.requests.shift();
    if (!request) throw new Error('no snapshot was asked for');
    request.ack(null, { ok: true, snapshot });
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

const { connectSocket, disconnectSocket } = await import('./socket-dispatch');

const summary = makeCase({ category: 'FIRE', title: 'Fire alarm' });

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
    useCaseStore.getState().reset();
    useSupervisorStore.getState().reset();
  });
  afterEach(() => {
    disconnectSocket();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends the current token on every handshake', () => {
    connect();
    const auth = created.at(-1)?.options.auth;
    const seen: object[] = [];
    auth?.((data) => seen.push(data));
    token = 't2';
    auth?.((data) => seen.push(data));
    expect(seen).toEqual([
      { token: 't1', protocol: SOCKET_PROTOCOL },
      { token: 't2', protocol: SOCKET_PROTOCOL },
    ]);
  });

  it('feeds snapshots and changes into the queue store', () => {
    const socket = connect();
    socket.fire('queue.snapshot.v1', snapshot([summary], 0));
    socket.fire('case.changes.v3', [{ seq: 1, summary: { ...summary, version: 2, signalCount: 5 } }]);
    expect(useQueueStore.getState().cases[summary.id]?.signalCount).toBe(5);
    expect(useQueueStore.getState().lastSeq).toBe(1);
    expect(socket.requests).toEqual([]);
  });

  it('asks for a snapshot when a change was missed and replaces the queue with it', () => {
    const socket = connect();
    socket.connected = true;
    const other = makeCase();
    socket.fire('queue.snapshot.v1', snapshot([summary], 10));
    socket.fire('case.changes.v3', [{ seq: 11, summary: { ...summary, version: 2 } }]);

    // 12 never arrived: it might have opened `other`.
    socket.fire('case.changes.v3', [{ seq: 13, summary: { ...summary, version: 4 } }]);
    expect(socket.requests.map((r) => r.event)).toEqual(['queue.snapshot.request.v1']);
    socket.fire('case.changes.v3', [{ seq: 14, summary: { ...summary, version: 5 } }]);
    expect(socket.requests).toHaveLength(1);

    socket.answerSnapshot(snapshot([{ ...summary, version: 5 }, other], 14));
    expect(Object.keys(useQueueStore.getState().cases).sort()).toEqual([summary.id, other.id].sort());
    expect(useQueueStore.getState().lastSeq).toBe(14);

    socket.fire('case.changes.v3', [{ seq: 15, summary: { ...other, version: 2, signalCount: 2 } }]);
    expect(socket.requests).toHaveLength(0);
    expect(useQueueStore.getState().cases[other.id]?.signalCount).toBe(2);
  });

  it('asks again when the snapshot request fails', async () => {
    vi.useFakeTimers();
    const socket = connect();
    socket.connected = true;
    socket.fire('queue.snapshot.v1', snapshot([summary], 0));
    socket.fire('case.changes.v3', [{ seq: 2, summary }]);
    socket.requests.shift()?.ack(new Error('operation has timed out'));

    await vi.advanceTimersByTimeAsync(2_000);
    expect(socket.requests).toHaveLength(1);
    socket.answerSnapshot(snapshot([summary], 2));
    expect(useQueueStore.getState().resyncing).toBe(false);
  });

  it('fetches the open case again when a newer version of it arrives', async () => {
    const detail: CaseDetail = caseDetail({ summary: { ...summary, status: 'ACCEPTED' } });
    const fetchMock = vi.fn(() =>
      Promise.resolve(Response.json({ ...detail, summary: { ...detail.summary, version: 2, signalCount: 2 } })),
    );
    vi.stubGlobal('fetch', fetchMock);
    useCaseStore.setState({ caseId: summary.id, detail, status: 'ready' });
    const socket = connect();
    socket.fire('queue.snapshot.v1', snapshot([detail.summary], 0));

    socket.fire('case.changes.v3', [{ seq: 1, summary: { ...detail.summary, version: 2, signalCount: 2 } }]);

    await vi.waitFor(() => expect(useCaseStore.getState().detail?.summary.signalCount).toBe(2));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe(`/api/v1/cases/${summary.id}`);
  });

  it('feeds supervisor snapshots and pushed failed verifications into the supervisor store', () => {
    const socket = connect();
    const pushed = makeAttempt({ at: '2026-01-01T10:00:03.000Z', result: 'LOCKED' });
    socket.fire(
      'supervisor.snapshot.v1',
      makeSnapshot({ alerts: [{ kind: 'OLDEST_WAITING', message: 'A fire case has waited 40 s (threshold 30 s)' }] }),
    );
    socket.fire('intake.verification-failed.v1', pushed);

    const state = useSupervisorStore.getState();
    expect(state.snapshot?.alerts.map((a) => a.kind)).toEqual(['OLDEST_WAITING']);
    expect(state.failures).toEqual([pushed]);
  });

  it('clears the supervisor figures when the socket closes, so the next user never sees them', () => {
    const socket = connect();
    socket.fire('supervisor.snapshot.v1', makeSnapshot());
    expect(useSupervisorStore.getState().snapshot).not.toBeNull();
    disconnectSocket();
    expect(useSupervisorStore.getState().snapshot).toBeNull();
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

  it('stops retrying and says the console is out of date when the server speaks a newer protocol', async () => {
    vi.useFakeTimers();
    const socket = connect();
    socket.active = false;
    socket.fire('connect');
    socket.fire('disconnect', 'transport close');
    socket.fire('connect_error', new Error('OUTDATED: this console speaks protocol 3, the server protocol 4; reload'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(socket.connect).not.toHaveBeenCalled();
    expect(refreshToken).not.toHaveBeenCalled();
    expect(useConnectionStore.getState().status).toBe('outdated');
    vi.useRealTimers();
  });

  it('logs out when the refresh fails', async () => {
    const socket = connect();
    refreshToken.mockResolvedValue(false);
    socket.fire('connect_error', new Error('UNAUTHORIZED'));
    await vi.waitFor(() => expect(onAuthFailed).toHaveBeenCalledTimes(1));
    expect(socket.connect).not.toHaveBeenCalled();
  });

  it("ends the session with the server's reason when the server signs the user out", async () => {
    const socket = connect();
    socket.fire('connect');
    refreshToken.mockResolvedValue(false);
    socket.fire('error.v1', { code: 'UNAUTHORIZED', message: 'Your account has been deactivated' });
    await vi.waitFor(() => expect(onAuthFailed).toHaveBeenCalledWith('Your account has been deactivated'));
    expect(refreshToken).toHaveBeenCalledWith('Your account has been deactivated');
    expect(socket.connect).not.toHaveBeenCalled();
  });

  it('reconnects instead when a new token exists (the user changed their own password)', async () => {
    const socket = connect();
    socket.fire('connect');
    refreshToken.mockResolvedValue(true);
    socket.fire('error.v1', { code: 'UNAUTHORIZED', message: 'Your password was changed' });
    await vi.waitFor(() => expect(socket.connect).toHaveBeenCalledTimes(1));
    expect(onAuthFailed).not.toHaveBeenCalled();
  });

  it('passes the words of a refused handshake on as the reason', async () => {
    const socket = connect();
    refreshToken.mockResolvedValue(false);
    socket.fire('connect_error', new Error('UNAUTHORIZED: Your account has been deactivated'));
    await vi.waitFor(() => expect(onAuthFailed).toHaveBeenCalledWith('Your account has been deactivated'));
  });

  it('ignores socket errors that are not about the session', () => {
    const socket = connect();
    socket.fire('error.v1', { code: 'BAD_REQUEST', message: 'bad payload' });
    expect(refreshToken).not.toHaveBeenCalled();
  });

  it('feeds pushed failed sign-ins, and the lock one caused, into the supervisor store', () => {
    const socket = connect();
    socket.fire('auth.login-failed.v1', {
      id: 'f1',
      at: '2026-01-01T10:00:00.000Z',
      username: 'olle',
      userId: 'u-olle',
      sourceAddress: '127.0.0.1',
      reason: 'INVALID_CREDENTIALS',
      lockedUntil: '2026-01-01T10:15:00.000Z',
      lockScope: 'account',
    });
    const state = useSupervisorStore.getState();
    expect(state.loginFailures.map((f) => f.id)).toEqual(['f1']);
    expect(state.lockedAccounts).toEqual([
      { username: 'olle', userId: 'u-olle', lockedUntil: '2026-01-01T10:15:00.000Z' },
    ]);
  });
});
