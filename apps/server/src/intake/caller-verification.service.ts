import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AlarmCategory } from '@arc/shared/alarm';
import { type SessionUser } from '@arc/shared/auth';
import {
  allowedActions,
  intakeActionRefusal,
  type CallerFacts,
  type IntakeAction,
  type VerificationAttempt,
  type VerificationOutcome,
  type VerificationResult,
  type VerifyCallerInputSchema,
} from '@arc/shared/intake';
import {
  intakeRefusalRef,
  intakeRefusalText,
  requesterRefusalRef,
  requesterRefusalText,
  type MessageParams,
  type ServerMessageKey,
  type VerificationMessageKey,
} from '@arc/shared/i18n';
import { windowRequesterRefusal, type Requester } from '@arc/shared/rules';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { verifyPassword } from '../common/auth/password.js';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { type Db, first, iso, isoOrNull, notFoundError } from '../database/sql-kit.js';
import { installerCompanyOf, passwordHashOfPerson } from '../directory/index.js';
import { loadRequester } from '../rules/index.js';
import { centreMinuteNamed } from '../common/centre-time.js';
import { type LockedCall, lockCall, siteCategories } from './intake-db.js';
import { IntakeEventsBus } from './intake-events.bus.js';

type VerifyData = z.output<typeof VerifyCallerInputSchema>;

/** A caller whose fresh verification an intake action was checked against. */
export interface VerifiedCaller {
  call: LockedCall;
  verificationId: string;
  siteId: string;
  requester: Requester;
  facts: CallerFacts;
}

/**
 * Verifies a caller's authority password (docs/domain.md section 3): the person must be on an
 * authorization list of the call's site (or an installer of a service company servicing it),
 * must not be locked, must have a password, and must say it. Every attempt is stored
 * (caller_verifications); failed ones go live to the supervisors.
 *
 * Lockout: `maxFailures` wrong passwords of one person within `windowMinutes` (counted since the
 * person's last successful verification) lock the person for `lockMinutes` from the last one;
 * the attempt that reaches the limit stores WRONG_PASSWORD with `locked_until` and answers LOCKED.
 * While locked, attempts answer LOCKED without checking the password (stored as LOCKED; they do
 * not extend the lock). Attempts of one person are serialised with an advisory lock, so two at
 * the same moment are counted one after the other.
 *
 * The password itself is only handed to argon2: it is never stored, logged, or put in a message.
 */
@Injectable()
export class CallerVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: IntakeEventsBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async verify(user: SessionUser, callId: string, input: VerifyData): Promise<VerificationOutcome> {
    const { maxFailures, windowMinutes, lockMinutes, validMinutes } = this.config.intake;
    const { outcome, failed } = await this.dataSource.transaction(async (m) => {
      const call = await lockCall(m, callId, user);
      if (!call.siteId) {
        throw new AppError('UNPROCESSABLE', 'The call has no site yet: find the site before verifying the caller', {
          key: 'callHasNoSite',
        });
      }
      const siteId = call.siteId;
      const loaded = await loadRequester(m, input.personId, siteId);
      if (!loaded) throw notFoundError('person', input.personId, 'UNPROCESSABLE', 'personId');
      const { requester, facts } = loaded;
      const personId = requester.personId!;
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`caller-verification:${personId}`]);

      const record = async (result: VerificationResult, lockedUntil: Date | null = null) => {
        const [row] = (await m.query(
          `INSERT INTO caller_verifications (call_id, operator_user_id, person_id, person_name, site_id, result,
                                             expires_at, locked_until)
           VALUES ($1, $2, $3, $4, $5, $6,
                   CASE WHEN $6 = 'VERIFIED' THEN now() + make_interval(mins => $7) END, $8)
           RETURNING id, at, expires_at`,
          [call.id, user.id, personId, requester.name, siteId, result, validMinutes, lockedUntil],
        )) as { id: string; at: Date; expires_at: Date | null }[];
        const attempt: VerificationAttempt = {
          id: row!.id,
          at: iso(row!.at),
          operator: { userId: user.id, name: user.displayName },
          person: { id: personId, name: requester.name },
          siteId,
          siteName: call.siteName,
          result,
          lockedUntil: isoOrNull(lockedUntil),
        };
        return { attempt, expiresAt: row!.expires_at };
      };
      const refused = (
        attempt: VerificationAttempt,
        message: string,
        text: { key: VerificationMessageKey; params: MessageParams },
        failedAttempts: number,
        answer: VerificationResult = attempt.result,
      ) => ({
        outcome: {
          result: answer,
          message,
          messageKey: text.key,
          params: text.params,
          verificationId: null,
          expiresAt: null,
          person: null,
          actions: [],
          failedAttempts,
          lockedUntil: attempt.lockedUntil,
        } satisfies VerificationOutcome,
        failed: attempt,
      });

