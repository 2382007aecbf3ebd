import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { generateSecret, generateURI, verify as verifyOtp } from 'otplib';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import { SecretBox } from '../common/secret-box.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

export type TotpCheck = 'valid' | 'invalid' | 'replayed';

/** The time step a code belongs to, or null when it is not a current code of the secret. */
async function verify(secret: string, token: string): Promise<number | null> {
  const result = await verifyOtp({ secret, token, epochTolerance: TOLERANCE_SECONDS });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** A code of the step before or after the server's clock is accepted too (phones drift). */
const TOLERANCE_SECONDS = 30;

/**
 * The second factor: TOTP (RFC 6238, 30 s, 6 digits, SHA-1: what every authenticator app does).
 * Secrets are sealed with SECRETS_KEY at rest and never leave the server except once, as the
 * enrolment URI. A code works once: the time step it belongs to is stored, and a code of that
 * step or an earlier one is refused (also when two requests race: the update is conditional).
 */
@Injectable()
export class TotpService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.box = new SecretBox(config.secretsKey);
  }

  /** A new secret, pending until confirmed; a second call replaces it. */
  async startEnrollment(userId: string): Promise<{ otpauthUri: string }> {
    const [row] = await this.db.query<{ username: string; enrolled: boolean }[]>(
      `SELECT username, totp_secret_sealed IS NOT NULL AS enrolled FROM users WHERE id = $1 AND active`,
      [userId],
    );
    if (!row) throw new AppError('TOKEN_INVALID', 'User is no longer active', { key: 'userInactive' });
    if (row.enrolled) {
      throw new AppError(
        'TOTP_ALREADY_ENROLLED',
        'A second factor is already set up; an administrator must reset it before a new one',
        { key: 'totpAlreadyEnrolledReset' },
      );
    }
    const secret = generateSecret();
    await this.db.query(`UPDATE users SET totp_pending_sealed = $2 WHERE id = $1`, [userId, this.box.seal(secret)]);
    return { otpauthUri: generateURI({ issuer: this.config.auth.totpIssuer, label: row.username, secret }) };
  }

  /** Confirms the pending secret with a code from the app; from now on sign-in asks for a code. */
  async confirmEnrollment(userId: string, code: string): Promise<TotpCheck> {
    return this.db.transaction(async (manager) => {
      const [row] = await manager.query<{ pending: string | null; enrolled: boolean }[]>(
        `SELECT totp_pending_sealed AS pending, totp_secret_sealed IS NOT NULL AS enrolled
           FROM users WHERE id = $1 FOR UPDATE`,
        [userId],
      );
      if (row?.enrolled)
        throw new AppError('TOTP_ALREADY_ENROLLED', 'A second factor is already set up', {
          key: 'totpAlreadyEnrolled',
        });
      if (!row?.pending) {
        throw new AppError('TOTP_NOT_STARTED', 'No second factor is being set up; start the enrolment first', {
          key: 'totpNotStarted',
        });
      }
      const step = await verify(this.box.open(row.pending), code);
      if (step === null) return 'invalid';
      await manager.query(
        `UPDATE users SET totp_secret_sealed = totp_pending_sealed, totp_pending_sealed = NULL,
                          totp_enrolled_at = now(), totp_last_step = $2
          WHERE id = $1`,
        [userId, step],
      );
      await this.audit.record(manager, {
        actorUserId: userId,
        action: 'ENROL_TOTP',
        entity: 'user',
        entityId: userId,
        after: { totpEnrolled: true },
      });
      return 'valid';
    });
  }

  /** A sign-in's code against the confirmed secret. */
  async check(userId: string, code: string): Promise<TotpCheck> {
    const [row] = await this.db.query<{ sealed: string | null; last: string | null }[]>(
      `SELECT totp_secret_sealed AS sealed, totp_last_step AS last FROM users WHERE id = $1`,
      [userId],
    );
    if (!row?.sealed) return 'invalid';
    const secret = this.box.open(row.sealed);
    const step = await verify(secret, code);
    if (step === null) return 'invalid';
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = await this.db.query<[unknown[], number]>(
      `UPDATE users SET totp_last_step = $2
        WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [userId, step],
    );
    return affected === 1 ? 'valid' : 'replayed';
  }

  /** Removes the second factor (an administrator's reset); the caller audits and raises the token version. */
  async remove(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE users SET totp_secret_sealed = NULL, totp_pending_sealed = NULL, totp_enrolled_at = NULL,
                        totp_last_step = NULL
        WHERE id = $1`,
      [userId],
    );
  }
}
