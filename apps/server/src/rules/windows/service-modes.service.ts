import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AlarmCategory } from '@arc/shared/alarm';
import { type SessionUser } from '@arc/shared/auth';
import {
  windowCovers,
  type Requester,
  type ServiceMode,
  type ServiceModeInputSchema,
  type ServiceModeListQuerySchema,
} from '@arc/shared/rules';
import { durationRef } from '@arc/shared/i18n';
import { minutesInWords } from '@arc/shared/settings';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../../audit/index.js';
import { centreMinuteNamed, centreWhenNamed } from '../../common/centre-time.js';
import { AppError } from '../../common/app-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { first, throwNotFound } from '../../database/sql-kit.js';
import { RuleTimersService } from '../rule-timers.service.js';
import { checkedRequester } from './window-requester.js';
import { findServiceMode, listServiceModes, lockWindowTransmitter, type WindowTransmitter } from './windows-db.js';

type ServiceModeData = z.output<typeof ServiceModeInputSchema>;
type ServiceModeQuery = z.output<typeof ServiceModeListQuerySchema>;
/** A service mode request without its requester: who asked is decided by `WindowAuthority`. */
export type ServiceModeRequest = Omit<ServiceModeData, 'requestedByPersonId'>;

/**
 * Who asked for a window, decided inside the writing transaction right after the transmitter is
 * locked, and what else must commit with the write. The plain routes check a named person
 * (checkedRequester); phone intake checks a fresh caller verification and the authority table.
 */
export interface WindowAuthority {
  requester(manager: EntityManager, transmitter: WindowTransmitter): Promise<Requester>;
  /** After the write, in the same transaction (e.g. the intake call's outcome). */
  recorded?(manager: EntityManager, id: string): Promise<void>;
}

/**
 * Service mode: a transmitter (or one category of it) is silenced from now for a while, on the
 * phone request of a person who may speak for the site (docs/domain.md sections 3 and 4). The row is
 * written with its audit entry in one transaction; the end timer is (re)scheduled after commit,
 * so the timer never sees a mode that was rolled back.
 *
 * The plain POST /service-modes names the requester without checking their password; the console
 * sets phone-requested service modes through POST /intake/calls/:id/service-mode, which needs a
 * fresh caller verification (createAs/endAs, used by the intake module).
 */
