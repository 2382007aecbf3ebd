import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LockedAccount, LockedAddress, LoginActivity, LoginFailure, LoginFailureReason } from '@arc/shared/users';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { LoginEventsBus } from './login-events.bus.js';
import { LoginThrottle, type LoginTicket } from './login-throttle.service.js';

export interface LoginAttempt extends LoginTicket {
  username: string;
}

/**
 * The bookkeeping of sign-ins around the password and code checks (done by auth): throttling,
 * the users' counters, an audit row for each failure and each lock, and the live event.
 */
@Injectable()
export class LoginSecurityService {
  private readonly logger = new Logger(LoginSecurityService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly events: LoginEventsBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Before any check: a 429 AppError while the address or the account is locked. */
  async begin(username: string, address: string | null): Promise<LoginAttempt> {
    const name = username.trim().toLowerCase();
    return { ...(await this.throttle.begin(name, address)), username: name };
  }

  async failed(attempt: LoginAttempt, reason: LoginFailureReason, userId: string | null): Promise<LoginFailure> {
    const lock = await this.throttle.failed(attempt);
    const failure: Omit<LoginFailure, 'id' | 'at'> = {
      username: attempt.username,
      userId,
      sourceAddress: attempt.address,
      reason,
      lockedUntil: lock.lockedUntil?.toISOString() ?? null,
      lockScope: lock.lockScope,
    };
    const [row] = await this.db.transaction(async (manager) => {
      if (userId) {
        await manager.query(
          `UPDATE users SET failed_logins = failed_logins + 1, last_failed_login_at = now() WHERE id = $1`,
          [userId],
        );
      }
      const inserted = await manager.query<{ id: string; at: Date }[]>(
        `INSERT INTO audit_log (actor_user_id, action, entity, entity_id, after)
         VALUES (NULL, 'LOGIN_FAILED', 'login', $1, $2) RETURNING id, at`,
        [userId, JSON.stringify(failure)],
      );
      if (lock.lockScope) {
        await this.audit.record(manager, {
          actorUserId: null,
          action: 'LOGIN_LOCKED',
          entity: 'login',
          entityId: lock.lockScope === 'account' ? userId : null,
          after: {
            scope: lock.lockScope,
            username: attempt.username,
            address: attempt.address,
            lockedUntil: failure.lockedUntil,
          },
        });
      }
      return inserted;
    });
    const published: LoginFailure = { id: String(row!.id), at: new Date(row!.at).toISOString(), ...failure };
    if (lock.lockScope) {
      this.logger.warn(
        `Sign-in locked (${lock.lockScope}) for ${lock.lockScope === 'account' ? attempt.username : attempt.address} until ${failure.lockedUntil}`,
      );
    }
    this.events.publishFailed(published);
    return published;
  }

  async succeeded(attempt: LoginAttempt, userId: string): Promise<void> {
    await this.throttle.succeeded(attempt);
    await this.db.query(`UPDATE users SET last_login_at = now(), failed_logins = 0 WHERE id = $1`, [userId]);
  }

  /** The password was right and a second factor comes next: neither a failure nor a sign-in. */
  async neutral(attempt: LoginAttempt): Promise<void> {
    await this.throttle.neutral(attempt);
  }

  /** GET /security/logins */
  async activity(limit: number): Promise<LoginActivity> {
    const rows = await this.db.query<{ id: string; at: Date; after: Omit<LoginFailure, 'id' | 'at'> }[]>(
      `SELECT id, at, after FROM audit_log WHERE action = 'LOGIN_FAILED' ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    const failures = rows.map((row) => ({ ...row.after, id: String(row.id), at: new Date(row.at).toISOString() }));
    const longest = Math.max(this.config.auth.accountLockMinutes, this.config.auth.addressLockMinutes);
    const locks = await this.db.query<
      { scope: string; username: string; address: string | null; user_id: string | null }[]
    >(
      `SELECT DISTINCT after->>'scope' AS scope, after->>'username' AS username, after->>'address' AS address,
              entity_id AS user_id
         FROM audit_log
        WHERE action = 'LOGIN_LOCKED' AND at > now() - make_interval(mins => $1)`,
      [longest],
    );
    const lockedAccounts: LockedAccount[] = [];
    const lockedAddresses: LockedAddress[] = [];
    const seenAccounts = new Set<string>();
    const seenAddresses = new Set<string>();
    for (const lock of locks) {
      if (lock.scope === 'account' && !seenAccounts.has(lock.username)) {
        seenAccounts.add(lock.username);
        const until = await this.throttle.accountLockedUntil(lock.username);
        if (until) {
          const userId = lock.user_id ?? (await this.userIdOf(lock.username));
          lockedAccounts.push({ username: lock.username, userId, lockedUntil: until.toISOString() });
        }
      } else if (lock.scope === 'address' && lock.address && !seenAddresses.has(lock.address)) {
        seenAddresses.add(lock.address);
        const until = await this.throttle.addressLockedUntil(lock.address);
        if (until) lockedAddresses.push({ address: lock.address, lockedUntil: until.toISOString() });
      }
    }
    return { failures, lockedAccounts, lockedAddresses };
  }

  async accountLockedUntil(username: string): Promise<Date | null> {
    return this.throttle.accountLockedUntil(username);
  }

  async unlockAccount(username: string): Promise<void> {
    await this.throttle.unlockAccount(username);
  }

  async unlockAddress(actorUserId: string, address: string): Promise<void> {
    await this.throttle.unlockAddress(address);
    await this.db.transaction((manager) =>
      this.audit.record(manager, {
        actorUserId,
        action: 'UNLOCK',
        entity: 'login',
        entityId: null,
        after: { scope: 'address', address },
      }),
    );
  }

  private async userIdOf(username: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = $1`, [username]);
    return row?.id ?? null;
  }
}
