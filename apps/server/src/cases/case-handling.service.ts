import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type { CaseSummary } from '@arc/shared/case';
import type { HoldEndReason, OperatorPresence } from '@arc/shared/case-handling';
import { type Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { insertCaseEvent, lockCaseRow, type LockedCaseRow } from './case-rows.js';
import { returnedRows } from '../database/sql-kit.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { REDIS, redisKey } from '../redis/redis-client.js';
import { redisConnectionOptions } from '../redis/redis-url.js';
import { MetricsService } from '../common/metrics/metrics.service.js';
import { CASES_QUEUE, caseJobId, type PresentCaseJob } from './case-queue.service.js';
import type { CaseChange } from './case-change.js';
import { CaseEffectsService } from './case-effects.service.js';
import { CaseSummariesService } from './case-summaries.service.js';

/** A take that finds only stale jobs (cases closed or held meanwhile) gives up after this many. */
const MAX_STALE_JOBS = 50;
const REPAIR_MS = 60_000;

/**
 * Who holds a case (guarantee 4). The BullMQ `cases` queue orders the waiting cases (priority,
 * then age) and hands the top job atomically to one operator (manual fetching: `getNextJob` with
 * a token per operator), so many operators pressing "take next" at once never get the same case.
 * PostgreSQL is the record of who holds what: the claim is a conditional UPDATE, and a database
 * CHECK keeps exactly one holder on a held case. The job is finished as soon as the claim
 * commits; while the operator works the case, their console's socket is the heartbeat
 * (`held_heartbeat_at`, renewed by every process for the operators connected to it). A case whose
 * operator has had no console for CASE_RETURN_SECONDS goes back to the queue, marked returned —
 * whichever process notices first, even if the holder's process died. (We chose a heartbeat in
 * PostgreSQL over keeping the BullMQ job locked for the whole handling: the holder may reconnect
 * to another process, and a lock token held in one process's memory would be lost with it.)
 */
@Injectable()
export class CaseHandlingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CaseHandlingService.name);
  private worker: Worker<PresentCaseJob> | null = null;
  /** Operators with a console on this process, and how many sockets each has. */
  private readonly connected = new Map<string, number>();
  private readonly presenceKey: string;
  private readonly returnMs: number;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(CASES_QUEUE) private readonly queue: Queue<PresentCaseJob>,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly effects: CaseEffectsService,
    private readonly summaries: CaseSummariesService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.presenceKey = redisKey(config, 'presence', 'consoles');
    this.returnMs = config.cases.returnSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    // A worker without a processor: jobs are fetched by hand, one per "take next".
    this.worker = new Worker<PresentCaseJob>(CASES_QUEUE, null, {
      connection: redisConnectionOptions(this.config.redis.url),
      prefix: `${this.config.redis.prefix}:bull`,
      autorun: false,
      lockDuration: 30_000,
      maxStalledCount: 1_000,
    });
    this.worker.on('error', () => undefined); // the shared client reports an outage
    // A take interrupted between fetch and claim (a killed process) leaves an active job: the
    // stalled check puts it back to wait.
    void this.worker.startStalledCheckTimer().catch(() => undefined);
    const every = (ms: number, task: () => Promise<unknown>, what: string) => {
      const timer = setInterval(() => {
        task().catch((error: unknown) => this.logger.warn({ err: error }, `${what} failed`));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    const beat = Math.max(500, Math.floor(this.returnMs / 3));
    every(beat, () => this.heartbeat(), 'Console heartbeat');
    every(Math.max(500, Math.floor(this.returnMs / 6)), () => this.returnAbandoned(), 'Returning abandoned cases');
    // A job that could not be added while Redis was unreachable (but not flushed) is added here;
    // adding an existing job id is a no-op.
    every(REPAIR_MS, () => this.effects.reconcileQueue(), 'Repairing the queue');
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    const closing = this.worker?.close(true) ?? Promise.resolve();
    await Promise.race([closing.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }

  /** The realtime gateway reports operators' consoles connecting and leaving. */
  consoleConnected(userId: string): void {
    this.connected.set(userId, (this.connected.get(userId) ?? 0) + 1);
    void this.heartbeat([userId]).catch(() => undefined);
  }

  consoleDisconnected(userId: string): void {
    const left = (this.connected.get(userId) ?? 1) - 1;
    if (left > 0) this.connected.set(userId, left);
    else this.connected.delete(userId);
  }

  /**
   * Gives the operator the top case of the queue; null when the queue is empty. Exactly one taker
   * per case. An operator who set themselves away is refused unless `becomeAvailable` (then they
   * are set available first); one who never set a state is available.
   */
  async takeNext(user: SessionUser, becomeAvailable = false): Promise<string | null> {
    const worker = this.worker;
    if (!worker) throw new AppError('STORAGE_UNAVAILABLE', 'The queue is not ready yet', { key: 'queueNotReady' });
    await this.ensureAvailable(user, becomeAvailable);
    const token = `operator-${user.id}`;
    for (let i = 0; i < MAX_STALE_JOBS; i += 1) {
      const job = await worker.getNextJob(token, { block: false });
      if (!job) return null;
      const caseId = job.data.caseId;
      let claimed: CaseChange | null = null;
      try {
        claimed = await this.dataSource.transaction((m) => this.claim(m, caseId, user.id, 'TAKEN', user.id));
      } finally {
        // Done either way: claimed (it is no longer waiting) or stale (closed or held already).
        await job.moveToCompleted(claimed ? 'taken' : 'stale', token, false).catch((error: unknown) => {
          this.logger.warn({ err: error, caseId }, 'Could not finish the queue job of a taken case');
        });
      }
      if (claimed) {
        await this.effects.afterCommit([claimed]);
        return caseId;
      }
    }
    return null;
  }

  private async ensureAvailable(user: SessionUser, becomeAvailable: boolean): Promise<void> {
    if (becomeAvailable) {
      await this.dataSource.query(
        `INSERT INTO operator_states (user_id, state, reason, since) VALUES ($1, 'AVAILABLE', NULL, now())
         ON CONFLICT (user_id) DO UPDATE SET state = 'AVAILABLE', reason = NULL,
           since = CASE WHEN operator_states.state = 'AVAILABLE' THEN operator_states.since ELSE now() END`,
        [user.id],
      );
      return;
    }
    const [own] = (await this.dataSource.query(`SELECT state, reason FROM operator_states WHERE user_id = $1`, [
      user.id,
    ])) as { state: string; reason: string | null }[];
    if (own && own.state !== 'AVAILABLE') {
      throw new AppError(
        'OPERATOR_NOT_AVAILABLE',
        `You are Away (${own.reason ?? 'no reason'}): become available to take a case ({"becomeAvailable":true})`,
        own.reason ? { key: 'operatorAway', params: { reason: own.reason } } : { key: 'operatorAwayNoReason' },
      );
    }
  }

  /** The operator gives the case back to the queue with a reason. */
  async putBack(user: SessionUser, caseId: string, reason: string): Promise<CaseSummary> {
    const change = await this.dataSource.transaction(async (m) => {
      await this.lockHeld(m, caseId, user);
      return this.release(m, caseId, 'PUT_BACK', reason, user.id);
    });
    await this.requeue(change);
    return (await this.summaries.summary(caseId))!;
  }

  /** A supervisor gives a waiting or held case to a named operator. */
  async assign(supervisor: SessionUser, caseId: string, userId: string): Promise<CaseSummary> {
    const [target] = (await this.dataSource.query(`SELECT id, display_name FROM users WHERE id = $1 AND active`, [
      userId,
    ])) as { id: string; display_name: string }[];
    if (!target) throw new AppError('UNPROCESSABLE', 'userId: no such active user', { key: 'noSuchActiveUser' });
    // Out of the queue first (a waiting job can be removed; an active one is being taken right now).
    await this.queue.remove(caseJobId(caseId)).catch(() => 0);
    const change = await this.dataSource.transaction(async (m) => {
      const row = await this.lockCase(m, caseId);
      if (row.status === 'CLOSED') {
        throw new AppError('CONFLICT', `Case ${row.case_no} is closed`, {
          key: 'caseClosed',
          params: { caseNo: row.case_no },
        });
      }
      if (row.held_by_user_id === userId) {
        throw new AppError('CONFLICT', `Case ${row.case_no} is already held by ${target.display_name}`, {
          key: 'caseAlreadyHeldBy',
          params: { caseNo: row.case_no, name: target.display_name },
        });
      }
      if (row.status === 'ACCEPTED')
        await this.release(m, caseId, 'ASSIGNED', `Assigned to ${target.display_name}`, supervisor.id);
      const claimed = await this.claim(m, caseId, userId, 'ASSIGNED', supervisor.id, userId !== supervisor.id);
      if (!claimed) {
        throw new AppError('CONFLICT', `Case ${row.case_no} could not be assigned; try again`, {
          key: 'caseNotAssigned',
          params: { caseNo: row.case_no },
        });
      }
      return claimed;
    });
    await this.effects.afterCommit([change]);
    return (await this.summaries.summary(caseId))!;
  }

  /** A supervisor moves a waiting case to the top of the queue. */
  async moveToTop(supervisor: SessionUser, caseId: string): Promise<CaseSummary> {
    const change = await this.dataSource.transaction(async (m) => {
      const row = await this.lockCase(m, caseId);
      if (row.status !== 'QUEUED') {
        throw new AppError('CONFLICT', `Case ${row.case_no} is not waiting in the queue`, {
          key: 'caseNotQueued',
          params: { caseNo: row.case_no },
        });
      }
      await m.query(`UPDATE cases SET moved_to_top_at = now(), version = version + 1 WHERE id = $1`, [caseId]);
      await insertCaseEvent(m, caseId, 'MOVED_TO_TOP', supervisor.id, {});
      return { caseId, created: false, priority: Number(row.priority) };
    });
    // Ahead of everything waiting: the most urgent priority, in front of its other jobs.
    const job = await this.queue.getJob(caseJobId(caseId));
    if (job) await job.changePriority({ priority: 1, lifo: true }).catch(() => undefined);
    else await this.effects.queueJob(caseId, 1, true);
    await this.effects.afterCommit([change]);
    return (await this.summaries.summary(caseId))!;
  }

  /** Every user who can work cases, whether a console is connected, and how many cases each holds. */
  async operators(): Promise<OperatorPresence[]> {
    const seen = await this.redis.hgetall(this.presenceKey).catch(() => ({}) as Record<string, string>);
    const rows: { id: string; display_name: string; role: OperatorPresence['role']; holding: string }[] =
      await this.dataSource.query(
        `SELECT u.id, u.display_name, u.role,
                (SELECT count(*) FROM cases c WHERE c.status = 'ACCEPTED' AND c.held_by_user_id = u.id) AS holding
           FROM users u WHERE u.active ORDER BY u.display_name`,
      );
    const fresh = Date.now() - this.returnMs;
    return rows.map((row) => ({
      userId: row.id,
      name: row.display_name,
      role: row.role,
      online: this.connected.has(row.id) || Number(seen[row.id] ?? 0) > fresh,
      holding: Number(row.holding),
    }));
  }

  /**
   * Inside the caller's transaction: locks the case row and checks that `user` holds it.
   * Throws NOT_FOUND, or CONFLICT naming the holder, or that it is not taken or closed.
   */
  async lockHeld(
    manager: EntityManager,
    caseId: string,
    user: SessionUser,
  ): Promise<{ id: string; caseNo: string; category: string; siteId: string | null }> {
    const row = await this.lockCase(manager, caseId);
    const caseNo = row.case_no;
    if (row.status === 'CLOSED')
      throw new AppError('CONFLICT', `Case ${caseNo} is closed`, { key: 'caseClosed', params: { caseNo } });
    if (row.status === 'QUEUED') {
      throw new AppError('CONFLICT', `Case ${caseNo} is not taken; take it first`, {
        key: 'caseNotTaken',
        params: { caseNo },
      });
    }
    if (row.held_by_user_id !== user.id) {
      throw new AppError(
        'CONFLICT',
        `Case ${caseNo} is held by ${row.held_by_name ?? 'another operator'}`,
        row.held_by_name
          ? { key: 'caseHeldBy', params: { caseNo, name: row.held_by_name } }
          : { key: 'caseHeldByAnother', params: { caseNo } },
      );
    }
    // Any work on a case given to the operator acknowledges it.
    if (row.awaiting_ack) await this.acknowledgeHeld(manager, caseId, user.id, 'work');
    return { id: row.id, caseNo: row.case_no, category: row.category, siteId: row.site_id };
  }

  /** Inside the caller's transaction, on a locked case the user holds: it no longer awaits acknowledgement. */
  async acknowledgeHeld(manager: EntityManager, caseId: string, userId: string, by: 'holder' | 'work'): Promise<void> {
    await manager.query(`UPDATE cases SET ack_due_at = NULL, version = version + 1 WHERE id = $1`, [caseId]);
    await insertCaseEvent(manager, caseId, 'ACKNOWLEDGED', userId, { by });
  }

  /** Inside the caller's transaction: ends the open hold of the case (case_holds) with the reason. */
  async endHold(manager: EntityManager, caseId: string, reason: HoldEndReason): Promise<void> {
    await manager.query(
      `UPDATE case_holds SET ended_at = now(), end_reason = $2 WHERE case_id = $1 AND ended_at IS NULL`,
      [caseId, reason],
    );
  }

  /** Renews the heartbeat of the cases held by operators connected here, and their presence. */
  async heartbeat(userIds = [...this.connected.keys()]): Promise<void> {
    if (userIds.length === 0) return;
    await this.dataSource.query(
      `UPDATE cases SET held_heartbeat_at = now() WHERE status = 'ACCEPTED' AND held_by_user_id = ANY($1::uuid[])`,
      [userIds],
    );
    const now = String(Date.now());
    await this.redis.hset(this.presenceKey, Object.fromEntries(userIds.map((id) => [id, now]))).catch(() => 0);
  }

  /** Cases whose operator's console has been gone for CASE_RETURN_SECONDS go back to the queue. */
  async returnAbandoned(): Promise<number> {
    const changes = await this.dataSource.transaction(async (m) => {
      const stale = returnedRows<{ id: string; held_by_user_id: string }>(
        await m.query(
          `SELECT id, held_by_user_id FROM cases
            WHERE status = 'ACCEPTED' AND held_heartbeat_at < now() - make_interval(secs => $1)
            ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED`,
          [this.returnMs / 1000],
        ),
      );
      const found: CaseChange[] = [];
      for (const row of stale) {
        found.push(await this.release(m, row.id, 'RETURNED', "The operator's console was lost", null));
      }
      return found;
    });
    for (const change of changes) await this.requeue(change);
    if (changes.length > 0) this.logger.warn(`Returned ${changes.length} case(s) to the queue: consoles lost`);
    return changes.length;
  }

  /** Inside the caller's transaction: the case row, locked (NOT_FOUND when there is none). */
  lockCase(manager: EntityManager, caseId: string): Promise<LockedCaseRow> {
    return lockCaseRow(manager, caseId);
  }

  /** A waiting case becomes held by `userId`; null when it is not waiting (closed or held already). */
  private async claim(
    manager: EntityManager,
    caseId: string,
    userId: string,
    event: 'TAKEN' | 'ASSIGNED',
    actorId: string,
    awaitAck = false,
  ): Promise<CaseChange | null> {
    const [row] = returnedRows<{ id: string; priority: number; category: string; first_accept: number | null }>(
      await manager.query(
        `UPDATE cases c
            SET status = 'ACCEPTED', held_by_user_id = $2, held_since = now(), held_heartbeat_at = now(),
                accepted_at = COALESCE(c.accepted_at, now()), first_presented_at = COALESCE(c.first_presented_at, now()),
                moved_to_top_at = NULL, version = c.version + 1,
                ack_due_at = CASE WHEN $3 THEN now() + make_interval(secs => $4) END
           FROM (SELECT accepted_at AS before FROM cases WHERE id = $1) AS prev
          WHERE c.id = $1 AND c.status = 'QUEUED'
          RETURNING c.id, c.priority, c.category,
                    CASE WHEN prev.before IS NULL THEN extract(epoch FROM now() - c.created_at)::float8 END AS first_accept`,
        [caseId, userId, awaitAck, this.config.cases.assignAckSeconds],
      ),
    );
    if (!row) return null;
    if (row.first_accept !== null) this.metrics.acceptSeconds.observe({ category: row.category }, row.first_accept);
    await manager.query(`INSERT INTO case_holds (case_id, user_id) VALUES ($1, $2)`, [caseId, userId]);
    await insertCaseEvent(manager, caseId, event, actorId, event === 'ASSIGNED' ? { to: userId } : {});
    return { caseId, created: false, priority: Number(row.priority) };
  }

  /**
   * A held case goes back to waiting. Put back or returned, it is marked returned with the
   * reason, which the next operator sees in the queue; handed straight to another operator by a
   * supervisor it never waits, so it is not marked (the REASSIGNED event keeps the reason).
   */
  async release(
    manager: EntityManager,
    caseId: string,
    reason: 'PUT_BACK' | 'RETURNED' | 'ASSIGNED',
    text: string,
    actorId: string | null,
  ): Promise<CaseChange> {
    const [row] = returnedRows<{ priority: number }>(
      await manager.query(
        `UPDATE cases
            SET status = 'QUEUED', held_by_user_id = NULL, held_since = NULL, held_heartbeat_at = NULL,
                returned_count = returned_count + CASE WHEN $3 THEN 1 ELSE 0 END,
                return_reason = CASE WHEN $3 THEN $2 ELSE return_reason END, version = version + 1
          WHERE id = $1
          RETURNING priority`,
        [caseId, text, reason !== 'ASSIGNED'],
      ),
    );
    await this.endHold(manager, caseId, reason);
    await insertCaseEvent(manager, caseId, reason === 'ASSIGNED' ? 'REASSIGNED' : reason, actorId, { reason: text });
    return { caseId, created: false, priority: Number(row!.priority) };
  }

  /** Back in the queue, in front of its priority: it has waited longer than what came since. */
  async requeue(change: CaseChange): Promise<void> {
    await this.effects.queueJob(change.caseId, change.priority, true);
    await this.effects.afterCommit([change]);
  }
}
