import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { RulesService, type EvaluationResult } from '../rules/rules.service.js';

interface Job {
  signalId: string;
  resolve: (result: EvaluationResult) => void;
  reject: (error: unknown) => void;
}

const SWEEP_MS = 30_000;
const RETRY_DELAYS_MS = [200, 1_000, 5_000];

/**
 * Runs the rules on stored signals after they were acknowledged. Signals of one account go
 * through one lane in the order they were stored, so a restore is never evaluated before its
 * alarm; different accounts run in parallel lanes. A signal whose evaluation keeps failing is
 * picked up again by the sweep (and at start-up): `signals.evaluated_at` is the record.
 */
@Injectable()
export class EvaluationDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EvaluationDispatcherService.name);
  private readonly lanes: Job[][];
  private readonly running: boolean[];
  private readonly queued = new Set<string>();
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly rules: RulesService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lanes = Array.from({ length: config.ingest.evaluationLanes }, () => []);
    this.running = this.lanes.map(() => false);
  }

  /** Evaluates a stored signal in its account's lane; resolves with the decision. */
  evaluate(signalId: string, account: string): Promise<EvaluationResult> {
    return new Promise((resolve, reject) => {
      this.queued.add(signalId);
      const lane = laneOf(account, this.lanes.length);
      this.lanes[lane]!.push({ signalId, resolve, reject });
      void this.pump(lane);
    });
  }

  /** Fire and forget: the result is in the database, failures are retried by the sweep. */
  schedule(signalId: string, account: string): void {
    this.evaluate(signalId, account).catch(() => undefined);
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

  onApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private async sweep(olderThanSeconds: number): Promise<void> {
    const rows: { id: string; account: string }[] = await this.dataSource.query(
      `SELECT id, account FROM signals
        WHERE evaluated_at IS NULL AND received_at < now() - make_interval(secs => $1)
        ORDER BY id LIMIT 5000`,
      [olderThanSeconds],
    );
    const fresh = rows.filter((row) => !this.queued.has(String(row.id)));
    for (const row of fresh) this.schedule(String(row.id), row.account);
    if (fresh.length > 0) this.logger.log(`Evaluating ${fresh.length} signal(s) stored earlier but not yet evaluated`);
  }

  private async pump(lane: number): Promise<void> {
    if (this.running[lane]) return;
    this.running[lane] = true;
    const jobs = this.lanes[lane]!;
    while (jobs.length > 0 && !this.stopped) {
      const job = jobs.shift()!;
      try {
        job.resolve(await this.evaluateWithRetry(job.signalId));
      } catch (error) {
        this.logger.error({ err: error, signalId: job.signalId }, 'Evaluation failed; the sweep will retry');
        job.reject(error);
      } finally {
        this.queued.delete(job.signalId);
      }
    }
    this.running[lane] = false;
  }

  private async evaluateWithRetry(signalId: string): Promise<EvaluationResult> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.rules.evaluate(signalId);
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined || this.stopped) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

/** A stable lane per account (FNV-1a). */
function laneOf(account: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < account.length; i += 1) hash = Math.imul(hash ^ account.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % lanes;
}
