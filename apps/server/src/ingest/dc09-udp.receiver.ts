import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { Dc09HandlerService } from './dc09-handler.service.js';
import { FrameSplitter } from './dc09/frame-splitter.js';
import { ReceiverStatsService } from './receiver-stats.service.js';

/**
 * DC-09 over UDP: one reply datagram per frame, to the sender's address and port; a frame longer
 * than DC09_MAX_FRAME_BYTES gets a NAK.
 */
@Injectable()
export class Dc09UdpReceiver implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Dc09UdpReceiver.name);
  private socket: Socket | null = null;

  constructor(
    private readonly handler: Dc09HandlerService,
    private readonly stats: ReceiverStatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.dc09.enabled) return;
    const socket = createSocket({ type: isIPv6(this.config.dc09.host) ? 'udp6' : 'udp4', reuseAddr: false });
    socket.on('message', (message, remote) => this.receive(socket, message, remote.address, remote.port));
    socket.on('error', (error) => this.logger.error({ err: error }, 'UDP receiver error'));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(this.config.dc09.udpPort, this.config.dc09.host, () => resolve());
    });
    const address = socket.address();
    this.stats.listening.udp = `${address.address}:${address.port}`;
    this.socket = socket;
    this.logger.log(`DC-09 UDP receiver listening on ${this.stats.listening.udp}`);
  }

  get port(): number | null {
    return this.socket ? this.socket.address().port : null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.socket) return;
    await new Promise<void>((resolve) => this.socket!.close(() => resolve()));
    this.stats.listening.udp = null;
    this.socket = null;
  }

  private receive(socket: Socket, message: Buffer, address: string, port: number): void {
    const { items, garbageBytes } = new FrameSplitter(this.config.dc09.maxFrameBytes).push(message);
    this.stats.garbageBytes += garbageBytes;
    const remote = `${address}:${port}`;
    for (const item of items) {
      const reply =
        'frame' in item
          ? this.handler.handle(item.frame, 'dc09-udp', remote)
          : Promise.resolve(this.handler.oversized(remote, item.oversized));
      reply
        .then((bytes) => {
          if (bytes && this.socket) socket.send(bytes, port, address);
        })
        .catch((error: unknown) => this.logger.error({ err: error, remote }, 'Frame handling failed'));
    }
  }
}
