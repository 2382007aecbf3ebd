import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { returnedRows } from '../database/sql-kit.js';
import { SupervisionService } from '../rules/index.js';
import type { TransmitterInfo } from './signal-types.js';

const DEADLINE_FLUSH_MS = 1_000;
const LAST_SEEN_FLUSH_MS = 5_000;

/**
 * Every message from a transmitter (link test, periodic test or event) restarts its
 * supervision timer. Heartbeats are not stored as rows: the newest time per transmitter is kept
 * in memory and written in bulk — deadlines to the Redis sorted set of the SupervisionService
 * every second, the last-seen time to PostgreSQL every few seconds (the sorted set is rebuilt
 * from it after a Redis flush).
 */
@Injectable()
export class SupervisionTrackerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SupervisionTrackerService.name);
  private pendingDeadlines = new Map<string, number>();
  private pendingSeen = new Map<string, number>();
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly supervision: SupervisionService,
  ) {}

  touch(transmitter: TransmitterInfo, at = Date.now()): void {
    this.pendingSeen.set(transmitter.id, at);
    if (transmitter.supervisionIntervalSeconds) {
      this.pendingDeadlines.set(
        transmitter.id,
        this.supervision.deadlineAfter(at, transmitter.supervisionIntervalSeconds),
      );
    }
  }

  onApplicationBootstrap(): void {
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

  async flushDeadlines(): Promise<void> {
    if (this.pendingDeadlines.size === 0) return;
    const batch = this.pendingDeadlines;
    this.pendingDeadlines = new Map();
    try {
      await this.supervision.setDeadlines(batch);
    } catch (error) {
      for (const [id, deadline] of batch) if (!this.pendingDeadlines.has(id)) this.pendingDeadlines.set(id, deadline);
      throw error;
    }
  }

  async flushLastSeen(): Promise<void> {
    if (this.pendingSeen.size === 0) return;
    const batch = this.pendingSeen;
    this.pendingSeen = new Map();
    let recovered: { id: string }[];
    try {
      recovered = returnedRows<{ id: string }>(
        await this.dataSource.query(
          `UPDATE transmitters t SET last_seen_at = GREATEST(t.last_seen_at, u.seen)
             FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, seen)
            WHERE t.id = u.id
            RETURNING t.id, t.supervision_failed_at IS NOT NULL AND u.seen > t.supervision_failed_at AS recovered`,
          [[...batch.keys()], [...batch.values()].map((ms) => new Date(ms))],
        ),
      ).filter((row) => (row as { recovered?: boolean }).recovered);
    } catch (error) {
      for (const [id, at] of batch) if (!this.pendingSeen.has(id)) this.pendingSeen.set(id, at);
      throw error;
    }
    // Heard from after "test signal missing" was raised: tell the case, restart supervision.
    if (recovered.length > 0) await this.supervision.reportingAgain(recovered.map((row) => row.id));
  }
}
