import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { REDIS, redisKey } from './redis-client.js';

const CHECK_MS = 2_000;

/**
 * Guarantee 5: Redis may be flushed or restarted without persistence while the system runs.
 * Everything kept there (case jobs, supervision deadlines, timers) has its record in PostgreSQL;
 * the services that keep it register a rebuild here. A marker key is set when the state is
 * complete; when it is found missing (at start, or after a flush) the rebuilds run again. With
 * several processes, SET NX lets exactly one of them rebuild after a flush.
 */
@Injectable()
export class RedisStateService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RedisStateService.name);
  private readonly rebuilds = new Map<string, () => Promise<void>>();
  private readonly markerKey: string;
  private timer?: NodeJS.Timeout;
  private checking: Promise<void> | null = null;
  private stopped = false;
  /** How many times the state was rebuilt after the marker went missing (for tests and health). */
  rebuildCount = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.markerKey = redisKey(config, 'state', 'complete');
  }

  /** Registers a rebuild from PostgreSQL; call it in a constructor or onModuleInit. */
  register(name: string, rebuild: () => Promise<void>): void {
    this.rebuilds.set(name, rebuild);
  }

  onApplicationBootstrap(): void {
    // In the background: Redis commands wait for a reconnect, and start-up must not.
    void this.check(true);
    this.timer = setInterval(() => void this.check(false), CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** At start every process rebuilds; afterwards only when the marker is gone. */
  check(always: boolean): Promise<void> {
    this.checking ??= this.run(always).finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async run(always: boolean): Promise<void> {
    try {
      const created = (await this.redis.set(this.markerKey, new Date().toISOString(), 'NX')) === 'OK';
      if (!created && !always) return;
      if (created && !always)
        this.logger.warn('Redis state is missing (flushed or restarted): rebuilding from PostgreSQL');
      this.rebuildCount += created && !always ? 1 : 0;
      for (const [name, rebuild] of this.rebuilds) {
        if (this.stopped) return;
        try {
          await rebuild();
        } catch (error) {
          // Try again at the next check: the marker goes, so the whole rebuild runs again.
          this.logger.error({ err: error, part: name }, 'Rebuilding Redis state failed; retrying');
          await this.redis.del(this.markerKey).catch(() => undefined);
          return;
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not check the Redis state marker');
    }
  }
}
