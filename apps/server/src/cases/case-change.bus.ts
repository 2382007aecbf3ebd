import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CaseSummarySchema, type CaseSummary } from '@arc/shared';
import type { Redis } from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { closeRedis, REDIS, redisKey } from '../redis/redis.module.js';

/**
 * Domain events of cases. Services publish here; only the realtime module turns them into
 * socket messages. A change is delivered at once to this process and, through Redis pub/sub,
 * to every other server process, so a console sees a case whichever process evaluated its
 * signal. If Redis is down the other processes miss the change until their consoles' next
 * snapshot; this process still delivers it.
 */
@Injectable()
export class CaseChangeBus implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CaseChangeBus.name);
  private readonly changes = new Subject<CaseSummary>();
  private readonly origin = randomUUID();
  /** How JSON.stringify starts this process's messages: `origin` is their first key. */
  private readonly ownPrefix = `{"origin":${JSON.stringify(this.origin)},`;
  private readonly channel: string;
  private subscriber: Redis | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = redisKey(config, 'events', 'case-changed');
  }

  get changes$(): Observable<CaseSummary> {
    return this.changes.asObservable();
  }

  onApplicationBootstrap(): void {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', () => undefined); // the main client already reports an outage
    this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    // Not awaited: with Redis down the server must still start; ioredis subscribes on reconnect.
    this.subscriber
      .subscribe(this.channel)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not subscribe to case changes'));
  }

  publish(summary: CaseSummary): void {
    this.publishMany([summary]);
  }

  /** Publishes the changes of one commit in order, as one Redis message for the other processes. */
  publishMany(summaries: CaseSummary[]): void {
    if (summaries.length === 0) return;
    for (const summary of summaries) this.changes.next(summary);
    this.redis
      .publish(this.channel, JSON.stringify({ origin: this.origin, summaries }))
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Could not share a case change with other processes'),
      );
  }

  async onModuleDestroy(): Promise<void> {
    this.changes.complete();
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  private receive(message: string): void {
    // This process's own messages come back too; they are known by their start, unparsed.
    if (message.startsWith(this.ownPrefix)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    const { origin, summary, summaries } = (parsed ?? {}) as {
      origin?: unknown;
      summary?: unknown;
      summaries?: unknown;
    };
    if (origin === this.origin) return;
    // `summary`: one change per message, as processes before batching sent them.
    for (const item of Array.isArray(summaries) ? summaries : [summary]) {
      const checked = CaseSummarySchema.safeParse(item);
      if (checked.success) this.changes.next(checked.data);
      else this.logger.warn('Ignored a malformed case change from Redis');
    }
  }
}
