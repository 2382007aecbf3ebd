import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SessionUser } from '@arc/shared/auth';
import {
  windowCovers,
  type BlockWindow,
  type BlockWindowConfirmInputSchema,
  type BlockWindowInputSchema,
  type BlockWindowListQuerySchema,
} from '@arc/shared/rules';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../../audit/index.js';
import { AppError } from '../../common/app-error.js';
import { type Db, first, throwNotFound } from '../../database/sql-kit.js';
import { RuleTimersService } from '../rule-timers.service.js';
import type { WindowAuthority } from './service-modes.service.js';
import { checkedRequester } from './window-requester.js';
import { centreMinute, centreMinuteNamed } from '../../common/centre-time.js';
import { findBlockWindow, listBlockWindows, lockWindowTransmitter } from './windows-db.js';

type BlockWindowData = z.output<typeof BlockWindowInputSchema>;
type ConfirmData = z.output<typeof BlockWindowConfirmInputSchema>;
type BlockWindowQuery = z.output<typeof BlockWindowListQuerySchema>;
/** A block window request without its requester: who asked is decided by a `WindowAuthority`. */
export type BlockWindowRequest = Omit<BlockWindowData, 'requestedByPersonId'>;

/** A request written a moment before it is sent may start "now": allow this much clock skew. */
const PAST_TOLERANCE_MS = 60_000;
const MAX_LENGTH_MS = 366 * 86_400_000;

/**
 * Block windows: a longer, planned inactivation of a whole transmitter on a written request
 * (docs/domain.md section 3). Overlaps are refused by PostgreSQL's exclusion constraint, which holds
 * even for two requests at the same moment; this service only turns that into a readable 409.
 */
@Injectable()
export class BlockWindowsService {
  private readonly logger = new Logger(BlockWindowsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly timers: RuleTimersService,
  ) {}

  list(query: BlockWindowQuery): Promise<BlockWindow[]> {
    return listBlockWindows(this.dataSource, query);
  }

  async get(id: string): Promise<BlockWindow> {
    return (await findBlockWindow(this.dataSource, id)) ?? throwNotFound('block window', id);
  }

  create(user: SessionUser, input: BlockWindowData): Promise<BlockWindow> {
    return this.createAs(user, input, {
      // A block window silences the whole transmitter, so it needs authority for all it may send.
      requester: (m, transmitter) =>
        checkedRequester(
          m,
          input.requestedByPersonId,
          transmitter.siteId,
          windowCovers(null, transmitter.inputCategory),
        ),
    });
  }

