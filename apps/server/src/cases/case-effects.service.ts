import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseSummary } from '@arc/shared/case';
import type { DataSource } from 'typeorm';
import { RedisStateService } from '../redis/redis-state.service.js';
import { CaseChangeBus } from './case-change.bus.js';
import type { CaseChange } from './case-change.js';
import { CaseLifecycleService, mayBeGiven } from './case-lifecycle.service.js';
import { CaseQueueService } from './case-queue.service.js';
import { CaseSummariesService } from './case-summaries.service.js';

/**
 * What follows a committed case change: the queue jobs of new cases, the push to the consoles,
 * and the queue's repair after Redis lost its data.
 */
@Injectable()
export class CaseEffectsService {
  private readonly logger = new Logger(CaseEffectsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: CaseLifecycleService,
    private readonly readModel: CaseSummariesService,
    private readonly queue: CaseQueueService,
    private readonly bus: CaseChangeBus,
    state: RedisStateService,
  ) {
    // Run in the background by the state service: with Redis down at start the receivers must
    // still come up and ACK.
    state.register('case queue', () => this.reconcileQueue());
  }

  /**
   * After the transaction commits: queue new cases and tell the consoles, one query for all, or
   * none when the caller read the `summaries` in its transaction (after its last change to them).
   * Nothing here waits for Redis: a Redis outage must not stall the evaluation worker or keep
   * new cases from the consoles, and start-up reconciliation repairs a job that was never added.
   */
  async afterCommit(changes: CaseChange[], summaries?: CaseSummary[]): Promise<void> {
    if (changes.length === 0) return;
    const undecided = changes.some(mayBeGiven);
    if (undecided) await this.dataSource.transaction((manager) => this.lifecycle.giveToHolders(manager, changes));
    void this.queue.enqueueSafely(
      changes.filter((change) => change.created && !change.held).map(({ caseId, priority }) => ({ caseId, priority })),
    );
    if (summaries && !undecided) {
      this.bus.publishMany(summaries);
      return;
    }
    const read = this.readModel.summaryStatement([...new Set(changes.map((c) => c.caseId))]);
    this.bus.publishMany(this.readModel.toSummaries(await this.dataSource.query(read.sql, read.params)));
  }

  /** Puts a case (back) in the queue; `front`: ahead of its priority's other jobs. Never throws. */
  async queueJob(caseId: string, priority: number, front: boolean): Promise<void> {
    try {
      if (front) await this.queue.enqueueFront(caseId, priority);
      else await this.queue.enqueue(caseId, priority);
    } catch (error) {
      this.logger.error({ err: error, caseId }, 'Could not enqueue case; it is re-enqueued when Redis is back');
    }
  }

  /**
   * Guarantee 5: at start and after Redis lost its data, every queued case gets its job back.
   *
   * The list is read before the jobs are added, so a case taken in between (claimed in
   * PostgreSQL, its job finished and removed) would get a job again: a held case in the queue,
   * counted as waiting and handed to the next taker as a stale job. So the cases are read again
   * after the adds, and the job of every case no longer waiting is removed. A take whose claim
   * commits after that second read finished the job it was holding, so nothing is left over.
   */
  async reconcileQueue(): Promise<void> {
    const rows: { id: string; priority: number }[] = await this.dataSource.query(
      `SELECT c.id, c.priority FROM cases c WHERE c.status = 'QUEUED' ORDER BY c.priority, c.queued_at`,
    );
    await this.queue.enqueueMany(rows.map((row) => ({ caseId: row.id, priority: row.priority })));
    if (rows.length === 0) return;
    const gone: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM unnest($1::uuid[]) AS u(id) LEFT JOIN cases c ON c.id = u.id
        WHERE c.status IS DISTINCT FROM 'QUEUED'`,
      [rows.map((row) => row.id)],
    );
    for (const { id } of gone) await this.queue.removeWaiting(id);
  }
}
