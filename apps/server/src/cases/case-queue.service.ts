import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';

export const CASES_QUEUE = 'cases';
export const PRESENT_CASE_JOB = 'present-case';

export interface PresentCaseJob {
  caseId: string;
}

/** Jobs added per Redis round trip when many cases are enqueued at once. */
const BULK_MAX = 500;

function jobOptions(caseId: string, priority: number) {
  return { jobId: caseJobId(caseId), priority, removeOnComplete: true, removeOnFail: 1000 };
}

/** Deterministic job id: enqueuing a case twice is a no-op. */
export function caseJobId(caseId: string): string {
  return `case-${caseId}`;
}

/**
 * The BullMQ `cases` queue, ordered by category priority and then age. PostgreSQL stays
 * the record: a case is enqueued after it commits, and open cases are re-enqueued at start.
 */
@Injectable()
export class CaseQueueService {
  private readonly logger = new Logger(CaseQueueService.name);

  constructor(@InjectQueue(CASES_QUEUE) private readonly queue: Queue<PresentCaseJob>) {}

  async enqueue(caseId: string, priority: number): Promise<void> {
    await this.queue.add(PRESENT_CASE_JOB, { caseId }, jobOptions(caseId, priority));
  }

  /**
   * Enqueues many cases in one round trip to Redis (BullMQ's addBulk, one pipeline), in the
   * order given; a case that already has its job keeps it, as with `enqueue`.
   */
  async enqueueMany(cases: { caseId: string; priority: number }[]): Promise<void> {
    for (let i = 0; i < cases.length; i += BULK_MAX) {
      await this.queue.addBulk(
        cases.slice(i, i + BULK_MAX).map(({ caseId, priority }) => ({
          name: PRESENT_CASE_JOB,
          data: { caseId },
          opts: jobOptions(caseId, priority),
        })),
      );
    }
  }

  /**
   * Enqueues in front of the other jobs of its priority (a case back from an operator has waited
   * longer than what came since). Adding is a no-op if the job exists; the move still happens.
   */
  async enqueueFront(caseId: string, priority: number): Promise<void> {
    await this.enqueue(caseId, priority);
    const job = await this.queue.getJob(caseJobId(caseId));
    await job?.changePriority({ priority, lifo: true });
  }

  /** Tries to enqueue; a Redis outage is logged, and start-up reconciliation repairs it. */
  async enqueueSafely(cases: { caseId: string; priority: number }[]): Promise<void> {
    if (cases.length === 0) return;
    try {
      await this.enqueueMany(cases);
    } catch (error) {
      this.logger.error(
        { err: error, caseIds: cases.map((c) => c.caseId) },
        'Could not enqueue cases; they will be re-enqueued at start-up',
      );
    }
  }

  async waitingCount(): Promise<number> {
    const counts = await this.queue.getJobCounts('prioritized', 'waiting');
    return (counts.prioritized ?? 0) + (counts.waiting ?? 0);
  }

  /**
   * Removes a case's job unless a taker holds it: a held job is finished by its taker, whose
   * conditional claim fails for a case that is no longer waiting.
   */
  async removeWaiting(caseId: string): Promise<void> {
    await this.queue.remove(caseJobId(caseId));
  }

  async hasJob(caseId: string): Promise<boolean> {
    return (await this.queue.getJob(caseJobId(caseId))) !== undefined;
  }
}
