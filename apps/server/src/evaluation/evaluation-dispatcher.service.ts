import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CATEGORY_PRIORITY, isAlarmCategory } from '@arc/shared/alarm';
import type { DataSource } from 'typeorm';
import { MetricsService } from '../common/metrics/metrics.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { AdmissionGate } from './admission-gate.js';
import { EvaluationLane, type LaneJob } from './evaluation-lane.js';
import { LaneRouter } from './lane-router.js';
import { EvaluationService, type CommittedBatch, type EvaluationResult } from './evaluation.service.js';

const SWEEP_MS = 30_000;
/** Backlog signals handed to the lanes at a time by the sweep. */
const SWEEP_CHUNK = 20_000;
const RETRY_DELAYS_MS = [200, 1_000, 5_000];
/** Signals evaluated together in one transaction. */
const BATCH_SIZE = 500;
/** Queue of signals without a category (open/close logs, unknown codes): after the alarms. */
const LAST = 9;
/** Fire and hold-up (CATEGORY_PRIORITY 1 and 2) have a lane of their own. */
const URGENT_UP_TO = CATEGORY_PRIORITY.HOLDUP;
/**
 * The other categories have this many lanes; all but the first are used only under load
 * (LaneRouter), so that one batch's round trips to PostgreSQL overlap the others' work.
 */
const NORMAL_LANES = 3;

/**
 * Runs the rules on stored signals after they were acknowledged, in lanes that evaluate side by
 * side: fire and hold-up in the urgent lane, everything else in the normal lanes (spread over
 * all of them only while the first has a full batch waiting: LaneRouter). In an alarm storm
 * a fire alarm's batch holds only fire and hold-up signals and never waits for a batch of
 * thousands of AC losses to commit. Within a lane, signals wait in one queue per category
 * priority (intrusion before technical before service before logs). A transmitter's signals
 * that are not urgent are in one lane at a time (one moving to another lane waits for the old
 * lane to finish its signals), and a lane evaluates in the order of storage within each
 * category, so a restore is never evaluated before its alarm (signals of different categories
 * belong to different cases). Lanes commit concurrently exactly as two server
 * processes do: the backlog claim (signal_backlog) and the one-open-case-per-site-and-category
 * upsert make that safe, and consoles keep the highest version of each case whatever order the
 * lanes' pushes arrive in. A signal whose evaluation
 * keeps failing is picked up again by the sweep and at start-up: `signal_backlog` is the record.
 */
