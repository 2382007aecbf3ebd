import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { type Role, type SessionUser } from '@arc/shared/auth';
import { type CaseChange, type CaseSummary } from '@arc/shared/case';
import { type VerificationAttempt } from '@arc/shared/intake';
import {
  SOCKET_AUTH_ERROR_PREFIX,
  SOCKET_EVENTS,
  SOCKET_OUTDATED_ERROR_PREFIX,
  SOCKET_PROTOCOL,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SnapshotAck,
} from '@arc/shared/socket-events';
import { type SupervisorSnapshot } from '@arc/shared/supervisor';
import { type LoginFailure } from '@arc/shared/users';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/index.js';
import { CaseChangeBus, CaseHandlingService, CaseSummariesService } from '../cases/index.js';
import { IntakeEventsBus } from '../intake/index.js';
import { MetricsService } from '../common/metrics/metrics.service.js';
import { SupervisorViewService } from '../supervision-metrics/index.js';
import { LoginEventsBus } from '../users/index.js';
import { UserStateService, type UserState } from '../users/index.js';
import { CasePresentedService } from './case-presented.service.js';

interface SocketData {
  user: SessionUser;
  /** Checked again whenever the user's state changes, and with each request. */
  token: string;
  expiresAt: number;
  /**
   * While a snapshot for this socket is read, changes are held back (the socket is out of the
   * queue room) and sent after the snapshot, so none can be overtaken by it. Null otherwise.
   */
  pending: CaseChange[] | null;
  /** Snapshots being read for this socket (its first one, and any it asked for). */
  holds?: number;
  /** Counted as a console of its operator (see CaseHandlingService). */
  counted?: boolean;
  expiryTimer?: NodeJS.Timeout;
}

type ArcServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ArcSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const QUEUE_ROLES: readonly Role[] = ['operator', 'supervisor', 'admin'];
const SUPERVISOR_ROLES: readonly Role[] = ['supervisor', 'admin'];
/** Queue consoles past their snapshot: a case change is encoded once and written to them all. */
const QUEUE_ROOM = 'queue';

/**
 * The only place that writes to sockets. The handshake needs a valid token; every socket
 * gets a snapshot of the open cases on (re)connect and then each change with its version.
 */
