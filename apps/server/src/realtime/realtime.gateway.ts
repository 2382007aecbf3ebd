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
} from '@arc/shared';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service.js';
import { CaseChangeBus } from '../cases/case-change.bus.js';
import { CasesService } from '../cases/cases.service.js';

interface SocketData {
  user: SessionUser;
  expiresAt: number;
  /** Until the snapshot is sent, changes are held back so none can be overtaken by it. */
  pending: CaseSummary[] | null;
  expiryTimer?: NodeJS.Timeout;
}

type ArcServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ArcSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const QUEUE_ROLES: readonly Role[] = ['operator', 'supervisor', 'admin'];

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
    bus: CaseChangeBus,
  ) {
    this.subscription = bus.changes$.subscribe((summary) => this.broadcastCase(summary));
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
          next();
        })
        .catch((error: unknown) => next(new Error(`${SOCKET_AUTH_ERROR_PREFIX}: ${(error as Error).message}`)));
    });
  }

  async handleConnection(socket: ArcSocket): Promise<void> {
    const { user, expiresAt } = socket.data;
    this.scheduleExpiry(socket, expiresAt);
    if (!QUEUE_ROLES.includes(user.role)) return;
    try {
      const snapshot = { cases: await this.cases.listOpen(), at: new Date().toISOString() };
      const held = socket.data.pending ?? [];
      socket.data.pending = null;
      socket.emit(SOCKET_EVENTS.queueSnapshot, snapshot);
      for (const summary of held) socket.emit(SOCKET_EVENTS.caseUpserted, summary);
    } catch (error) {
      this.logger.error({ err: error }, 'Could not send queue snapshot');
      socket.emit(SOCKET_EVENTS.error, { code: 'INTERNAL', message: 'Could not load the queue; reconnecting' });
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: ArcSocket): void {
    clearTimeout(socket.data.expiryTimer);
  }

  @SubscribeMessage(SOCKET_EVENTS.requestSnapshot)
  async requestSnapshot(socket: ArcSocket): Promise<Parameters<SnapshotAck>[0]> {
    if (!QUEUE_ROLES.includes(socket.data.user.role)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Your role cannot see the queue' } };
    }
    return { ok: true, snapshot: { cases: await this.cases.listOpen(), at: new Date().toISOString() } };
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private broadcastCase(summary: CaseSummary): void {
    // Local sockets only: each server process fans out to the consoles connected to it.
    for (const socket of this.server.sockets.sockets.values()) {
      if (!QUEUE_ROLES.includes(socket.data.user.role)) continue;
      if (socket.data.pending) socket.data.pending.push(summary);
      else socket.emit(SOCKET_EVENTS.caseUpserted, summary);
    }
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
