import { randomUUID } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { closeRedis } from './redis.module.js';

/**
 * Shares events of this process with the other server processes through one Redis pub/sub
 * channel. Each message carries this process's origin, so its own messages, which come back too,
 * are dropped unparsed. With Redis down, publishing logs a warning and the other processes miss
 * the event; the caller has delivered it in this process already. Used by the event buses.
 */
export class RedisFanout {
  private readonly origin = randomUUID();
  /** How JSON.stringify starts this process's messages: `origin` is their first key. */
  private readonly ownPrefix = `{"origin":${JSON.stringify(this.origin)},`;
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly logger: Logger,
    /** What is shared, for the log lines ("case changes"). */
    private readonly what: string,
    /** Called with every parsed message of another process (its fields besides `origin`). */
    private readonly receive: (message: Record<string, unknown>) => void,
  ) {}

  start(): void {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', () => undefined); // the main client already reports an outage
    this.subscriber.on('message', (_channel: string, message: string) => this.onMessage(message));
    // Not awaited: with Redis down the server must still start; ioredis subscribes on reconnect.
    this.subscriber
      .subscribe(this.channel)
      .catch((error: unknown) => this.logger.warn({ err: error }, `Could not subscribe to ${this.what}`));
  }

  publish(fields: Record<string, unknown>): void {
    this.redis
      .publish(this.channel, JSON.stringify({ origin: this.origin, ...fields }))
      .catch((error: unknown) => this.logger.warn({ err: error }, `Could not share ${this.what} with other processes`));
  }

  async close(): Promise<void> {
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  private onMessage(message: string): void {
    if (message.startsWith(this.ownPrefix)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (!parsed || typeof parsed !== 'object') return;
    const { origin, ...fields } = parsed as Record<string, unknown>;
    if (origin === this.origin) return;
    this.receive(fields);
  }
}
