import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { priorityOf, type AlarmCategory } from '@arc/shared/alarm';
import { activeAtEndTitle, type CaseTitleKey, type CaseTitleParams } from '@arc/shared/case-title';
import { classifyEventCode } from '@arc/shared/event-codes';
import { type Job, type Queue, Worker } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseEffectsService, CaseLifecycleService, type CaseChange, type OpenOrAppendInput } from '../cases/index.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { RedisStateService } from '../redis/redis-state.service.js';
import { redisConnectionOptions } from '../redis/redis-url.js';
import { activeAtEnd } from './active-at-end.js';

export const RULE_TIMERS_QUEUE = 'rule-timers';

/** One registry of timer jobs, one handler each; the data is only the window's id. */
export const TIMER_JOBS = {
  serviceModeEnd: 'service-mode-end',
  blockWindowStart: 'block-window-start',
  blockWindowEnd: 'block-window-end',
} as const;
type TimerJobName = (typeof TIMER_JOBS)[keyof typeof TIMER_JOBS];

export interface TimerJobData {
  id: string;
}

/**
 * Deterministic job id: the window and the moment. Adding the same timer twice is a no-op, and
 * a window whose end moved gets a new job while the old one finds nothing due and does nothing.
 */
export function timerJobId(name: TimerJobName, id: string, at: Date): string {
  return `${name}-${id}-${at.getTime()}`;
}

type WindowTable = 'service_modes' | 'block_windows';

/** Signals stored this long before a window's end may still be on their way to evaluation. */
const SETTLE_MS = 2_000;

/**
 * The timers of the rules. The end of a service mode and the start and end of a block window
 * are BullMQ delayed jobs (docs/architecture.md section 2); PostgreSQL holds the record
 * (`finished_at`, `started_at`), so the jobs are rebuilt after Redis lost them, and a sweep of
 * PostgreSQL every few seconds finishes any window whose job did not run (Redis down, a
 * process killed mid-job). The same sweep raises deferred service alarms (AC loss not restored
 * in time): a regional power cut leaves tens of thousands of them, which one indexed query
 * handles better than as many Redis jobs.
 *
 * The end check of a window raises a case for each alarm received during it that is still not
 * restored ("active at end of service mode"). It runs once (finished_at, row lock), and only
 * when every signal of the transmitter stored before the end has been evaluated, so an alarm
 * still waiting for evaluation is not missed.
 */
