import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { testMissingTitle } from '@arc/shared/case-title';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { CaseEffectsService, CaseLifecycleService, type CaseChange, type OpenOrAppendInput } from '../cases/index.js';
import { returnedRows } from '../database/sql-kit.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { REDIS, redisKey } from '../redis/redis-client.js';
import { RedisStateService } from '../redis/redis-state.service.js';
import { clock } from './decide.js';
import { supervisionSuppressions } from './suppressions.js';

/** Deadlines taken per sweep; the rest wait for the next one. */
const SWEEP_BATCH = 500;

/**
 * Atomically takes the overdue members of the deadline set: with several server processes,
 * each overdue transmitter is judged by exactly one of them.
 */
const TAKE_OVERDUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[2])
for i = 1, #due, 2 do redis.call('ZREM', KEYS[1], due[i]) end
return due`;

interface Overdue {
  id: string;
  account: string;
  site_id: string;
  supervision_interval_seconds: number | null;
  last_seen_at: Date | null;
  updated_at: Date;
  supervision_failed_at: Date | null;
}

/**
 * Supervision (docs/domain.md section 4): each transmitter with a test interval has a deadline in a
 * Redis sorted set (last message + interval + grace). Any message moves it; heartbeats never
 * become rows. A sweeper takes overdue deadlines and raises a TECHNICAL case "test signal
 * missing", except while a service mode or block window silences the transmitter: then the
 * deadline moves to the end of that window. PostgreSQL keeps `last_seen_at` and
 * `supervision_failed_at`, from which the set is rebuilt after Redis lost it.
 */
@Injectable()
export class SupervisionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SupervisionService.name);
  readonly deadlinesKey: string;
  private readonly graceSeconds: number;
  private readonly sweepMs: number;
  private timer?: NodeJS.Timeout;
  private sweeping: Promise<number> | null = null;
  private stopped = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: CaseLifecycleService,
    private readonly effects: CaseEffectsService,
    state: RedisStateService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.deadlinesKey = redisKey(config, 'supervision', 'deadlines');
    this.graceSeconds = config.rules.supervisionGraceSeconds;
    this.sweepMs = config.rules.supervisionSweepSeconds * 1000;
    state.register('supervision deadlines', () => this.rebuildDeadlines());
  }

  /** The deadline after a message at `at` from a transmitter with this interval. */
  deadlineAfter(at: number, intervalSeconds: number): number {
    return at + (intervalSeconds + this.graceSeconds) * 1000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.sweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Moves deadlines forward (GT: a later deadline already set by another process wins). */
  async setDeadlines(deadlines: Map<string, number>): Promise<void> {
    if (deadlines.size === 0) return;
    const args: (string | number)[] = [];
    for (const [id, deadline] of deadlines) args.push(deadline, id);
    await this.redis.zadd(this.deadlinesKey, 'GT', ...args);
  }

  /**
   * Guarantee 5: the deadlines come back from PostgreSQL (last seen + interval + grace). A
   * transmitter whose missing test was already raised, and not heard from since, gets none: its
   * next message starts supervision again.
   */
  async rebuildDeadlines(): Promise<void> {
    const rows: { id: string; deadline: Date }[] = await this.dataSource.query(
      `SELECT id, COALESCE(last_seen_at, updated_at) + make_interval(secs => supervision_interval_seconds + $1)
                AS deadline
         FROM transmitters
        WHERE supervision_interval_seconds IS NOT NULL
          AND (supervision_failed_at IS NULL OR last_seen_at > supervision_failed_at)`,
      [this.graceSeconds],
    );
    for (let i = 0; i < rows.length; i += 5000) {
      const args: (string | number)[] = [];
      for (const row of rows.slice(i, i + 5000)) args.push(row.deadline.getTime(), row.id);
      await this.redis.zadd(this.deadlinesKey, 'GT', ...args);
    }
  }

  /** One sweep; resolves with the number of "test signal missing" cases raised or appended. */
  sweep(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.sweeping ??= this.sweepOnce()
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'Supervision sweep failed; retrying at the next one');
        return 0;
      })
      .finally(() => {
        this.sweeping = null;
      });
    return this.sweeping;
  }

  private async sweepOnce(): Promise<number> {
    const now = Date.now();
    const taken = (await this.redis.eval(TAKE_OVERDUE, 1, this.deadlinesKey, now, SWEEP_BATCH)) as string[];
    if (taken.length === 0) return 0;
    const scores = new Map<string, number>();
    for (let i = 0; i < taken.length; i += 2) scores.set(taken[i]!, Number(taken[i + 1]));
    try {
      const { changes, later, raised } = await this.judge([...scores.keys()], new Date(now));
      await this.setDeadlines(later);
      await this.effects.afterCommit(changes);
      return raised;
    } catch (error) {
      // Put them back as they were: the next sweep judges them again.
      await this.setDeadlines(scores).catch(() => undefined);
      throw error;
    }
  }

  private async judge(
    ids: string[],
    now: Date,
  ): Promise<{ changes: CaseChange[]; later: Map<string, number>; raised: number }> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Overdue[] = await manager.query(
        `SELECT id, account, site_id, supervision_interval_seconds, last_seen_at, updated_at, supervision_failed_at
           FROM transmitters WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
        [ids],
      );
      const silenced = await supervisionSuppressions(manager, ids, now);
      const later = new Map<string, number>();
      const missing: OpenOrAppendInput[] = [];
      const failed: string[] = [];
      for (const row of rows) {
        const interval = row.supervision_interval_seconds;
        if (!interval) continue; // supervision was switched off
        const heard = row.last_seen_at ?? row.updated_at;
        const due = this.deadlineAfter(heard.getTime(), interval);
        if (due > now.getTime()) {
          later.set(row.id, due); // heard from meanwhile (the set was behind PostgreSQL)
          continue;
        }
        const window = silenced.get(row.id)?.[0];
        if (window) {
          // Silenced: look again one interval after the window ends.
          later.set(row.id, this.deadlineAfter(window.endsAt.getTime(), interval));
          continue;
        }
        if (row.supervision_failed_at && (!row.last_seen_at || row.supervision_failed_at >= row.last_seen_at)) continue;
        failed.push(row.id);
        missing.push({
          caseKey: `site:${row.site_id}`,
          siteId: row.site_id,
          account: row.account,
          category: 'TECHNICAL',
          priority: 4,
          ...testMissingTitle(row.account, row.last_seen_at ? clock(row.last_seen_at) : null),
          unknownTransmitter: false,
          signalId: null,
          receivedAt: now,
          note: {
            type: 'SUPERVISION_MISSED',
            data: {
              account: row.account,
              intervalSeconds: interval,
              lastSeenAt: row.last_seen_at?.toISOString() ?? null,
            },
          },
        });
      }
      if (missing.length === 0) return { changes: [], later, raised: 0 };
      const applied = await this.lifecycle.openOrAppendMany(manager, missing);
      await manager.query(`UPDATE transmitters SET supervision_failed_at = $2 WHERE id = ANY($1::uuid[])`, [
        failed,
        now,
      ]);
      return { changes: applied.changes, later, raised: missing.length };
    });
  }

  /**
   * Transmitters heard from again after their missing test was raised: the open technical case
   * of the site gets a restore entry, so the operator sees the link is back.
   */
  async reportingAgain(transmitterIds: string[]): Promise<void> {
    if (transmitterIds.length === 0) return;
    const changes = await this.dataSource.transaction(async (manager) => {
      const rows = returnedRows<{ account: string; site_id: string }>(
        await manager.query(
          `UPDATE transmitters SET supervision_failed_at = NULL
            WHERE id = ANY($1::uuid[]) AND supervision_failed_at IS NOT NULL
            RETURNING account, site_id`,
          [transmitterIds],
        ),
      );
      const found: CaseChange[] = [];
      for (const row of rows) {
        const change = await this.lifecycle.recordRestore(
          manager,
          `site:${row.site_id}`,
          'TECHNICAL',
          null,
          `Transmitter ${row.account} reporting again`,
        );
        if (change) found.push(change);
      }
      return found;
    });
    await this.effects.afterCommit(changes);
  }
}