@WebSocketGateway({ cors: false, serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);
  private subscription?: Subscription;
  /**
   * Case changes sent to the queue room so far; each carries the next number. A console in the
   * room gets every one, so the numbers it sees go up one by one from its snapshot's and a gap
   * shows a loss, while all consoles get the very same frame.
   */
  private seq = 0;
  /** Queue consoles whose snapshot is being read: changes meanwhile are held back for them. */
  private readonly holding = new Set<ArcSocket>();

  @WebSocketServer()
  private readonly server: ArcServer;

  constructor(
    private readonly auth: AuthService,
    private readonly cases: CaseSummariesService,
    private readonly presentedCases: CasePresentedService,
    private readonly handling: CaseHandlingService,
    private readonly supervisorView: SupervisorViewService,
    private readonly metrics: MetricsService,
    bus: CaseChangeBus,
    intake: IntakeEventsBus,
    logins: LoginEventsBus,
    users: UserStateService,
  ) {
    this.subscription = bus.changes$.subscribe((summaries) => this.broadcastCases(summaries));
    this.subscription.add(supervisorView.snapshots$.subscribe((snapshot) => this.broadcastToSupervisors(snapshot)));
    this.subscription.add(intake.verificationFailed$.subscribe((attempt) => this.broadcastVerificationFailed(attempt)));
    this.subscription.add(logins.loginFailed$.subscribe((failure) => this.broadcastLoginFailed(failure)));
    this.subscription.add(users.changes$.subscribe((state) => this.userChanged(state)));
  }

  afterInit(server: ArcServer): void {
    server.use((socket: ArcSocket, next) => {
      const { token, protocol } = (socket.handshake.auth ?? {}) as { token?: unknown; protocol?: unknown };
      if (protocol !== SOCKET_PROTOCOL) {
        const spoken = typeof protocol === 'number' ? `protocol ${protocol}` : 'an older protocol';
        next(
          new Error(
            `${SOCKET_OUTDATED_ERROR_PREFIX}: this console speaks ${spoken}, the server protocol ${SOCKET_PROTOCOL}; reload the page`,
          ),
        );
        return;
      }
      this.auth
        .verify(typeof token === 'string' ? token : undefined)
        .then(({ user, expiresAt }) => {
          socket.data.user = user;
          socket.data.token = token as string;
          socket.data.expiresAt = expiresAt;
          socket.data.pending = null;
          next();
        })
        .catch((error: unknown) => next(new Error(`${SOCKET_AUTH_ERROR_PREFIX}: ${(error as Error).message}`)));
    });
  }

  async handleConnection(socket: ArcSocket): Promise<void> {
    const { user, expiresAt } = socket.data;
    this.scheduleExpiry(socket, expiresAt);
    this.metrics.openSockets.set(this.server.sockets.sockets.size);
    if (SUPERVISOR_ROLES.includes(user.role)) {
      this.supervisorView
        .current()
        .then((snapshot) => socket.emit(SOCKET_EVENTS.supervisorSnapshot, snapshot))
        .catch(() => undefined);
    }
    if (!QUEUE_ROLES.includes(user.role)) return;
    // The console is the heartbeat of the cases its operator holds.
    this.handling.consoleConnected(user.id);
    socket.data.counted = true;
    this.hold(socket);
    try {
      const cases = await this.cases.listOpen();
      socket.emit(SOCKET_EVENTS.queueSnapshot, { cases, at: new Date().toISOString(), seq: this.heldSeq(socket) });
      this.release(socket);
      this.presented(cases);
    } catch (error) {
      this.release(socket);
      this.logger.error({ err: error }, 'Could not send queue snapshot');
      socket.emit(SOCKET_EVENTS.error, { code: 'INTERNAL', message: 'Could not load the queue; reconnecting' });
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: ArcSocket): void {
    this.holding.delete(socket);
    clearTimeout(socket.data.expiryTimer);
    this.metrics.openSockets.set(this.server.sockets.sockets.size);
    if (socket.data.counted) this.handling.consoleDisconnected(socket.data.user.id);
  }

  @SubscribeMessage(SOCKET_EVENTS.requestSnapshot)
  async requestSnapshot(socket: ArcSocket): Promise<Parameters<SnapshotAck>[0]> {
    try {
      socket.data.user = (await this.auth.verify(socket.data.token)).user;
    } catch (error) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: (error as Error).message } };
    }
    if (!QUEUE_ROLES.includes(socket.data.user.role)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Your role cannot see the queue' } };
    }
    // As on connect: the changes made while the snapshot is read are held back, and sent after
    // the answer. Nest writes the answer once this promise settles, within the same turn of the
    // event loop, so they are released on the next turn.
    this.hold(socket);
    try {
      const cases = await this.cases.listOpen();
      return { ok: true, snapshot: { cases, at: new Date().toISOString(), seq: this.heldSeq(socket) } };
    } finally {
      setImmediate(() => this.release(socket));
    }
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The changes of one commit: numbered one by one, and sent to every queue console as one message. */
  private broadcastCases(summaries: CaseSummary[]): void {
    const changes: CaseChange[] = summaries.map((summary) => ({ seq: (this.seq += 1), summary }));
    for (const socket of this.holding) socket.data.pending?.push(...changes);
    // Local sockets only: each server process fans out to the consoles connected to it.
    this.server.local.to(QUEUE_ROOM).emit(SOCKET_EVENTS.caseChanges, changes);
    if ((this.server.sockets.adapter.rooms.get(QUEUE_ROOM)?.size ?? 0) > 0) this.presented(summaries);
  }

  /** Takes the socket out of the queue room while a snapshot for it is read. */
  private hold(socket: ArcSocket): void {
    socket.data.holds = (socket.data.holds ?? 0) + 1;
    if (socket.data.pending) return;
    socket.data.pending = [];
    this.holding.add(socket);
    void socket.leave(QUEUE_ROOM);
  }

  /**
   * The number a snapshot read now carries: that of the last change sent before the changes held
   * back, which follow it. The snapshot may already contain some of them; their versions tell.
   */
  private heldSeq(socket: ArcSocket): number {
    return this.seq - (socket.data.pending?.length ?? 0);
  }

  /** Once no snapshot is read for it any more: sends what was held back and rejoins the room. */
  private release(socket: ArcSocket): void {
    socket.data.holds = Math.max(0, (socket.data.holds ?? 1) - 1);
    if (socket.data.holds > 0) return;
    const held = socket.data.pending ?? [];
    socket.data.pending = null;
    this.holding.delete(socket);
    if (socket.disconnected) return;
    if (held.length > 0) socket.emit(SOCKET_EVENTS.caseChanges, held);
    void socket.join(QUEUE_ROOM);
  }

  private broadcastToSupervisors(snapshot: SupervisorSnapshot): void {
    for (const socket of this.server.sockets.sockets.values()) {
      if (SUPERVISOR_ROLES.includes(socket.data.user.role)) socket.emit(SOCKET_EVENTS.supervisorSnapshot, snapshot);
    }
  }

  /** A failed caller verification is a security event: supervisors and administrators see it live. */
  private broadcastVerificationFailed(attempt: VerificationAttempt): void {
    for (const socket of this.server.sockets.sockets.values()) {
      if (SUPERVISOR_ROLES.includes(socket.data.user.role)) socket.emit(SOCKET_EVENTS.verificationFailed, attempt);
    }
  }

  /** A failed sign-in is a security event as well. */
  private broadcastLoginFailed(failure: LoginFailure): void {
    for (const socket of this.server.sockets.sockets.values()) {
      if (SUPERVISOR_ROLES.includes(socket.data.user.role)) socket.emit(SOCKET_EVENTS.loginFailed, failure);
    }
  }

  /**
   * A user was deactivated, signed out (password, role, second factor) or renamed: their sockets
   * on this process are checked against the new state at once and closed if their token no
   * longer stands. A server-side disconnect: socket.io does not reconnect by itself.
   */
  private userChanged(state: UserState): void {
    for (const socket of this.server.sockets.sockets.values()) {
      if (socket.data.user?.id !== state.id) continue;
      this.auth
        .verify(socket.data.token)
        .then(({ user }) => {
          socket.data.user = user;
        })
        .catch((error: unknown) => {
          socket.emit(SOCKET_EVENTS.error, { code: 'UNAUTHORIZED', message: (error as Error).message });
          socket.disconnect(true);
        });
    }
  }

  /** Waiting cases that reached a console: the first time is ZR0001's "presented". */
  private presented(cases: CaseSummary[]): void {
    const waiting = cases.filter((c) => c.status === 'QUEUED').map((c) => c.id);
    if (waiting.length === 0) return;
    this.presentedCases
      .markPresented(waiting, new Date())
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not record when cases were presented'));
  }

  /**
   * When the token expires the transport is closed (not the socket), so socket.io reconnects
   * by itself and the handshake checks the console's refreshed token.
   */
  private scheduleExpiry(socket: ArcSocket, expiresAt: number): void {
    const delay = Math.max(0, expiresAt - Date.now());
    socket.data.expiryTimer = setTimeout(() => {
      socket.emit(SOCKET_EVENTS.error, { code: 'UNAUTHORIZED', message: 'Token has expired' });
      socket.conn.close();
    }, delay);
  }
}
