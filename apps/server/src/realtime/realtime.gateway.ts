import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  SOCKET_AUTH_ERROR_PREFIX,
  SOCKET_EVENTS,
  type CaseSummary,
  type ClientToServerEvents,
  type Role,
  type ServerToClientEvents,
  type SessionUser,
  type SnapshotAck,
  type SupervisorSnapshot,
  type VerificationAttempt,
} from '@arc/shared';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service.js';
import { CaseChangeBus } from '../cases/case-change.bus.js';
import { CaseHandlingService } from '../cases/case-handling.service.js';
import { CasesService } from '../cases/cases.service.js';
import { IntakeEventsBus } from '../intake/intake-events.bus.js';
import { MetricsService } from '../supervision-metrics/metrics.service.js';
import { SupervisorViewService } from '../supervision-metrics/supervisor-view.service.js';

interface SocketData {
  user: SessionUser;
  expiresAt: number;
  /** Until the snapshot is sent, changes are held back so none can be overtaken by it. */
  pending: CaseSummary[] | null;
  /** Changes sent to this socket so far: each carries the next number, so a gap shows a loss. */
  seq: number;
  /** Counted as a console of its operator (see CaseHandlingService). */
  counted?: boolean;
  expiryTimer?: NodeJS.Timeout;
}

type ArcServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ArcSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const QUEUE_ROLES: readonly Role[] = ['operator', 'supervisor', 'admin'];
const SUPERVISOR_ROLES: readonly Role[] = ['supervisor', 'admin'];

/**
 * The only place that writes to sockets. The handshake needs a valid token; every socket
 * gets a snapshot of the open cases on (re)connect and then each change with its version.
 */
@WebSocketGateway({ cors: false, serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);
  private subscription?: Subscription;

  @WebSocketServer()
  private readonly server: ArcServer;

  constructor(
    private readonly auth: AuthService,
    private readonly cases: CasesService,
    private readonly handling: CaseHandlingService,
    private readonly supervisorView: SupervisorViewService,
    private readonly metrics: MetricsService,
    bus: CaseChangeBus,
    intake: IntakeEventsBus,
  ) {
    this.subscription = bus.changes$.subscribe((summary) => this.broadcastCase(summary));
    this.subscription.add(supervisorView.snapshots$.subscribe((snapshot) => this.broadcastToSupervisors(snapshot)));
    this.subscription.add(intake.verificationFailed$.subscribe((attempt) => this.broadcastVerificationFailed(attempt)));
  }

  afterInit(server: ArcServer): void {
    server.use((socket: ArcSocket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.auth
        .verify(typeof token === 'string' ? token : undefined)
        .then(({ user, expiresAt }) => {
          socket.data.user = user;
          socket.data.expiresAt = expiresAt;
          socket.data.pending = [];
          socket.data.seq = 0;
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
    try {
      const cases = await this.cases.listOpen();
      const snapshot = { cases, at: new Date().toISOString(), seq: socket.data.seq };
      const held = socket.data.pending ?? [];
      socket.data.pending = null;
      socket.emit(SOCKET_EVENTS.queueSnapshot, snapshot);
      this.presented(cases);
      for (const summary of held) this.send(socket, summary);
    } catch (error) {
      this.logger.error({ err: error }, 'Could not send queue snapshot');
      socket.emit(SOCKET_EVENTS.error, { code: 'INTERNAL', message: 'Could not load the queue; reconnecting' });
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: ArcSocket): void {
    clearTimeout(socket.data.expiryTimer);
    this.metrics.openSockets.set(this.server.sockets.sockets.size);
    if (socket.data.counted) this.handling.consoleDisconnected(socket.data.user.id);
  }

  @SubscribeMessage(SOCKET_EVENTS.requestSnapshot)
  async requestSnapshot(socket: ArcSocket): Promise<Parameters<SnapshotAck>[0]> {
    if (!QUEUE_ROLES.includes(socket.data.user.role)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Your role cannot see the queue' } };
    }
    return {
      ok: true,
      snapshot: { cases: await this.cases.listOpen(), at: new Date().toISOString(), seq: socket.data.seq },
    };
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private broadcastCase(summary: CaseSummary): void {
    // Local sockets only: each server process fans out to the consoles connected to it.
    let shown = false;
    for (const socket of this.server.sockets.sockets.values()) {
      if (!QUEUE_ROLES.includes(socket.data.user.role)) continue;
      if (socket.data.pending) socket.data.pending.push(summary);
      else {
        this.send(socket, summary);
        shown = true;
      }
    }
    if (shown) this.presented([summary]);
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

  private send(socket: ArcSocket, summary: CaseSummary): void {
    socket.data.seq += 1;
    socket.emit(SOCKET_EVENTS.caseChanged, { seq: socket.data.seq, summary });
  }

  /** Waiting cases that reached a console: the first time is ZR0001's "presented". */
  private presented(cases: CaseSummary[]): void {
    const waiting = cases.filter((c) => c.status === 'QUEUED').map((c) => c.id);
    if (waiting.length === 0) return;
    this.cases
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
