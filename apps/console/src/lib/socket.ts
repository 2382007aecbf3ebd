import {
  SOCKET_AUTH_ERROR_PREFIX,
  SOCKET_EVENTS,
  SOCKET_OUTDATED_ERROR_PREFIX,
  SOCKET_PROTOCOL,
  type SocketAuth,
  type ClientToServerEvents,
  type QueueSnapshot,
  type ServerToClientEvents,
} from '@arc/shared';
import { io, type Socket } from 'socket.io-client';
import { useCaseStore } from '../features/case/store/case-store';
import { useConnectionStore } from '../features/connection/store/connection-store';
import { useQueueStore } from '../features/queue/store/queue-store';
import { useSupervisorStore } from '../features/supervisor/store/supervisor-store';

export type ArcSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ConnectOptions {
  /** Read on every (re)connect, so a refreshed token is used without recreating the socket. */
  getToken: () => string | null;
  /**
   * Called once when the server refuses the token or signs the user out (`reason`: the server's
   * words, e.g. "Your account has been deactivated"); resolves true when a new token is ready.
   */
  refreshToken: (reason: string | undefined) => Promise<boolean>;
  /** The token was refused again (or could not be refreshed): the session is over. */
  onAuthFailed: (reason: string | undefined) => void;
}

const SNAPSHOT_TIMEOUT_MS = 5_000;
/** socket.io stops retrying after a server-side disconnect or a middleware refusal; we do not. */
const MANUAL_RETRY_MS = 2_000;
/** A snapshot asked for after a missed change that did not come is asked for again after this. */
const RESYNC_RETRY_MS = 2_000;

let socket: ArcSocket | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let resyncTimer: ReturnType<typeof setTimeout> | undefined;

/** Opens the one live connection of the console. Safe to call again: the old socket is closed first. */
export function connectSocket(options: ConnectOptions): void {
  disconnectSocket();
  useConnectionStore.getState().markConnecting();
  const current: ArcSocket = io({
    auth: (cb) => cb({ token: options.getToken() ?? '', protocol: SOCKET_PROTOCOL } satisfies SocketAuth),
  });
  socket = current;
  let authRetried = false;

  const retryLater = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (socket === current) current.connect();
    }, MANUAL_RETRY_MS);
  };

  const onUnauthorized = async (reason: string | undefined) => {
    if (authRetried) {
      options.onAuthFailed(reason);
      return;
    }
    authRetried = true;
    const refreshed = await options.refreshToken(reason);
    if (socket !== current) return;
    if (refreshed) current.connect();
    else options.onAuthFailed(reason);
  };

  current.on('connect', () => {
    authRetried = false;
    useConnectionStore.getState().markConnected();
  });
  current.on('disconnect', (reason) => {
    useConnectionStore.getState().markDisconnected();
    if (reason === 'io server disconnect') retryLater();
  });
  current.on('connect_error', (error) => {
    if (error.message.startsWith(SOCKET_AUTH_ERROR_PREFIX)) void onUnauthorized(authReason(error.message));
    else if (error.message.startsWith(SOCKET_OUTDATED_ERROR_PREFIX)) {
      // Retrying cannot help: only a reload brings the code the server speaks.
      useConnectionStore.getState().markOutdated();
    } else if (!current.active) retryLater();
  });

  current.on(SOCKET_EVENTS.queueSnapshot, (snapshot) => {
    applySnapshot(snapshot);
  });
  current.on(SOCKET_EVENTS.caseChanges, (changes) => {
    // Socket events are hints: a change numbered out of turn means one was lost, and only a
    // snapshot can tell what it was.
    if (useQueueStore.getState().applyChanges(changes) === 'snapshot-needed') resync(current);
    for (const change of changes) useCaseStore.getState().noteChange(change.summary);
  });
  // Sent to supervisors and administrators only; the store keeps them whichever screen is open.
  current.on(SOCKET_EVENTS.supervisorSnapshot, (snapshot) => {
    useSupervisorStore.getState().applySnapshot(snapshot);
  });
  current.on(SOCKET_EVENTS.verificationFailed, (attempt) => {
    useSupervisorStore.getState().addFailure(attempt);
  });
  current.on(SOCKET_EVENTS.loginFailed, (failure) => {
    useSupervisorStore.getState().addLoginFailure(failure);
  });
  current.on(SOCKET_EVENTS.error, (error) => {
    console.warn(`[socket] ${error.code}: ${error.message}`);
    // The server signs the user out (deactivated, password reset, role or second factor
    // changed) and disconnects: find out at once whether a new token exists (own password
    // change) or the session is over, instead of a reconnect loop with a dead token.
    if (error.code === 'UNAUTHORIZED') void onUnauthorized(error.message);
  });
}

export function disconnectSocket(): void {
  clearTimeout(retryTimer);
  clearTimeout(resyncTimer);
  if (!socket) return;
  const closing = socket;
  socket = null;
  closing.removeAllListeners();
  closing.disconnect();
  useConnectionStore.getState().reset();
  // The next user (perhaps an operator) must not see this user's supervisor figures.
  useSupervisorStore.getState().reset();
}

/** The words after "UNAUTHORIZED" in a refused handshake, if the server gave any. */
function authReason(message: string): string | undefined {
  const rest = message
    .slice(SOCKET_AUTH_ERROR_PREFIX.length)
    .replace(/^[:\s-]+/u, '')
    .trim();
  return rest === '' ? undefined : rest;
}

/** Asks the server for a fresh snapshot and applies it. Resolves false when not connected or on timeout. */
export function requestSnapshot(): Promise<boolean> {
  const current = socket;
  if (!current?.connected) return Promise.resolve(false);
  return new Promise((resolve) => {
    current.timeout(SNAPSHOT_TIMEOUT_MS).emit(SOCKET_EVENTS.requestSnapshot, (timeoutError, response) => {
      if (timeoutError) {
        resolve(false);
      } else if (!response.ok) {
        console.warn(`[socket] snapshot refused: ${response.error.code} ${response.error.message}`);
        resolve(false);
      } else {
        applySnapshot(response.snapshot);
        resolve(true);
      }
    });
  });
}

function applySnapshot(snapshot: QueueSnapshot): void {
  useQueueStore.getState().applySnapshot(snapshot);
  useCaseStore.getState().noteSnapshot(snapshot.cases);
}

/** Asks for a snapshot until one arrives (or the socket goes: the reconnect brings its own). */
function resync(current: ArcSocket): void {
  clearTimeout(resyncTimer);
  void requestSnapshot().then((ok) => {
    if (ok || socket !== current || !useQueueStore.getState().resyncing) return;
    resyncTimer = setTimeout(() => {
      if (socket === current && current.connected && useQueueStore.getState().resyncing) resync(current);
    }, RESYNC_RETRY_MS);
  });
}
