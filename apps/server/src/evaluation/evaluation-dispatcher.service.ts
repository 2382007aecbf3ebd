import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CATEGORY_PRIORITY, isAlarmCategory } from '@arc/shared/alarm';
import type { DataSource } from 'typeorm';
import { EvaluationService, type CommittedBatch, type EvaluationResult } from './evaluation.service.js';

interface Job {
  signalId: string;
  resolve: (result: EvaluationResult) => void;
  reject: (error: unknown) => void;
}

const SWEEP_MS = 30_000;
const RETRY_DELAYS_MS = [200, 1_000, 5_000];
/** Signals evaluated together in one transaction. */
const BATCH_SIZE = 500;
/** Queue of signals without a category (open/close logs, unknown codes): after the alarms. */
const LAST = 9;

/**
 * Runs the rules on stored signals after they were acknowledged, one batch at a time so that
 * evaluation never starves the receivers. Signals wait in one queue per category priority:
 * in an alarm storm a fire alarm is evaluated before thousands of waiting AC-loss signals.
 * Within a category the order of storage is kept, so a restore is never evaluated before its
 * alarm (signals of different categories belong to different cases). A signal whose evaluation
 * keeps failing is picked up again by the sweep and at start-up: `signals.evaluated_at` is the record.
 */
@Injectable()
export class EvaluationDispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EvaluationDispatcherService.name);
  private readonly queues = new Map<number, Job[]>();
  private readonly queued = new Set<string>();
  private running: Promise<void> | null = null;
  /** Wakes the worker while it waits for a push to finish with nothing else to do. */
  private arrived: (() => void) | null = null;
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly evaluation: EvaluationService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Evaluates a stored signal; resolves with the decision once its batch has committed. */
  evaluate(signalId: string, category: string | null): Promise<EvaluationResult> {
    return new Promise((resolve, reject) => {
      this.queued.add(signalId);
      const priority = category !== null && isAlarmCategory(category) ? CATEGORY_PRIORITY[category] : LAST;
      const queue = this.queues.get(priority);
      if (queue) queue.push({ signalId, resolve, reject });
      else this.queues.set(priority, [{ signalId, resolve, reject }]);
      const arrived = this.arrived;
      this.arrived = null;
      arrived?.();
      setImmediate(() => void this.pump());
    });
  }

  /** Fire and forget: the result is in the database, failures are retried by the sweep. */
  schedule(signalId: string, category: string | null): void {
    this.evaluate(signalId, category).catch(() => undefined);
  }

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

  /** Before the database closes: take no new batch and let the one in flight commit. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async sweep(olderThanSeconds: number): Promise<void> {
    const rows: { id: string; category: string | null }[] = await this.dataSource.query(
      `SELECT id, category FROM signals
        WHERE evaluated_at IS NULL AND received_at < now() - make_interval(secs => $1)
        ORDER BY id LIMIT 20000`,
      [olderThanSeconds],
    );
    const fresh = rows.filter((row) => !this.queued.has(String(row.id)));
    for (const row of fresh) this.schedule(String(row.id), row.category);
    if (fresh.length > 0) this.logger.log(`Evaluating ${fresh.length} signal(s) stored earlier but not yet evaluated`);
  }

  /** The next batch: most urgent categories first, storage order within each. */
  private takeBatch(): Job[] {
    const batch: Job[] = [];
    for (const priority of [...this.queues.keys()].sort((a, b) => a - b)) {
      const queue = this.queues.get(priority)!;
      batch.push(...queue.splice(0, BATCH_SIZE - batch.length));
      if (queue.length === 0) this.queues.delete(priority);
      if (batch.length >= BATCH_SIZE) break;
    }
    return batch;
  }

  private pump(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Pipelined: while one batch's effects run (queue jobs, the summary query, the push to the
   * consoles), the next batch's transaction already does, so a signal does not wait for the
   * previous batch's push. Effects run one batch after the other, so changes reach the consoles
   * in the order they were committed, and at most one batch's effects is outstanding: when they
   * are slower than the transactions, evaluation waits for them rather than piling them up.
   * A job resolves once its batch's changes are pushed.
   */
  private async drain(): Promise<void> {
    let effects: Promise<void> | null = null;
    for (;;) {
      let batch = this.takeBatch();
      // Idle but for the last push: a signal that comes meanwhile starts its transaction at once.
      while (batch.length === 0 && effects) {
        await Promise.race([effects, this.nextArrival()]);
        batch = this.takeBatch();
      }
      if (batch.length === 0 || this.stopped) break;
      let committed: CommittedBatch;
      try {
        committed = await this.evaluateWithRetry(batch.map((job) => job.signalId));
      } catch (error) {
        this.logger.error({ err: error, signals: batch.length }, 'Evaluation failed; the sweep will retry');
        for (const job of batch) job.reject(error);
        this.forget(batch);
        continue;
      }
      if (effects) await effects;
      const push: Promise<void> = this.evaluation
        .afterCommit(committed)
        .catch((error: unknown) =>
          // Committed all the same: the consoles see the change with their next snapshot.
          this.logger.warn({ err: error }, 'Could not queue or push the case changes of an evaluated batch'),
        )
        .then(() => this.settle(batch, committed.results))
        .finally(() => {
          if (effects === push) effects = null;
        });
      effects = push;
    }
    if (effects) await effects;
  }

  /** Resolves when the next signal is handed in. */
  private nextArrival(): Promise<void> {
    return new Promise((resolve) => (this.arrived = resolve));
  }

  private settle(batch: Job[], results: Map<string, EvaluationResult>): void {
    for (const job of batch) {
      const result = results.get(job.signalId);
      if (result) job.resolve(result);
      else job.reject(new Error(`signal ${job.signalId} does not exist`));
    }
    this.forget(batch);
  }

  private forget(batch: Job[]): void {
    for (const job of batch) this.queued.delete(job.signalId);
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