      // Not on a list of this site (or not valid today): the password is not the question.
      const notAuthorized = windowRequesterRefusal(facts, false, false);
      if (notAuthorized) {
        const { attempt } = await record('NOT_AUTHORIZED');
        return refused(
          attempt,
          `${requester.name} ${requesterRefusalText(notAuthorized)}`,
          { key: 'notAuthorized', params: { name: requester.name, reason: requesterRefusalRef(notAuthorized) } },
          0,
        );
      }

      const state = (await first<{ failures: string; locked_until: Date | null }>(
        m,
        `SELECT (SELECT count(*) FROM caller_verifications v
                  WHERE v.person_id = $1 AND v.result = 'WRONG_PASSWORD'
                    AND v.at > now() - make_interval(mins => $2)
                    AND v.at > COALESCE((SELECT max(s.at) FROM caller_verifications s
                                          WHERE s.person_id = $1 AND s.result = 'VERIFIED'), '-infinity')) AS failures,
                (SELECT max(l.locked_until) FROM caller_verifications l
                  WHERE l.person_id = $1 AND l.result = 'WRONG_PASSWORD' AND l.locked_until > now()) AS locked_until`,
        [personId, windowMinutes],
      ))!;
      const failures = Number(state.failures);
      if (state.locked_until) {
        const { attempt } = await record('LOCKED', state.locked_until);
        return refused(
          attempt,
          `${requester.name} is locked after ${maxFailures} wrong passwords until ` +
            `${centreMinuteNamed(state.locked_until)}; the password was not checked`,
          {
            key: 'locked',
            params: { name: requester.name, max: maxFailures, until: centreMinuteNamed(state.locked_until) },
          },
          failures,
        );
      }

      const hash = await passwordHashOfPerson(m, personId);
      if (!hash) {
        const { attempt } = await record('NO_PASSWORD');
        return refused(
          attempt,
          `${requester.name} has no authority password; an administrator must set one first`,
          { key: 'noPassword', params: { name: requester.name } },
          failures,
        );
      }

      if (!(await verifyPassword(hash, input.password))) {
        const count = failures + 1;
        if (count >= maxFailures) {
          const [until] = (await m.query(`SELECT now() + make_interval(mins => $1) AS at`, [lockMinutes])) as {
            at: Date;
          }[];
          const { attempt } = await record('WRONG_PASSWORD', until!.at);
          return refused(
            attempt,
            `Wrong password, ${count} within ${windowMinutes} minutes: ${requester.name} is locked until ` +
              `${centreMinuteNamed(until!.at)}`,
            {
              key: 'lockedNow',
              params: { count, minutes: windowMinutes, name: requester.name, until: centreMinuteNamed(until!.at) },
            },
            count,
            'LOCKED',
          );
        }
        const { attempt } = await record('WRONG_PASSWORD');
        return refused(
          attempt,
          `Wrong password (${count} of ${maxFailures} allowed within ${windowMinutes} minutes)`,
          { key: 'wrongPassword', params: { count, max: maxFailures, minutes: windowMinutes } },
          count,
        );
      }

