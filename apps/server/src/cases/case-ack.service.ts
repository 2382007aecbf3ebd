import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type { CaseSummary } from '@arc/shared/case';
import type { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { returnedRows } from '../database/sql-kit.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { CaseHandlingService } from './case-handling.service.js';
import type { CaseChange } from './case-change.js';
import { CaseEffectsService } from './case-effects.service.js';
import { CaseSummariesService } from './case-summaries.service.js';

/**
 * A case given to an operator rather than taken by them (the site sticks to its operator, a
 * supervisor assigned it) awaits their acknowledgement until `cases.ack_due_at`. Opening it on the
 * console, POST /cases/:id/acknowledge or any work on it acknowledges it; a case not acknowledged
 * in time goes back to the queue in front of its priority, marked returned with the reason. The
 * deadline is in PostgreSQL and every process sweeps for it, so a restart does not lose it.
 */
@Injectable()
export class CaseAckService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CaseAckService.name);
  private timer: NodeJS.Timeout | null = null;
  /** The sweep running now, awaited before the database closes. */
  private sweeping: Promise<unknown> | null = null;
  private readonly ackSeconds: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handling: CaseHandlingService,
    private readonly effects: CaseEffectsService,
    private readonly summaries: CaseSummariesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ackSeconds = config.cases.assignAckSeconds;
  }

  onApplicationBootstrap(): void {
    const every = Math.min(1000, Math.max(200, Math.floor((this.ackSeconds * 1000) / 10)));
    this.timer = setInterval(() => {
      if (this.sweeping) return;
      this.sweeping = this.returnUnacknowledged()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Returning unacknowledged cases failed'))
        .finally(() => (this.sweeping = null));
    }, every);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  /** The holder acknowledges a case given to them; a case already acknowledged (or taken) is left as it is. */
  async acknowledge(user: SessionUser, caseId: string): Promise<CaseSummary> {
    const change = await this.dataSource.transaction(async (m): Promise<CaseChange | null> => {
      const row = await this.handling.lockCase(m, caseId);
      if (row.status !== 'ACCEPTED' || row.held_by_user_id !== user.id) {
        throw new AppError('NOT_HOLDER', `Case ${row.case_no} is not held by you; only its holder acknowledges it`, {
          key: 'notHolder',
          params: { caseNo: row.case_no },
        });
      }
      if (!row.awaiting_ack) return null;
      await this.handling.acknowledgeHeld(m, caseId, user.id, 'holder');
      return { caseId, created: false, priority: Number(row.priority) };
    });
    if (change) await this.effects.afterCommit([change]);
    return (await this.summaries.summary(caseId))!;
  }

  /** Cases whose acknowledgement is overdue go back to the queue, in front of their priority. */
  async returnUnacknowledged(): Promise<number> {
    const changes = await this.dataSource.transaction(async (m) => {
      const due = returnedRows<{ id: string; held_by_name: string | null }>(
        await m.query(
          `SELECT c.id, u.display_name AS held_by_name FROM cases c LEFT JOIN users u ON u.id = c.held_by_user_id
            WHERE c.status = 'ACCEPTED' AND c.ack_due_at < now()
            ORDER BY c.ack_due_at LIMIT 200 FOR UPDATE OF c SKIP LOCKED`,
        ),
      );
      const found: CaseChange[] = [];
      for (const row of due) {
        const who = row.held_by_name ?? 'the operator';
        const text = `Not acknowledged by ${who} within ${this.ackSeconds} s`;
        found.push(await this.handling.release(m, row.id, 'RETURNED', text, null));
      }
      return found;
    });
    for (const change of changes) await this.handling.requeue(change);
    if (changes.length > 0) this.logger.warn(`Returned ${changes.length} case(s) to the queue: not acknowledged`);
    return changes.length;
  }
}
