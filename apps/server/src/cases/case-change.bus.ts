import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CaseSummarySchema, type CaseSummary } from '@arc/shared/case';
import type { Redis } from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { RedisFanout } from '../redis/redis-fanout.js';
import { REDIS, redisKey } from '../redis/redis.module.js';

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
  /** The changes of one commit together, in order: they reach each console as one message. */
  private readonly changes = new Subject<CaseSummary[]>();
  private readonly fanout: RedisFanout;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.fanout = new RedisFanout(redis, redisKey(config, 'events', 'case-changed'), this.logger, 'case changes', (m) =>
      this.receive(m),
    );
  }

  get changes$(): Observable<CaseSummary[]> {
    return this.changes.asObservable();
  }

  onApplicationBootstrap(): void {
    this.fanout.start();
  }

  publish(summary: CaseSummary): void {
    this.publishMany([summary]);
  }

  /** Publishes the changes of one commit in order, as one Redis message for the other processes. */
  publishMany(summaries: CaseSummary[]): void {
    if (summaries.length === 0) return;
    this.changes.next(summaries);
    this.fanout.publish({ summaries });
  }

  async onModuleDestroy(): Promise<void> {
    this.changes.complete();
    await this.fanout.close();
  }

  private receive({ summary, summaries }: Record<string, unknown>): void {
    // `summary`: one change per message, as processes before batching sent them.
    const valid: CaseSummary[] = [];
    for (const item of Array.isArray(summaries) ? summaries : [summary]) {
      const checked = CaseSummarySchema.safeParse(item);
      if (checked.success) valid.push(checked.data);
      else this.logger.warn('Ignored a malformed case change from Redis');
    }
    if (valid.length > 0) this.changes.next(valid);
  }
}