      const { attempt: verified, expiresAt } = await record('VERIFIED');
      await m.query(
        `UPDATE intake_calls SET person_id = $2, person_name = $3, person_level = $4, verified = true WHERE id = $1`,
        [call.id, personId, requester.name, requester.level],
      );
      const company = await installerCompanyOf(m, personId);
      const callerFacts: CallerFacts = { level: facts.level, installerApprovals: facts.installerApprovals };
      const outcome: VerificationOutcome = {
        result: 'VERIFIED',
        message:
          `${requester.name} (level ${requester.level}${company ? `, installer of ${company.name}` : ''}) is verified ` +
          `for ${call.siteName ?? 'the site'} until ${centreMinuteNamed(expiresAt!)}`,
        ...verifiedText(requester, company?.name ?? null, call.siteName, centreMinuteNamed(expiresAt!)),
        verificationId: verified.id,
        expiresAt: iso(expiresAt!),
        person: { id: personId, name: requester.name, level: requester.level, installerOf: company?.name ?? null },
        actions: allowedActions(callerFacts, await siteCategories(m, siteId)),
        failedAttempts: 0,
        lockedUntil: null,
      };
      return { outcome, failed: null };
    });
    if (failed) this.events.publishFailed(failed);
    return outcome;
  }

  /**
   * Inside an intake action's transaction: locks the call (its operator only, not ended) and
   * checks the verification: VERIFIED, made by this operator in this call, unexpired, for the
   * target's site (`siteId`; undefined: the call's site), and its person still on a list of the
   * site. 403 with the reason otherwise. The person's level and approvals are read again now.
   */
  async requireVerified(
    m: Db,
    user: SessionUser,
    callId: string,
    verificationId: string,
    siteId?: string | null,
  ): Promise<VerifiedCaller> {
    const call = await lockCall(m, callId, user);
    const v = await first<{
      operator_user_id: string;
      call_id: string | null;
      person_id: string | null;
      person_name: string;
      site_id: string | null;
      result: VerificationResult;
      expires_at: Date | null;
      expired: boolean;
    }>(
      m,
      `SELECT operator_user_id, call_id, person_id, person_name, site_id, result, expires_at,
              (expires_at IS NULL OR expires_at <= now()) AS expired
         FROM caller_verifications WHERE id = $1`,
      [verificationId],
    );
    const forbidden = (why: string, key: ServerMessageKey, params?: MessageParams) =>
      new AppError('FORBIDDEN_ROLE', `verificationId: ${why}`, { key, params });
    if (!v) {
      throw forbidden(`verification ${verificationId} does not exist`, 'verificationMissing', { id: verificationId });
    }
    if (v.operator_user_id !== user.id) {
      throw forbidden('the verification was made by another operator', 'verificationOtherOperator');
    }
    if (v.result !== 'VERIFIED') {
      throw forbidden(`the caller was not verified (${v.result}); verify again`, 'verificationNotVerified', {
        result: v.result,
      });
    }
    if (v.call_id !== call.id) throw forbidden('the verification belongs to another call', 'verificationOtherCall');
    if (v.expired) {
      const at = centreMinuteNamed(v.expires_at!);
      throw forbidden(`verification expired at ${at}; verify the caller again`, 'verificationExpired', { at });
    }
    const target = siteId === undefined ? call.siteId : siteId;
    if (!v.site_id || v.site_id !== call.siteId || v.site_id !== target) {
      throw forbidden('verification is for another site', 'verificationOtherSite');
    }
    const removed = () =>
      forbidden(
        `${v.person_name} was removed from the directory; verify the caller again`,
        'verificationPersonRemoved',
        { name: v.person_name },
      );
    if (!v.person_id) throw removed();
    const loaded = await loadRequester(m, v.person_id, v.site_id);
    if (!loaded) throw removed();
    const problem = windowRequesterRefusal(loaded.facts, false, false);
    if (problem) {
      throw forbidden(
        `${loaded.requester.name} ${requesterRefusalText(problem)} any more`,
        'verificationNoLongerAllowed',
        { name: loaded.requester.name, reason: requesterRefusalRef(problem) },
      );
    }
    return {
      call,
      verificationId,
      siteId: v.site_id,
      requester: loaded.requester,
      facts: { level: loaded.facts.level, installerApprovals: loaded.facts.installerApprovals },
    };
  }
}

/**
 * The authority table, enforced: 422 with the table's reason for the first category the caller
 * may not ask the action for.
 */
export function requireAuthority(
  caller: VerifiedCaller,
  action: IntakeAction,
  categories: readonly AlarmCategory[],
): void {
  for (const category of categories) {
    const refusal = intakeActionRefusal(caller.facts, action, category);
    if (refusal) {
      const { name, level } = caller.requester;
      throw new AppError(
        'UNPROCESSABLE',
        `Refused for ${name} (level ${level}), ${category}: ${intakeRefusalText(refusal)}`,
        {
          key: 'authorityRefused',
          params: { name, level, category, reason: intakeRefusalRef(refusal) },
        },
      );
    }
  }
}

/** "Anna Berg (level B)" for the call's record. */
export function callerName(caller: VerifiedCaller): string {
  return `${caller.requester.name} (level ${caller.requester.level})`;
}

/** "Anna Berg (level B, installer of Larmservice AB) is verified for Storgatan 5 until …" as a catalogue text. */
function verifiedText(
  requester: Requester,
  company: string | null,
  siteName: string | null,
  until: string,
): { messageKey: VerificationMessageKey; params: MessageParams } {
  const params = { name: requester.name, level: requester.level, until };
  if (company && siteName) return { messageKey: 'verifiedInstaller', params: { ...params, company, siteName } };
  if (company) return { messageKey: 'verifiedInstallerNoSite', params: { ...params, company } };
  if (siteName) return { messageKey: 'verified', params: { ...params, siteName } };
  return { messageKey: 'verifiedNoSite', params };
}
