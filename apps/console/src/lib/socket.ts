import { type CaseChange, type QueueSnapshot } from '@arc/shared/case';
import { type VerificationAttempt } from '@arc/shared/intake';
import {
  SOCKET_AUTH_ERROR_PREFIX,
  SOCKET_EVENTS,
  SOCKET_OUTDATED_ERROR_PREFIX,
  SOCKET_PROTOCOL,
  type SocketAuth,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@arc/shared/socket-events';
import { type SupervisorSnapshot } from '@arc/shared/supervisor';
import { type LoginFailure } from '@arc/shared/users';
import { io, type Socket } from 'socket.io-client';

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

/**
 * Where the transport hands what it hears: the app wires these to the stores and the query cache
 * (app/socket-dispatch.ts), so this file knows no feature.
 */
export interface SocketEventHandlers {
  connecting: () => void;
  connected: () => void;
  disconnected: () => void;
  /** The server speaks a newer protocol: only a reload helps. */
  outdated: () => void;
  /** The socket was closed on purpose (logout, reconnect with new options). */
  closed: () => void;
  snapshot: (snapshot: QueueSnapshot) => void;
  /** 'snapshot-needed': a change was missed and the transport asks for a snapshot until one comes. */
  changes: (changes: readonly CaseChange[]) => 'applied' | 'snapshot-needed';
  /** Still waiting for the snapshot asked for after a missed change. */
  resyncing: () => boolean;
  supervisorSnapshot: (snapshot: SupervisorSnapshot) => void;
  verificationFailed: (attempt: VerificationAttempt) => void;
  loginFailed: (failure: LoginFailure) => void;
}

const SNAPSHOT_TIMEOUT_MS = 5_000;
/** socket.io stops retrying after a server-side disconnect or a middleware refusal; we do not. */
const MANUAL_RETRY_MS = 2_000;
/** A snapshot asked for after a missed change that did not come is asked for again after this. */
const RESYNC_RETRY_MS = 2_000;

let socket: ArcSocket | null = null;
let handlers: SocketEventHandlers | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let resyncTimer: ReturnType<typeof setTimeout> | undefined;

/** Opens the one live connection of the console. Safe to call again: the old socket is closed first. */
export function connectSocket(options: ConnectOptions, events: SocketEventHandlers): void {
  disconnectSocket();
  handlers = events;
  events.connecting();
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
    events.connected();
  });
  current.on('disconnect', (reason) => {
    events.disconnected();
    if (reason === 'io server disconnect') retryLater();
  });
  current.on('connect_error', (error) => {
    if (error.message.startsWith(SOCKET_AUTH_ERROR_PREFIX)) void onUnauthorized(authReason(error.message));
    else if (error.message.startsWith(SOCKET_OUTDATED_ERROR_PREFIX)) {
      // Retrying cannot help: only a reload brings the code the server speaks.
      events.outdated();
    } else if (!current.active) retryLater();
  });

  current.on(SOCKET_EVENTS.queueSnapshot, (snapshot) => {
    events.snapshot(snapshot);
  });
  current.on(SOCKET_EVENTS.caseChanges, (changes) => {
    // Socket events are hints: a change numbered out of turn means one was lost, and only a
    // snapshot can tell what it was.
    if (events.changes(changes) === 'snapshot-needed') resync(current);
  });
  // Sent to supervisors and administrators only.
  current.on(SOCKET_EVENTS.supervisorSnapshot, (snapshot) => {
    events.supervisorSnapshot(snapshot);
  });
  current.on(SOCKET_EVENTS.verificationFailed, (attempt) => {
    events.verificationFailed(attempt);
  });
  current.on(SOCKET_EVENTS.loginFailed, (failure) => {
    events.loginFailed(failure);
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
  const closed = handlers;
  handlers = null;
  closed?.closed();
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
        handlers?.snapshot(response.snapshot);
        resolve(true);
      }
    });
  });
}

/** Asks for a snapshot until one arrives (or the socket goes: the reconnect brings its own). */
function resync(current: ArcSocket): void {
  clearTimeout(resyncTimer);
  void requestSnapshot().then((ok) => {
    if (ok || socket !== current || !handlers?.resyncing()) return;
    resyncTimer = setTimeout(() => {
      if (socket === current && current.connected && handlers?.resyncing()) resync(current);
    }, RESYNC_RETRY_MS);
  });
}
