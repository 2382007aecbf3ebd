import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ALARM_CATEGORIES, CATEGORY_PRIORITY } from '@arc/shared/alarm';
import { type SessionUser } from '@arc/shared/auth';
import { type VerificationAttempt, type VerificationResult } from '@arc/shared/intake';
import {
  acceptTimeFigures,
  supervisorAlerts,
  type HistoryPoint,
  type OperatorLoad,
  type OperatorState,
  type QueueByPriority,
  type OwnOperatorState,
  type SetOperatorStateInput,
  type SupervisorSnapshot,
} from '@arc/shared/supervisor';
import type { Queue } from 'bullmq';
import { Subject, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import {
  CASES_QUEUE,
  CaseHandlingService,
  queueHistory,
  recentAcceptTimes,
  waitingByCategory,
} from '../cases/index.js';
import { centreTimeZone } from '../common/centre-time.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { RULE_TIMERS_QUEUE } from '../rules/index.js';
import { MetricsService } from '../common/metrics/metrics.service.js';

const SNAPSHOT_MS = 5_000;
/** The chart: 5-minute buckets over the last 6 hours. */
const HISTORY_BUCKET_MINUTES = 5;
const HISTORY_HOURS = 6;

interface VerificationRow {
  id: string;
  at: Date;
  operator_user_id: string;
  operator_name: string;
  person_id: string | null;
  person_name: string;
  site_id: string | null;
  site_name: string | null;
  result: VerificationResult;
  locked_until: Date | null;
}

/**
 * The supervisor's live view. One snapshot is computed every few seconds from the stored
 * response times (so a restart loses nothing) and sent to every supervisor socket: the cost does
 * not grow with the number of consoles. The same snapshot feeds the Prometheus gauges.
 */
@Injectable()
export class SupervisorViewService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SupervisorViewService.name);
  private readonly snapshots = new Subject<SupervisorSnapshot>();
  private timer?: NodeJS.Timeout;
  private computing: Promise<SupervisorSnapshot> | null = null;
  latest: SupervisorSnapshot | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(CASES_QUEUE) private readonly casesQueue: Queue,
    @InjectQueue(RULE_TIMERS_QUEUE) private readonly timersQueue: Queue,
    private readonly handling: CaseHandlingService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get snapshots$(): Observable<SupervisorSnapshot> {
    return this.snapshots.asObservable();
  }

  onApplicationBootstrap(): void {
    // refresh() has logged a failure already; the next tick tries again.
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), SNAPSHOT_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.snapshots.complete();
  }

  /** Computes a new snapshot (one at a time) and sends it to the subscribers. */
  refresh(): Promise<SupervisorSnapshot> {
    this.computing ??= this.compute()
      .then((snapshot) => {
        this.latest = snapshot;
        this.snapshots.next(snapshot);
        return snapshot;
      })
      .finally(() => {
        this.computing = null;
      });
    return this.computing.catch((error: unknown) => {
      this.logger.warn({ err: error }, 'Could not compute the supervisor snapshot');
      throw error;
    });
  }

  /** The latest snapshot, or a fresh one if none was computed yet. */
  async current(): Promise<SupervisorSnapshot> {
    return this.latest ?? this.refresh();
  }

  /** What the user last set themselves (kept across restarts and logins). */
  async ownState(user: SessionUser): Promise<OwnOperatorState> {
    const [row] = (await this.dataSource.query(`SELECT state, reason, since FROM operator_states WHERE user_id = $1`, [
      user.id,
    ])) as { state: 'AVAILABLE' | 'AWAY'; reason: string | null; since: Date }[];
    return row
      ? { state: row.state, reason: row.reason, since: row.since.toISOString() }
      : { state: null, reason: null, since: null };
  }

  /** An operator sets themselves available, or away with a reason. */
  async setState(user: SessionUser, input: SetOperatorStateInput): Promise<void> {
    const reason = input.state === 'AWAY' ? input.reason : null;
    await this.dataSource.query(
      `INSERT INTO operator_states (user_id, state, reason, since) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id) DO UPDATE SET state = EXCLUDED.state, reason = EXCLUDED.reason, since = now()`,
      [user.id, input.state, reason],
    );
    void this.refresh().catch(() => undefined);
  }

  private async compute(): Promise<SupervisorSnapshot> {
    const stopTimer = this.metrics.snapshotSeconds.startTimer();
    const { targets, oldestWaitingSeconds } = this.config.supervisor;
    const queue = await this.queueByPriority();
    const accept = await this.acceptTimes();
    const last15m = acceptTimeFigures(accept.last15m, targets);
    const snapshot: SupervisorSnapshot = {
      at: new Date().toISOString(),
      queue,
      acceptTimes: {
        last15m,
        last1h: acceptTimeFigures(accept.last1h, targets),
        today: acceptTimeFigures(accept.today, targets),
      },
      history: await this.history(),
      operators: await this.operators(),
      verifications: await this.verifications(),
      runaways: (
        await this.dataSource.query(
          `SELECT t.id, t.account, t.site_id, s.name, t.runaway_until FROM transmitters t JOIN sites s ON s.id = t.site_id
            WHERE t.runaway_until > now() ORDER BY t.runaway_until DESC LIMIT 100`,
        )
      ).map((r: { id: string; account: string; site_id: string; name: string; runaway_until: Date }) => ({
        transmitterId: r.id,
        account: r.account,
        siteId: r.site_id,
        siteName: r.name,
        until: r.runaway_until.toISOString(),
      })),
      missingTests: (
        await this.dataSource.query(
          `SELECT t.id, t.account, t.site_id, s.name, t.supervision_failed_at FROM transmitters t
             JOIN sites s ON s.id = t.site_id
            WHERE t.supervision_failed_at IS NOT NULL ORDER BY t.supervision_failed_at LIMIT 100`,
        )
      ).map((r: { id: string; account: string; site_id: string; name: string; supervision_failed_at: Date }) => ({
        transmitterId: r.id,
        account: r.account,
        siteId: r.site_id,
        siteName: r.name,
        since: r.supervision_failed_at.toISOString(),
      })),
      alerts: supervisorAlerts(queue, last15m, oldestWaitingSeconds),
      thresholds: { oldestWaitingSeconds, targets },
    };
    await this.updateGauges(snapshot);
    stopTimer();
    return snapshot;
  }

  /** Per category: how many wait, and the oldest waiting case (its age, number and site) for the alert. */
  private async queueByPriority(): Promise<QueueByPriority[]> {
    const rows = await waitingByCategory(this.dataSource);
    const byCategory = new Map(rows.map((r) => [r.category, r]));
    return ALARM_CATEGORIES.map((category) => {
      const row = byCategory.get(category);
      return {
        category,
        priority: CATEGORY_PRIORITY[category],
        waiting: Number(row?.waiting ?? 0),
        oldestWaitingSeconds: row?.oldest ?? null,
        oldestCaseNo: row?.case_no ?? null,
        oldestSiteName: row?.site_name ?? null,
      };
    });
  }

  /** Accept times (s) of the cases accepted in each window; service cases excluded, as in ZR0001. */
  private async acceptTimes(): Promise<{ last15m: number[]; last1h: number[]; today: number[] }> {
    const rows = await recentAcceptTimes(this.dataSource, centreTimeZone());
    const [startOfDay] = (await this.dataSource.query(
      `SELECT extract(epoch FROM now() - (date_trunc('day', now() AT TIME ZONE $1) AT TIME ZONE $1))::float8 AS age`,
      [centreTimeZone()],
    )) as { age: number }[];
    const seconds = (maxAge: number) => rows.filter((r) => r.age <= maxAge).map((r) => Math.max(0, r.seconds));
    return { last15m: seconds(15 * 60), last1h: seconds(3600), today: seconds(startOfDay!.age) };
  }

  /**
   * Queue depth at the end of each bucket and the median accept time of the cases accepted in it.
   * Only the cases that were still waiting at the start of the window, or arrived since, can count:
   * one scan picks them, and the depth is a running sum of arrivals (+1) and departures (−1) per
   * bucket. (A count per bucket over all cases read the whole table some 240 times per snapshot:
   * over 6 s at 200 000 stored cases, longer than the interval between snapshots.)
   */
  private async history(): Promise<HistoryPoint[]> {
    const [bounds] = (await this.dataSource.query(
      `SELECT date_trunc('hour', now() - make_interval(hours => $1)) AS start, now() AS now,
              floor(extract(epoch FROM now() - date_trunc('hour', now() - make_interval(hours => $1))) / ($2 * 60))::int AS last`,
      [HISTORY_HOURS, HISTORY_BUCKET_MINUTES],
    )) as { start: Date; now: Date; last: number }[];
    // Bucket k runs from start + k·step; its depth is taken at its end (or now, for the last one).
    // An event at time t counts for every bucket whose end is at or after t.
    const rows = await queueHistory(this.dataSource, {
      start: bounds!.start,
      now: bounds!.now,
      last: bounds!.last,
      bucketMinutes: HISTORY_BUCKET_MINUTES,
    });
    const start = bounds!.start.getTime();
    return rows.map((r) => ({
      at: new Date(start + r.k * HISTORY_BUCKET_MINUTES * 60_000).toISOString(),
      queueDepth: Number(r.depth),
      acceptP50: r.p50 === null ? null : Number(r.p50),
      accepted: Number(r.accepted),
    }));
  }

  private async operators(): Promise<OperatorLoad[]> {
    const presence = await this.handling.operators();
    const rows: {
      id: string;
      state: 'AVAILABLE' | 'AWAY' | null;
      reason: string | null;
      on_call: boolean;
      handled: string;
      mean: number | null;
    }[] = await this.dataSource.query(
      // One pass over today's closed cases for all users, not one per user.
      `WITH closed_today AS MATERIALIZED (
         -- A subquery, so the start of the day is computed once and not for every row scanned.
         SELECT id, closed_by_user_id AS user_id FROM cases
          WHERE closed_at >= (SELECT date_trunc('day', now() AT TIME ZONE $1) AT TIME ZONE $1)
            AND closed_by_user_id IS NOT NULL
       ),
       handled AS (SELECT user_id, count(*) AS handled FROM closed_today GROUP BY user_id),
       per_case AS (
         SELECT c.user_id, sum(extract(epoch FROM h.ended_at - h.started_at)) AS total
           FROM closed_today c JOIN case_holds h ON h.case_id = c.id AND h.user_id = c.user_id
          GROUP BY c.id, c.user_id
       ),
       mean AS (SELECT user_id, avg(total)::float8 AS mean FROM per_case GROUP BY user_id)
       SELECT u.id, s.state, s.reason,
              EXISTS (SELECT 1 FROM intake_calls ic WHERE ic.operator_user_id = u.id AND ic.ended_at IS NULL
                         AND ic.started_at > now() - interval '2 hours') AS on_call,
              COALESCE(hd.handled, 0) AS handled, m.mean
         FROM users u
         LEFT JOIN operator_states s ON s.user_id = u.id
         LEFT JOIN handled hd ON hd.user_id = u.id
         LEFT JOIN mean m ON m.user_id = u.id
        WHERE u.active`,
      [centreTimeZone()],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return presence.map((p) => {
      const row = byId.get(p.userId);
      let state: OperatorState;
      if (!p.online) state = 'OFFLINE';
      else if (row?.on_call) state = 'ON_CALL';
      else if (p.holding > 0) state = 'ON_CASE';
      else state = row?.state ?? 'AVAILABLE';
      return {
        userId: p.userId,
        name: p.name,
        role: p.role,
        state,
        awayReason: state === 'AWAY' ? (row?.reason ?? null) : null,
        holding: p.holding,
        handledToday: Number(row?.handled ?? 0),
        meanHandlingSeconds: row?.mean ?? null,
      };
    });
  }

  private async verifications(): Promise<SupervisorSnapshot['verifications']> {
    const select = `SELECT v.id, v.at, v.operator_user_id, u.display_name AS operator_name, v.person_id, v.person_name,
                           v.site_id, s.name AS site_name, v.result, v.locked_until
                      FROM caller_verifications v
                      JOIN users u ON u.id = v.operator_user_id
                      LEFT JOIN sites s ON s.id = v.site_id`;
    const [failed] = (await this.dataSource.query(
      `SELECT count(*) AS n FROM caller_verifications WHERE result <> 'VERIFIED' AND at > now() - interval '15 minutes'`,
    )) as { n: string }[];
    const recent: VerificationRow[] = await this.dataSource.query(
      `${select} WHERE v.result <> 'VERIFIED' ORDER BY v.at DESC LIMIT 20`,
    );
    const locked: VerificationRow[] = await this.dataSource.query(
      `${select} WHERE v.locked_until > now() ORDER BY v.at DESC LIMIT 50`,
    );
    return { failedLast15m: Number(failed!.n), locked: locked.map(toAttempt), recent: recent.map(toAttempt) };
  }

  private async updateGauges(snapshot: SupervisorSnapshot): Promise<void> {
    for (const q of snapshot.queue) {
      this.metrics.queueWaiting.set({ category: q.category }, q.waiting);
      this.metrics.oldestWaiting.set({ category: q.category }, q.oldestWaitingSeconds ?? 0);
    }
    // Bounded: with Redis down the snapshot must still go out.
    const counts = async (queue: Queue, name: string) => {
      const result = await Promise.race([
        queue.getJobCounts('wait', 'prioritized', 'active', 'delayed', 'failed'),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 500).unref()),
      ]).catch(() => null);
      if (!result) return;
      for (const [state, n] of Object.entries(result)) this.metrics.bullJobs.set({ queue: name, state }, n);
    };
    await Promise.all([counts(this.casesQueue, CASES_QUEUE), counts(this.timersQueue, RULE_TIMERS_QUEUE)]);
  }
}

function toAttempt(row: VerificationRow): VerificationAttempt {
  return {
    id: row.id,
    at: row.at.toISOString(),
    operator: { userId: row.operator_user_id, name: row.operator_name },
    person: { id: row.person_id ?? '', name: row.person_name },
    siteId: row.site_id,
    siteName: row.site_name,
    result: row.result,
    lockedUntil: row.locked_until ? row.locked_until.toISOString() : null,
  };
}
