import type { CaseChange, QueueSnapshot } from './case.js';
import type { VerificationAttempt } from './intake.js';
import type { SupervisorSnapshot } from './supervisor.js';
import type { LoginFailure } from './users.js';

/**
 * The socket contract used by server and console. Event names carry a version so that
 * a newer console and an older server (or the reverse) never misread each other.
 */
export const SOCKET_EVENTS = {
  queueSnapshot: 'queue.snapshot.v1',
  /**
   * The case changes of one commit, in order, as one message: an evaluation batch or a storm
   * reaches every console as one frame and one store update instead of one per case.
   */
  caseChanges: 'case.changes.v3',
  requestSnapshot: 'queue.snapshot.request.v1',
  /** To supervisors and admins: a caller verification failed or locked a person. */
  verificationFailed: 'intake.verification-failed.v1',
  /** To supervisors and admins: a sign-in failed (wrong password or code), possibly locking an account or address. */
  loginFailed: 'auth.login-failed.v1',
  /** To supervisors and admins every few seconds and on connect. */
  supervisorSnapshot: 'supervisor.snapshot.v1',
  error: 'error.v1',
} as const;

/** A refused handshake's connect_error message starts with this. */
export const SOCKET_AUTH_ERROR_PREFIX = 'UNAUTHORIZED';

/**
 * The version of this contract. A console sends it with its handshake, and the server refuses a
 * console that speaks another one (it would miss events it does not know, and show a stale
 * queue without knowing). Raise it whenever an event a console must understand changes.
 * 3: the changes of one commit in one message, `case.changes.v3`.
 */
export const SOCKET_PROTOCOL = 3;

/** A handshake refused for an outdated console: its connect_error message starts with this. */
export const SOCKET_OUTDATED_ERROR_PREFIX = 'OUTDATED';

export interface SocketErrorPayload {
  code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'BAD_REQUEST' | 'INTERNAL';
  message: string;
}

export interface ServerToClientEvents {
  'queue.snapshot.v1': (snapshot: QueueSnapshot) => void;
  'case.changes.v3': (changes: CaseChange[]) => void;
  'intake.verification-failed.v1': (attempt: VerificationAttempt) => void;
  'supervisor.snapshot.v1': (snapshot: SupervisorSnapshot) => void;
  'auth.login-failed.v1': (failure: LoginFailure) => void;
  'error.v1': (error: SocketErrorPayload) => void;
}

export type SnapshotAck = (
  response: { ok: true; snapshot: QueueSnapshot } | { ok: false; error: SocketErrorPayload },
) => void;

export interface ClientToServerEvents {
  'queue.snapshot.request.v1': (ack: SnapshotAck) => void;
}

/** Handshake auth payload: the JWT from POST /api/v1/auth/login, and `SOCKET_PROTOCOL`. */
export interface SocketAuth {
  token: string;
  protocol: number;
}