  /**
   * The same rules as `create` (times, no overlap, audit, timers), with the requester decided by
   * `authority` once the transmitter is locked (phone intake: a verified caller).
   */
  async createAs(user: SessionUser, input: BlockWindowRequest, authority: WindowAuthority): Promise<BlockWindow> {
    const startsAt = Date.parse(input.startsAt);
    const endsAt = Date.parse(input.endsAt);
    const now = Date.now();
    // The plain route's schema refuses this already; other callers' schemas may not.
    if (endsAt <= startsAt) {
      throw new AppError('UNPROCESSABLE', 'endsAt: must be after startsAt', { key: 'endsBeforeStart' });
    }
    if (endsAt <= now) throw new AppError('UNPROCESSABLE', 'endsAt: must be in the future', { key: 'endsInPast' });
    if (startsAt < now - PAST_TOLERANCE_MS) {
      throw new AppError('UNPROCESSABLE', 'startsAt: must not be in the past', { key: 'startsInPast' });
    }
    if (endsAt - startsAt > MAX_LENGTH_MS) {
      throw new AppError('UNPROCESSABLE', 'endsAt: a block window may last at most 366 days', {
        key: 'blockWindowTooLong',
      });
    }

    let account = '';
    try {
      const window = await this.dataSource.transaction(async (m) => {
        const transmitter = await lockWindowTransmitter(m, input.transmitterId);
        account = transmitter.account;
        const requester = await authority.requester(m, transmitter);
        const [row] = (await m.query(
          `INSERT INTO block_windows (transmitter_id, starts_at, ends_at, planned_ends_at, requested_by_person_id,
                                      requested_by_name, requested_by_level, request_date, reference, reason,
                                      created_by_user_id)
           VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            transmitter.id,
            input.startsAt,
            input.endsAt,
            requester.personId,
            requester.name,
            requester.level,
            input.requestDate,
            input.reference,
            input.reason,
            user.id,
          ],
        )) as { id: string }[];
        const created = (await findBlockWindow(m, row!.id))!;
        await this.audit.record(m, {
          actorUserId: user.id,
          action: 'CREATE',
          entity: 'block_window',
          entityId: created.id,
          after: { ...created },
        });
        await authority.recorded?.(m, created.id);
        return created;
      });
      void this.timers.blockWindowChanged(window.id);
      return window;
    } catch (error) {
      if (!isExclusionViolation(error, 'block_windows_no_overlap')) throw error;
      throw await this.overlapError(input, account);
    }
  }

  /** Records the completion confirmation (klarrapport) sent to the requester. */
  async confirm(user: SessionUser, id: string, input: ConfirmData): Promise<BlockWindow> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.lock(m, id);
      if (before.cancelledAt) {
        throw new AppError('CONFLICT', `Block window ${before.reference} was cancelled; there is nothing to confirm`, {
          key: 'blockWindowCancelled',
          params: { reference: before.reference },
        });
      }
      if (before.confirmation) {
        throw new AppError(
          'CONFLICT',
          `Block window ${before.reference} was already confirmed at ${centreMinuteNamed(before.confirmation.at)} ` +
            `to ${before.confirmation.sentTo}`,
          {
            key: 'blockWindowConfirmed',
            params: {
              reference: before.reference,
              at: centreMinuteNamed(before.confirmation.at),
              sentTo: before.confirmation.sentTo,
            },
          },
        );
      }
      await m.query(
        `UPDATE block_windows SET confirmed_at = now(), confirmed_by_user_id = $2, confirmation_sent_to = $3,
                confirmation_note = $4
          WHERE id = $1`,
        [id, user.id, input.sentTo, input.note],
      );
      const after = (await findBlockWindow(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'block_window',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /**
   * Before its start a window is cancelled (it never silenced anything); while active it is ended
   * now, which keeps the record of what it silenced and lets the end check raise what is still
   * not restored.
   */
  async cancel(user: SessionUser, id: string): Promise<BlockWindow> {
    const endedEarly = await this.dataSource.transaction(async (m) => {
      const before = await this.lock(m, id);
      if (before.cancelledAt) {
        throw new AppError('CONFLICT', `Block window ${before.reference} is already cancelled`, {
          key: 'blockWindowAlreadyCancelled',
          params: { reference: before.reference },
        });
      }
      const timing = (await first<{ not_started: boolean; ended: boolean }>(
        m,
        `SELECT now() <= starts_at AS not_started, ends_at <= now() AS ended FROM block_windows WHERE id = $1`,
        [id],
      ))!;
      if (timing.ended) {
        throw new AppError(
          'CONFLICT',
          `Block window ${before.reference} already ended at ${centreMinuteNamed(before.endsAt)}`,
          { key: 'blockWindowEnded', params: { reference: before.reference, at: centreMinuteNamed(before.endsAt) } },
        );
      }
      if (timing.not_started) {
        await m.query(`UPDATE block_windows SET cancelled_at = now(), cancelled_by_user_id = $2 WHERE id = $1`, [
          id,
          user.id,
        ]);
      } else {
        await m.query(
          `UPDATE block_windows SET ends_at = now(), ended_early_at = now(), ended_early_by_user_id = $2 WHERE id = $1`,
          [id, user.id],
        );
      }
      const after = (await findBlockWindow(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'block_window',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return !timing.not_started;
    });
    await this.timers.blockWindowChanged(id);
    if (endedEarly) {
      try {
        await this.timers.finishBlockWindow(id);
      } catch (error) {
        // Committed already; the rules' sweep repeats the idempotent end check.
        this.logger.warn(`End check of block window ${id} failed; the sweep retries it: ${String(error)}`);
      }
    }
    return this.get(id);
  }

  private async lock(m: Db, id: string): Promise<BlockWindow> {
    const locked = await first(m, `SELECT 1 FROM block_windows WHERE id = $1 FOR UPDATE`, [id]);
    if (!locked) throwNotFound('block window', id);
    return (await findBlockWindow(m, id))!;
  }

  /** The 409 naming the window in the way (read after the failed transaction rolled back). */
  private async overlapError(input: BlockWindowRequest, account: string): Promise<AppError> {
    const existing = await first<{ starts_at: Date; ends_at: Date; reference: string }>(
      this.dataSource,
      `SELECT starts_at, ends_at, reference FROM block_windows
        WHERE transmitter_id = $1 AND cancelled_at IS NULL
          AND tstzrange(starts_at, ends_at) && tstzrange($2::timestamptz, $3::timestamptz)
        ORDER BY starts_at LIMIT 1`,
      [input.transmitterId, input.startsAt, input.endsAt],
    );
    // The one in the way may have been cancelled meanwhile; still a conflict at the time asked.
    if (!existing) {
      return new AppError('CONFLICT', `Transmitter ${account} already has a block window in that period`, {
        key: 'blockWindowOverlap',
        params: { account },
      });
    }
    const from = centreMinute(existing.starts_at);
    const to = centreMinuteNamed(existing.ends_at);
    return new AppError(
      'CONFLICT',
      `Transmitter ${account} already has a block window ${from} – ${to} (ref. ${existing.reference})`,
      { key: 'blockWindowOverlapAt', params: { account, from, to, reference: existing.reference } },
    );
  }
}

/** True when the error is PostgreSQL's exclusion violation (23P01) of that constraint. */
function isExclusionViolation(error: unknown, constraint: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint: name } = (driver ?? {}) as { code?: string; constraint?: string };
  return code === '23P01' && name === constraint;
}