@Injectable()
export class ServiceModesService {
  private readonly logger = new Logger(ServiceModesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly timers: RuleTimersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(query: ServiceModeQuery): Promise<ServiceMode[]> {
    return listServiceModes(this.dataSource, query);
  }

  async get(id: string): Promise<ServiceMode> {
    return (await findServiceMode(this.dataSource, id)) ?? throwNotFound('service mode', id);
  }

  create(user: SessionUser, input: ServiceModeData): Promise<ServiceMode> {
    return this.createAs(user, input, {
      requester: (m, transmitter) =>
        checkedRequester(
          m,
          input.requestedByPersonId,
          transmitter.siteId,
          windowCovers(input.category, transmitter.inputCategory),
        ),
    });
  }

  /**
   * The same rules as `create` (duration limits, one mode at a time, audit, timer), with the
   * requester decided by `authority` once the transmitter is locked.
   */
  async createAs(user: SessionUser, input: ServiceModeRequest, authority: WindowAuthority): Promise<ServiceMode> {
    const { serviceModeDefaultMinutes, serviceModeMaxMinutes } = this.config.rules;
    // Outside production the config does not cross-check the two; never let the default exceed the maximum.
    const minutes = input.durationMinutes ?? Math.min(serviceModeDefaultMinutes, serviceModeMaxMinutes);
    if (minutes > serviceModeMaxMinutes) {
      throw new AppError(
        'UNPROCESSABLE',
        `The duration must be at most ${minutesInWords(serviceModeMaxMinutes)}, the longest service mode allowed`,
        {
          key: 'serviceModeTooLong',
          params: { limit: durationRef(serviceModeMaxMinutes) },
          issues: [
            {
              path: 'durationMinutes',
              message: `must be at most ${minutesInWords(serviceModeMaxMinutes)}`,
              code: 'too_big',
              messageKey: 'schema.maxDuration',
              params: { maximum: serviceModeMaxMinutes, limit: durationRef(serviceModeMaxMinutes) },
            },
          ],
        },
      );
    }

    const mode = await this.dataSource.transaction(async (m) => {
      // The lock makes "is one already in force?" and the insert one step per transmitter.
      const transmitter = await lockWindowTransmitter(m, input.transmitterId);
      const requester = await authority.requester(m, transmitter);
      const clash = await first<{ category: AlarmCategory | null; ends_at: Date }>(
        m,
        `SELECT category, ends_at FROM service_modes
          WHERE transmitter_id = $1 AND ends_at > now()
            AND ($2::text IS NULL OR category IS NULL OR category = $2)
          ORDER BY ends_at DESC LIMIT 1`,
        [transmitter.id, input.category],
      );
      if (clash) {
        throw new AppError(
          'CONFLICT',
          `Transmitter ${transmitter.account} is already in service mode (${clash.category ?? 'all categories'}) ` +
            `until ${centreWhenNamed(clash.ends_at)}; end it first`,
          {
            key: 'serviceModeActive',
            params: {
              account: transmitter.account,
              category: clash.category ?? 'ALL',
              until: centreWhenNamed(clash.ends_at),
            },
          },
        );
      }
      const [row] = (await m.query(
        `INSERT INTO service_modes (transmitter_id, category, starts_at, ends_at, planned_ends_at, reason,
                                    requested_by_person_id, requested_by_name, requested_by_level, set_by_user_id)
         VALUES ($1, $2, now(), now() + make_interval(mins => $3), now() + make_interval(mins => $3), $4,
                 $5, $6, $7, $8)
         RETURNING id`,
        [
          transmitter.id,
          input.category,
          minutes,
          input.reason,
          requester.personId,
          requester.name,
          requester.level,
          user.id,
        ],
      )) as { id: string }[];
      const created = (await findServiceMode(m, row!.id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'CREATE',
        entity: 'service_mode',
        entityId: created.id,
        after: { ...created },
      });
      await authority.recorded?.(m, created.id);
      return created;
    });
    // Never throws (documented): a Redis outage is covered by the PostgreSQL sweep.
    void this.timers.serviceModeChanged(mode.id);
    return mode;
  }

  /** Ends a service mode now; alarms from its period that are still not restored become cases. */
  end(user: SessionUser, id: string): Promise<ServiceMode> {
    return this.endAs(user, id);
  }

  /**
   * `end`, with `check` run on the locked mode before it is ended and `recorded` after, in the
   * same transaction (phone intake: the caller's verification and authority, the call's outcome).
   */
  async endAs(
    user: SessionUser,
    id: string,
    check?: (manager: EntityManager, mode: ServiceMode) => Promise<void>,
    recorded?: (manager: EntityManager, mode: ServiceMode) => Promise<void>,
  ): Promise<ServiceMode> {
    await this.dataSource.transaction(async (m) => {
      const row = await first<{ ended: boolean; ends_at: Date; account: string }>(
        m,
        `SELECT m.ends_at <= now() AS ended, m.ends_at, t.account
           FROM service_modes m JOIN transmitters t ON t.id = m.transmitter_id
          WHERE m.id = $1 FOR UPDATE OF m`,
        [id],
      );
      if (!row) throwNotFound('service mode', id);
      const before = (await findServiceMode(m, id))!;
      await check?.(m, before);
      if (row.ended) {
        throw new AppError(
          'CONFLICT',
          `The service mode of transmitter ${row.account} already ended at ${centreMinuteNamed(row.ends_at)}`,
          { key: 'serviceModeEnded', params: { account: row.account, at: centreMinuteNamed(row.ends_at) } },
        );
      }
      await m.query(
        `UPDATE service_modes SET ends_at = now(), ended_early_at = now(), ended_early_by_user_id = $2 WHERE id = $1`,
        [id, user.id],
      );
      const after = (await findServiceMode(m, id))!;
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'UPDATE',
        entity: 'service_mode',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      await recorded?.(m, after);
    });
    await this.timers.serviceModeChanged(id);
    try {
      await this.timers.finishServiceMode(id);
    } catch (error) {
      // The end is committed; the rules' sweep runs the (idempotent) end check again. Answering
      // 500 here would tell the operator the mode is still on when it is not.
      this.logger.warn(`End check of service mode ${id} failed; the sweep retries it: ${String(error)}`);
    }
    return this.get(id);
  }
}
