import type { Logger } from '@nestjs/common';
import type { CommittedBatch, EvaluationResult } from './evaluation.service.js';

export interface LaneJob {
  signalId: string;
  /** The transmitter's account (null: not known); which normal lane it went to, if one did. */
  account: string | null;
  lane?: number;
  /** Its queue in the lane (CATEGORY_PRIORITY, or after them for signals without a category). */
  priority: number;
  /** When it was handed in (performance.now()), for the oldest-waiting figure. */
  queuedAt: number;
  resolve: (result: EvaluationResult) => void;
  reject: (error: unknown) => void;
}

/** What a lane needs of the evaluator: commit a batch, then queue and push its changes. */
export interface LaneWork {
  commit(signalIds: string[]): Promise<CommittedBatch>;
  afterCommit(batch: CommittedBatch): Promise<void>;
}

/**
 * One evaluation lane: its own queues (one per category priority, storage order within each),
 * evaluated one batch at a time. Pipelined: while one batch's effects run (queue jobs, the
 * summary query, the push to the consoles), the next batch's transaction already does, so a
 * signal does not wait for the previous batch's push. Effects run one batch after the other, so
 * a lane's changes reach the consoles in the order it committed them, and at most one batch's
 * effects is outstanding: when they are slower than the transactions, the lane waits for them
 * rather than piling them up. A job resolves once its batch's changes are pushed.
 */
export class EvaluationLane {
  private readonly queues = new Map<number, LaneJob[]>();
  private size = 0;
  private running: Promise<void> | null = null;
  /** Wakes the worker while it waits for a push to finish with nothing else to do. */
  private arrived: (() => void) | null = null;

  constructor(
    readonly name: string,
    private readonly batchSize: number,
    private readonly work: LaneWork,
    private readonly logger: Logger,
    private readonly onDone: (batch: LaneJob[]) => void,
    private readonly stopped: () => boolean,
  ) {}

  get backlog(): number {
    return this.size;
  }

  /** When the longest-waiting job of this lane was handed in; null when it is empty. */
  oldestQueuedAt(): number | null {
    let oldest: number | null = null;
    for (const queue of this.queues.values()) {
      const first = queue[0]?.queuedAt;
      if (first !== undefined && (oldest === null || first < oldest)) oldest = first;
    }
    return oldest;
  }

  add(priority: number, job: LaneJob): void {
    const queue = this.queues.get(priority);
    if (queue) queue.push(job);
    else this.queues.set(priority, [job]);
    this.size += 1;
    const arrived = this.arrived;
    this.arrived = null;
    arrived?.();
    setImmediate(() => void this.pump());
  }

  /** Resolves once the lane has nothing in flight. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** The next batch: most urgent categories first, storage order within each. */
  private takeBatch(): LaneJob[] {
    const batch: LaneJob[] = [];
    for (const priority of [...this.queues.keys()].sort((a, b) => a - b)) {
      const queue = this.queues.get(priority)!;
      batch.push(...queue.splice(0, this.batchSize - batch.length));
      if (queue.length === 0) this.queues.delete(priority);
      if (batch.length >= this.batchSize) break;
    }
    this.size -= batch.length;
    return batch;
  }

  private pump(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    let effects: Promise<void> | null = null;
    for (;;) {
      let batch = this.takeBatch();
      // Idle but for the last push: a signal that comes meanwhile starts its transaction at once.
      while (batch.length === 0 && effects) {
        await Promise.race([effects, this.nextArrival()]);
        batch = this.takeBatch();
      }
      if (batch.length === 0 || this.stopped()) {
        // Stopping: what is still queued is left to the sweep of the next start.
        break;
      }
      let committed: CommittedBatch;
      try {
        committed = await this.work.commit(batch.map((job) => job.signalId));
      } catch (error) {
        this.logger.error(
          { err: error, signals: batch.length, lane: this.name },
          'Evaluation failed; the sweep will retry',
        );
        for (const job of batch) job.reject(error);
        this.onDone(batch);
        continue;
      }
      if (effects) await effects;
      const push: Promise<void> = this.work
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

  private settle(batch: LaneJob[], results: Map<string, EvaluationResult>): void {
    for (const job of batch) {
      const result = results.get(job.signalId);
      if (result) job.resolve(result);
      else job.reject(new Error(`signal ${job.signalId} does not exist`));
    }
    this.onDone(batch);
  }
}
