import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server, type Socket } from 'node:net';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { Dc09HandlerService } from './dc09-handler.service.js';
import { FrameSplitter } from './dc09/frame-splitter.js';
import { ReceiverStatsService } from './receiver-stats.service.js';

/**
 * DC-09 over TCP. A connection stays open after an ACK (panels keep it for the next message);
 * frames of one connection are handled at once but answered in their order. A frame longer
 * than DC09_MAX_FRAME_BYTES is answered with NAK in its place and skipped; the connection stays
 * open. Idle connections and connections over the limit are closed.
 */
@Injectable()
export class Dc09TcpReceiver implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Dc09TcpReceiver.name);
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly handler: Dc09HandlerService,
    private readonly stats: ReceiverStatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.dc09.enabled) return;
    const server = createServer({ noDelay: true }, (socket) => this.accept(socket));
    server.maxConnections = this.config.dc09.maxConnections;
    server.on('drop', () => {
      this.stats.rejectedConnections += 1;
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      const { tcpPort: port, host, listenBacklog: backlog } = this.config.dc09;
      server.listen({ port, host, backlog }, () => resolve());
    });
    const address = server.address();
    this.stats.listening.tcp = typeof address === 'object' && address ? `${address.address}:${address.port}` : null;
    this.server = server;
    this.logger.log(`DC-09 TCP receiver listening on ${this.stats.listening.tcp}`);
  }

  get port(): number | null {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    this.stats.listening.tcp = null;
    this.server = null;
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    this.stats.openConnections += 1;
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    const splitter = new FrameSplitter(this.config.dc09.maxFrameBytes);
    // Replies leave in frame order even though frames are handled concurrently.
    let replies: Promise<void> = Promise.resolve();

    socket.setTimeout(this.config.dc09.idleTimeoutSeconds * 1000);
    socket.on('timeout', () => {
      this.stats.idleClosed += 1;
      socket.destroy();
    });
    socket.on('data', (chunk: Buffer) => {
      const { items, garbageBytes } = splitter.push(chunk);
      this.stats.garbageBytes += garbageBytes;
      for (const item of items) {
        const reply =
          'frame' in item
            ? this.handler.handle(item.frame, 'dc09-tcp', remote).catch((error: unknown) => {
                this.logger.error({ err: error, remote }, 'Frame handling failed');
                return null;
              })
            : Promise.resolve(this.handler.oversized(remote, item.oversized));
        replies = replies.then(async () => {
          const bytes = await reply;
          if (bytes && !socket.destroyed) socket.write(bytes);
        });
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.stats.openConnections -= 1;
    });
  }
}
