import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@arc/shared/auth';
import type {
  EndCallInputSchema,
  IntakeCall,
  SetCallSiteInputSchema,
  StartCallInputSchema,
  VerificationAttempt,
} from '@arc/shared/intake';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AppError } from '../common/app-error.js';
import { throwNotFound } from '../database/sql-kit.js';
import {
  appendOutcome,
  findCall,
  listAttempts,
  listCalls,
  listOpenCallsOf,
  lockCall,
  requireSite,
} from './intake-db.js';
import type { CallListQuery, VerificationListQuery } from './intake-params.js';

type StartData = z.output<typeof StartCallInputSchema>;
type SiteData = z.output<typeof SetCallSiteInputSchema>;
type EndData = z.output<typeof EndCallInputSchema>;

/**
 * Phone calls to the centre (the answering service, reports ZR0010/ZR0020): started by the
 * operator who answers, given a site, ended with an outcome. Only that operator changes a call.
 */
@Injectable()
export class IntakeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(user: SessionUser, input: StartData): Promise<IntakeCall> {
    const id = await this.dataSource.transaction(async (m) => {
      if (input.siteId) await requireSite(m, input.siteId);
      const [row] = (await m.query(
        `INSERT INTO intake_calls (operator_user_id, site_id) VALUES ($1, $2) RETURNING id`,
        [user.id, input.siteId],
      )) as { id: string }[];
      return row!.id;
    });
    return (await findCall(this.dataSource, id))!;
  }

  /**
   * Sets (or corrects) the call's site. A caller verified for the old site is not verified for
   * the new one: the call's caller is cleared, and the old verification no longer acts.
   */
  async setSite(user: SessionUser, id: string, input: SiteData): Promise<IntakeCall> {
    await this.dataSource.transaction(async (m) => {
      const call = await lockCall(m, id, user);
      await requireSite(m, input.siteId);
      if (call.siteId === input.siteId) return;
      await m.query(
        `UPDATE intake_calls SET site_id = $2, person_id = NULL, person_name = NULL, person_level = NULL,
                verified = false
          WHERE id = $1`,
        [id, input.siteId],
      );
    });
    return (await findCall(this.dataSource, id))!;
  }

  /** Ends the call with the operator's outcome; their note is appended to what the call recorded. */
  async end(user: SessionUser, id: string, input: EndData): Promise<IntakeCall> {
    await this.dataSource.transaction(async (m) => {
      await lockCall(m, id, user);
      if (input.note) await appendOutcome(m, id, input.outcome, input.note);
      await m.query(`UPDATE intake_calls SET ended_at = now(), outcome = $2 WHERE id = $1`, [id, input.outcome]);
    });
    return (await findCall(this.dataSource, id))!;
  }

  /** The operator who took the call, supervisors and administrators. */
  async get(user: SessionUser, id: string): Promise<IntakeCall> {
    const call = (await findCall(this.dataSource, id)) ?? throwNotFound('call', id);
    if (user.role === 'operator' && call.operator.userId !== user.id) {
      throw new AppError(
        'FORBIDDEN_ROLE',
        'Only the operator who took the call, supervisors and administrators see it',
        { key: 'callHidden' },
      );
    }
    return call;
  }

  list(query: CallListQuery): Promise<IntakeCall[]> {
    return listCalls(this.dataSource, query.from, query.to, query.limit);
  }

  /** The caller's own calls not ended yet: a console that was reloaded picks its call up again. */
  openCallsOf(user: SessionUser): Promise<IntakeCall[]> {
    return listOpenCallsOf(this.dataSource, user.id);
  }

  verifications(query: VerificationListQuery): Promise<VerificationAttempt[]> {
    return listAttempts(this.dataSource, query.failedOnly, query.limit);
  }
}