@Injectable()
export class RuleTimersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RuleTimersService.name);
  private worker: Worker<TimerJobData> | null = null;
  private timer?: NodeJS.Timeout;
  private sweeping: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(RULE_TIMERS_QUEUE) private readonly queue: Queue<TimerJobData>,
    private readonly lifecycle: CaseLifecycleService,
    private readonly effects: CaseEffectsService,
    state: RedisStateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    state.register('rule timers', () => this.rebuildJobs());
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker<TimerJobData>(RULE_TIMERS_QUEUE, (job) => this.process(job), {
      connection: redisConnectionOptions(this.config.redis.url),
      prefix: `${this.config.redis.prefix}:bull`,
      concurrency: 4,
    });
    // Handled, so an outage is not an unhandled 'error' event; the client reconnects by itself.
    this.worker.on('error', () => undefined);
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ err: error, job: job?.id }, 'Timer job failed; it is retried, and the sweep covers it'),
    );
    this.timer = setInterval(() => void this.sweep(), this.config.rules.sweepSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
    // Bounded: with Redis down, close() would wait for a reconnect.
    const closing = this.worker?.close(true) ?? Promise.resolve();
    await Promise.race([closing.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }

  /**
   * After a service mode was created or its end moved (committed in PostgreSQL): (re)schedules
   * its end. Never throws: a Redis outage is logged and the PostgreSQL sweep covers it.
   */
  async serviceModeChanged(serviceModeId: string): Promise<void> {
    const rows: { ends_at: Date; finished_at: Date | null }[] = await this.dataSource
      .query(`SELECT ends_at, finished_at FROM service_modes WHERE id = $1`, [serviceModeId])
      .catch(() => []);
    const row = rows[0];
    if (!row || row.finished_at) return;
    await this.schedule(TIMER_JOBS.serviceModeEnd, serviceModeId, row.ends_at);
  }

  /** After a block window was created, cancelled or ended early: (re)schedules its start and end. Never throws. */
  async blockWindowChanged(blockWindowId: string): Promise<void> {
    const rows: {
      starts_at: Date;
      ends_at: Date;
      started_at: Date | null;
      finished_at: Date | null;
      cancelled_at: Date | null;
    }[] = await this.dataSource
      .query(`SELECT starts_at, ends_at, started_at, finished_at, cancelled_at FROM block_windows WHERE id = $1`, [
        blockWindowId,
      ])
      .catch(() => []);
    const row = rows[0];
    if (!row || row.cancelled_at || row.finished_at) return;
    if (!row.started_at) await this.schedule(TIMER_JOBS.blockWindowStart, blockWindowId, row.starts_at);
    await this.schedule(TIMER_JOBS.blockWindowEnd, blockWindowId, row.ends_at);
  }

  /**
   * Runs the end check of a service mode whose ends_at has passed (an early end sets ends_at to
   * now first): raises a case for each alarm received during it that is still not restored, and
   * sets finished_at. Idempotent; resolves once the cases are committed. Returns whether it ran.
   */
  finishServiceMode(serviceModeId: string): Promise<boolean> {
    return this.finish('service_modes', serviceModeId);
  }

  /** The end check of a block window whose ends_at has passed (same as for a service mode). Idempotent. */
  finishBlockWindow(blockWindowId: string): Promise<boolean> {
    return this.finish('block_windows', blockWindowId);
  }

  /** Guarantee 5: every unfinished window gets its jobs back (deterministic ids: no duplicates). */
  async rebuildJobs(): Promise<void> {
    const modes: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM service_modes WHERE finished_at IS NULL`,
    );
    for (const mode of modes) await this.serviceModeChanged(mode.id);
    const windows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM block_windows WHERE finished_at IS NULL AND cancelled_at IS NULL`,
    );
    for (const window of windows) await this.blockWindowChanged(window.id);
  }

  /** One sweep of the timers kept in PostgreSQL; safe in several processes at once. */
  sweep(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.sweeping ??= this.sweepOnce()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Rules sweep failed; retrying at the next one'))
      .finally(() => {
        this.sweeping = null;
      });
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    await this.raiseDueDeferrals();
    const overdue: { tbl: WindowTable; id: string }[] = await this.dataSource.query(
      `SELECT 'service_modes' AS tbl, id FROM service_modes
        WHERE finished_at IS NULL AND ends_at <= now() - make_interval(secs => $1)
       UNION ALL
       SELECT 'block_windows', id FROM block_windows
        WHERE finished_at IS NULL AND cancelled_at IS NULL AND ends_at <= now() - make_interval(secs => $1)
       LIMIT 200`,
      [SETTLE_MS / 1000],
    );
    for (const window of overdue) await this.finish(window.tbl, window.id);
    await this.dataSource.query(
      `UPDATE block_windows SET started_at = starts_at
        WHERE started_at IS NULL AND cancelled_at IS NULL AND starts_at <= now()`,
    );
  }

  private async process(job: Job<TimerJobData>): Promise<void> {
    const name = job.name as TimerJobName;
    switch (name) {
      case TIMER_JOBS.serviceModeEnd:
        await this.finishWhenSettled('service_modes', job.data.id);
        return;
      case TIMER_JOBS.blockWindowEnd:
        await this.finishWhenSettled('block_windows', job.data.id);
        return;
      case TIMER_JOBS.blockWindowStart:
        await this.dataSource.query(
          `UPDATE block_windows SET started_at = starts_at
            WHERE id = $1 AND started_at IS NULL AND cancelled_at IS NULL AND starts_at <= now()`,
          [job.data.id],
        );
        return;
    }
  }

  /** A job fires at the end itself; signals of the last moments may still be on their way. */
  private async finishWhenSettled(table: WindowTable, id: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    if (!(await this.finish(table, id))) {
      // Not finished yet (signals still waiting for evaluation): the job retries, the sweep covers it.
      const [row] = (await this.dataSource.query(`SELECT finished_at FROM ${table} WHERE id = $1`, [id])) as {
        finished_at: Date | null;
      }[];
      if (row && !row.finished_at) throw new Error(`${table} ${id}: signals still waiting for evaluation`);
    }
  }

  private async schedule(name: TimerJobName, id: string, at: Date): Promise<void> {
    try {
      await this.queue.add(
        name,
        { id },
        {
          jobId: timerJobId(name, id, at),
          delay: Math.max(0, at.getTime() - Date.now()),
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: 1000,
        },
      );
    } catch (error) {
      this.logger.error({ err: error, job: name, id }, 'Could not schedule a timer; the PostgreSQL sweep covers it');
    }
  }

  private async finish(table: WindowTable, id: string): Promise<boolean> {
    const result = await this.dataSource.transaction((manager) => this.finishIn(manager, table, id));
    if (result === null) return false;
    await this.effects.afterCommit(result);
    return true;
  }

  /** Null when it cannot run yet (not ended, or signals before the end still unevaluated). */
  private async finishIn(manager: EntityManager, table: WindowTable, id: string): Promise<CaseChange[] | null> {
    const [window] = (await manager.query(
      `SELECT w.id, w.transmitter_id, w.starts_at, w.ends_at, w.finished_at, t.account, t.site_id
         FROM ${table} w JOIN transmitters t ON t.id = w.transmitter_id
        WHERE w.id = $1 FOR UPDATE OF w`,
      [id],
    )) as {
      transmitter_id: string;
      starts_at: Date;
      ends_at: Date;
      finished_at: Date | null;
      account: string;
      site_id: string;
    }[];
    if (!window) return null;
    if (window.finished_at) return [];
    if (window.ends_at.getTime() > Date.now()) return null;
    const [waiting] = (await manager.query(
      `SELECT 1 FROM signal_backlog b JOIN signals s ON s.id = b.signal_id
        WHERE s.transmitter_id = $1 AND b.received_at < $2 LIMIT 1`,
      [window.transmitter_id, window.ends_at],
    )) as unknown[];
    if (waiting) return null;

    const column = table === 'service_modes' ? 'service_mode_id' : 'block_window_id';
    const alarms: { id: string; code: string; zone: string | null; received_at: Date }[] = await manager.query(
      `SELECT s.id, s.code, s.zone, s.received_at
         FROM signal_decisions d JOIN signals s ON s.id = d.signal_id
        WHERE d.${column} = $1 AND s.kind = 'ALARM' ORDER BY s.id`,
      [id],
    );
    let changes: CaseChange[] = [];
    if (alarms.length > 0) {
      const restores: { id: string; code: string; zone: string | null }[] = await manager.query(
        `SELECT id, code, zone FROM signals WHERE transmitter_id = $1 AND kind = 'RESTORE' AND id > $2 ORDER BY id`,
        [window.transmitter_id, alarms[0]!.id],
      );
      const active = activeAtEnd(
        alarms.map((a) => ({ id: String(a.id), code: a.code, zone: a.zone })),
        restores.map((r) => ({ id: String(r.id), code: r.code, zone: r.zone })),
      );
      const ended = table === 'service_modes' ? 'serviceMode' : 'blockWindow';
      const inputs: OpenOrAppendInput[] = active.map((alarm) => {
        const event = classifyEventCode(alarm.code)!;
        const category = event.category as AlarmCategory;
        return {
          caseKey: `site:${window.site_id}`,
          siteId: window.site_id,
          account: window.account,
          category,
          priority: priorityOf(category),
          ...activeAtEndTitle({
            eventCode: alarm.code,
            description: event.description,
            zone: alarm.zone,
            unknownTransmitter: false,
            ended,
          }),
          unknownTransmitter: false,
          signalId: alarm.id,
          receivedAt: new Date(),
          note: {
            type: 'ACTIVE_AT_END',
            data: { [table === 'service_modes' ? 'serviceModeId' : 'blockWindowId']: id },
          },
        };
      });
      if (inputs.length > 0) {
        const applied = await this.lifecycle.openOrAppendMany(manager, inputs);
        changes = applied.changes;
        await linkSignals(manager, applied.caseOfSignal);
      }
    }
    await manager.query(`UPDATE ${table} SET finished_at = now() WHERE id = $1`, [id]);
    return changes;
  }

  /** AC losses (and other deferred service alarms) not restored in time become cases now. */
  private async raiseDueDeferrals(): Promise<void> {
    for (;;) {
      const changes = await this.dataSource.transaction(async (manager) => {
        const due: {
          signal_id: string;
          account: string;
          site_id: string | null;
          case_key: string;
          category: AlarmCategory;
          title: string;
          title_key: CaseTitleKey | null;
          title_params: CaseTitleParams | null;
          received_at: Date;
        }[] = await manager.query(
          `SELECT signal_id, account, site_id, case_key, category, title, title_key, title_params, received_at
             FROM deferred_alarms
            WHERE settled_at IS NULL AND due_at <= now()
            ORDER BY due_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
        );
        if (due.length === 0) return null;
        const applied = await this.lifecycle.openOrAppendMany(
          manager,
          due.map((d) => ({
            caseKey: d.case_key,
            siteId: d.site_id,
            account: d.account,
            category: d.category,
            priority: priorityOf(d.category),
            title: d.title,
            titleKey: d.title_key,
            titleParams: d.title_params,
            unknownTransmitter: d.site_id === null,
            signalId: String(d.signal_id),
            receivedAt: d.received_at,
            note: { type: 'DEFERRED_RAISED' as const, data: { receivedAt: d.received_at.toISOString() } },
          })),
        );
        await manager.query(
          `UPDATE deferred_alarms d SET settled_at = now(), raised_case_id = u.case_id
             FROM unnest($1::bigint[], $2::uuid[]) AS u(signal_id, case_id) WHERE d.signal_id = u.signal_id`,
          [[...applied.caseOfSignal.keys()], [...applied.caseOfSignal.values()]],
        );
        await linkSignals(manager, applied.caseOfSignal);
        return applied.changes;
      });
      if (changes === null) return;
      await this.effects.afterCommit(changes);
    }
  }
}

/** The signals that raised a case late (deferred, active at end) point at it; their decision stays. */
async function linkSignals(manager: EntityManager, caseOfSignal: Map<string, string>): Promise<void> {
  if (caseOfSignal.size === 0) return;
  await manager.query(
    `UPDATE signal_decisions d SET case_id = u.case_id
       FROM unnest($1::bigint[], $2::uuid[]) AS u(id, case_id) WHERE d.signal_id = u.id`,
    [[...caseOfSignal.keys()], [...caseOfSignal.values()]],
  );
}
