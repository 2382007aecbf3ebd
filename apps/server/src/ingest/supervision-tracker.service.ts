import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { REDIS, redisKey } from '../redis/redis.module.js';
import type { TransmitterInfo } from './transmitter-directory.service.js';

const DEADLINE_FLUSH_MS = 1_000;
const LAST_SEEN_FLUSH_MS = 5_000;

/**
 * Every message from a transmitter (link test, periodic test or event) restarts its
 * supervision timer. Heartbeats are not stored as rows: the newest time per transmitter is kept
 * in memory and written in bulk — deadlines to a Redis sorted set every second, the last-seen
 * time to PostgreSQL every few seconds (the sorted set is rebuilt from it after a Redis flush).
 */
@Injectable()
export class SupervisionTrackerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SupervisionTrackerService.name);
  private pendingDeadlines = new Map<string, number>();
  private pendingSeen = new Map<string, number>();
  private timers: NodeJS.Timeout[] = [];
  readonly deadlinesKey: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.deadlinesKey = redisKey(config, 'supervision', 'deadlines');
  }

  touch(transmitter: TransmitterInfo, at = Date.now()): void {
    this.pendingSeen.set(transmitter.id, at);
    if (transmitter.supervisionIntervalSeconds) {
      this.pendingDeadlines.set(transmitter.id, at + transmitter.supervisionIntervalSeconds * 1000);
    }
  }

  onApplicationBootstrap(): void {
    // In the background: Redis commands wait for a reconnect, and the receivers must not.
    this.rebuildDeadlines().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not rebuild supervision deadlines'),
    );
    const every = (ms: number, task: () => Promise<void>, what: string) => {
      const timer = setInterval(() => {
        task().catch((error: unknown) => this.logger.warn({ err: error }, `Could not write ${what}`));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(DEADLINE_FLUSH_MS, () => this.flushDeadlines(), 'supervision deadlines');
    every(LAST_SEEN_FLUSH_MS, () => this.flushLastSeen(), 'last-seen times');
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    // A last flush, bounded: with Redis down the deadlines are rebuilt from last_seen_at at start.
    const bounded = (work: Promise<void>) =>
      Promise.race([work, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
    await Promise.allSettled([bounded(this.flushDeadlines()), this.flushLastSeen()]);
  }

  /**
   * Guarantee 5: after Redis lost its data the deadlines come back from PostgreSQL
   * (last seen + interval). GT keeps a newer deadline that is already there.
   */
  async rebuildDeadlines(): Promise<void> {
    const rows: { id: string; deadline: Date }[] = await this.dataSource.query(
      `SELECT id, COALESCE(last_seen_at, updated_at) + make_interval(secs => supervision_interval_seconds) AS deadline
         FROM transmitters WHERE supervision_interval_seconds IS NOT NULL`,
    );
    for (let i = 0; i < rows.length; i += 5000) {
      const args: (string | number)[] = [];
      for (const row of rows.slice(i, i + 5000)) args.push(row.deadline.getTime(), row.id);
      await this.redis.zadd(this.deadlinesKey, 'GT', ...args);
    }
  }

  async flushDeadlines(): Promise<void> {
    if (this.pendingDeadlines.size === 0) return;
    const batch = this.pendingDeadlines;
    this.pendingDeadlines = new Map();
    const args: (string | number)[] = [];
    for (const [id, deadline] of batch) args.push(deadline, id);
    try {
      await this.redis.zadd(this.deadlinesKey, ...args);
    } catch (error) {
      for (const [id, deadline] of batch) if (!this.pendingDeadlines.has(id)) this.pendingDeadlines.set(id, deadline);
      throw error;
    }
  }

  async flushLastSeen(): Promise<void> {
    if (this.pendingSeen.size === 0) return;
    const batch = this.pendingSeen;
    this.pendingSeen = new Map();
    try {
      await this.dataSource.query(
        `UPDATE transmitters t SET last_seen_at = GREATEST(t.last_seen_at, u.seen)
           FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, seen)
          WHERE t.id = u.id`,
        [[...batch.keys()], [...batch.values()].map((ms) => new Date(ms))],
      );
    } catch (error) {
      for (const [id, at] of batch) if (!this.pendingSeen.has(id)) this.pendingSeen.set(id, at);
      throw error;
    }
  }
}