@Injectable()
export class EvaluationDispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EvaluationDispatcherService.name);
  private readonly queued = new Set<string>();
  /** Of those, the signals in the normal lanes (not fire or hold-up). */
  private ordinaryQueued = 0;
  private readonly urgent: EvaluationLane;
  private readonly normal: EvaluationLane[];
  private readonly router: LaneRouter<LaneJob>;
  /** Paces ingest while the backlog is at its limit (EVALUATION_BACKLOG_LIMIT); null: never. */
  readonly admission: AdmissionGate | null;
  private stopped = false;
  private sweeping = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly evaluation: EvaluationService,
    @InjectDataSource() private readonly dataSource: DataSource,
    metrics: MetricsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const limit = config.ingest.evaluationBacklogLimit;
    // Only the signals that are not urgent count: fire and hold-up are never paced.
    this.admission = limit > 0 ? new AdmissionGate(limit, BATCH_SIZE, () => this.ordinaryQueued) : null;
    const work = {
      commit: (ids: string[]) => this.evaluateWithRetry(ids),
      afterCommit: (batch: CommittedBatch) => this.evaluation.afterCommit(batch),
    };
    const forget = (batch: LaneJob[]) => {
      let ordinary = 0;
      for (const job of batch) {
        this.queued.delete(job.signalId);
        if (job.lane === undefined) continue;
        ordinary += 1;
        // The account's signals parked while it moves to another lane go there now, in order.
        const moved = this.router.release(job.account);
        for (const parked of moved?.jobs ?? []) this.enqueue(parked, moved!.lane);
      }
      this.ordinaryQueued -= ordinary;
      if (ordinary > 0) this.admission?.finished(ordinary);
    };
    const stopped = () => this.stopped;
    this.urgent = new EvaluationLane('urgent', BATCH_SIZE, work, this.logger, forget, stopped);
    this.normal = Array.from(
      { length: NORMAL_LANES },
      (_, i) => new EvaluationLane(`normal-${i}`, BATCH_SIZE, work, this.logger, forget, stopped),
    );
    this.router = new LaneRouter(
      NORMAL_LANES,
      () => ({ first: this.normal[0]!.backlog, total: this.ordinaryQueued }),
      BATCH_SIZE,
    );
    metrics.watchEvaluationBacklog(() => this.backlogFigures());
  }

  /**
   * Evaluates a stored signal; resolves with the decision once its batch has committed. The
   * account keeps a transmitter's signals that are not urgent in one lane (LaneRouter).
   */
  evaluate(signalId: string, category: string | null, account: string | null): Promise<EvaluationResult> {
    return new Promise((resolve, reject) => {
      this.queued.add(signalId);
      const priority = category !== null && isAlarmCategory(category) ? CATEGORY_PRIORITY[category] : LAST;
      const job: LaneJob = { signalId, account, priority, queuedAt: performance.now(), resolve, reject };
      if (priority <= URGENT_UP_TO) {
        this.urgent.add(priority, job);
        return;
      }
      this.ordinaryQueued += 1;
      const lane = this.router.take(account, job);
      if (lane !== null) this.enqueue(job, lane);
    });
  }

  private enqueue(job: LaneJob, lane: number): void {
    job.lane = lane;
    this.normal[lane]!.add(job.priority, job);
  }

  /** Fire and forget: the result is in the database, failures are retried by the sweep. */
  schedule(signalId: string, category: string | null, account: string | null): void {
    this.evaluate(signalId, category, account).catch(() => undefined);
  }

  /** Signals handed in and not yet evaluated (queued or in a batch in flight). */
  get backlog(): number {
    return this.queued.size;
  }

  /** Signals stored but never evaluated (a crash between ACK and evaluation) are done at start. */
  async onApplicationBootstrap(): Promise<void> {
    await this.sweep(0);
    this.timer = setInterval(() => {
      this.sweep(15).catch((error: unknown) => this.logger.warn({ err: error }, 'Evaluation sweep failed'));
    }, SWEEP_MS);
    this.timer.unref();
  }

  /** Before the database closes: take no new batch and let the ones in flight commit. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.all([this.urgent, ...this.normal].map((lane) => lane.idle()));
  }

  private backlogFigures(): { signals: number; oldestSeconds: number } {
    const starts = [this.urgent, ...this.normal].map((lane) => lane.oldestQueuedAt()).filter((t) => t !== null);
    const oldest = starts.length === 0 ? null : Math.min(...starts);
    return { signals: this.queued.size, oldestSeconds: oldest === null ? 0 : (performance.now() - oldest) / 1000 };
  }

  /**
   * Hands the backlog's signals to the lanes, SWEEP_CHUNK at a time: after a crash with a larger
   * backlog the next chunk follows as soon as the lanes have most of the previous one done, not
   * only at the next sweep 30 s later. One sweep at a time; true while it goes on in the
   * background after its first chunk.
   */
  private async sweep(olderThanSeconds: number): Promise<boolean> {
    if (this.sweeping) return false;
    this.sweeping = true;
    let more = false;
    try {
      const last = await this.sweepChunk(olderThanSeconds, '0');
      more = last !== null;
      if (more) void this.sweepOn(olderThanSeconds, last!);
      return more;
    } finally {
      if (!more) this.sweeping = false;
    }
  }

  private async sweepOn(olderThanSeconds: number, from: string): Promise<void> {
    try {
      let after: string | null = from;
      while (after !== null && !this.stopped) {
        while (this.ordinaryQueued + this.urgent.backlog > SWEEP_CHUNK / 4 && !this.stopped) await sleep(100);
        if (this.stopped) break;
        after = await this.sweepChunk(olderThanSeconds, after);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Evaluation sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  /** Schedules one chunk of the backlog after signal id `after`; the last id if the chunk was full. */
  private async sweepChunk(olderThanSeconds: number, after: string): Promise<string | null> {
    const rows: { id: string; category: string | null; account: string }[] = await this.dataSource.query(
      `SELECT b.signal_id AS id, b.category, s.account FROM signal_backlog b JOIN signals s ON s.id = b.signal_id
        WHERE b.received_at < now() - make_interval(secs => $1) AND b.signal_id > $2::bigint
        ORDER BY b.signal_id LIMIT ${SWEEP_CHUNK}`,
      [olderThanSeconds, after],
    );
    const fresh = rows.filter((row) => !this.queued.has(String(row.id)));
    for (const row of fresh) this.schedule(String(row.id), row.category, row.account);
    if (fresh.length > 0) this.logger.log(`Evaluating ${fresh.length} signal(s) stored earlier but not yet evaluated`);
    return rows.length === SWEEP_CHUNK ? String(rows[rows.length - 1]!.id) : null;
  }

  private async evaluateWithRetry(signalIds: string[]): Promise<CommittedBatch> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.evaluation.commitBatch(signalIds);
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined || this.stopped) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
