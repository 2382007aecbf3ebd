import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Role } from '@arc/shared/auth';
import { passwordProblems, type CreateUserInput, type UpdateUserInput, type UserAccount } from '@arc/shared/users';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { hashPassword } from '../common/auth/password.js';
import { AppError, fieldError } from '../common/app-error.js';
import { LoginSecurityService } from './login-security.service.js';
import { SecuritySettingsService } from './security-settings.service.js';
import { TotpService } from './totp.service.js';
import { UserStateService } from './user-state.service.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  active: boolean;
  totp_enrolled: boolean;
  last_login_at: Date | null;
  last_failed_login_at: Date | null;
  failed_logins: number;
  password_changed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Never the hash, never a secret: what an administrator sees of a user. */
const USER_COLUMNS = `id, username, display_name, role, active, totp_secret_sealed IS NOT NULL AS totp_enrolled,
  last_login_at, last_failed_login_at, failed_logins, password_changed_at, created_at, updated_at`;

/**
 * Administrators manage the accounts: create, rename, change role, reset the password or the
 * second factor, deactivate and reactivate, unlock. Every change is audited in its transaction;
 * a change that must end the user's sessions raises the token version, and the new state is
 * published so every server process refuses old tokens and closes the user's sockets at once.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly states: UserStateService,
    private readonly security: LoginSecurityService,
    private readonly settings: SecuritySettingsService,
    private readonly totp: TotpService,
  ) {}

  async list(): Promise<UserAccount[]> {
    const rows = await this.db.query<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`);
    const required = await this.settings.totpRequiredRoles();
    return Promise.all(rows.map((row) => this.toAccount(row, required)));
  }

  async get(id: string): Promise<UserAccount> {
    return this.toAccount(await this.row(this.db.manager, id), await this.settings.totpRequiredRoles());
  }

  async create(actorUserId: string, input: CreateUserInput): Promise<UserAccount> {
    const hash = await hashPassword(input.password);
    const id = await this.db.transaction(async (manager) => {
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO users (username, display_name, role, password_hash, password_changed_at)
         VALUES ($1, $2, $3, $4, now()) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [input.username, input.displayName, input.role, hash],
      );
      const created = inserted[0];
      if (!created) {
        throw new AppError('CONFLICT', `The username "${input.username}" is taken`, {
          key: 'usernameTaken',
          params: { username: input.username },
        });
      }
      await this.audit.record(manager, {
        actorUserId,
        action: 'CREATE',
        entity: 'user',
        entityId: created.id,
        after: { username: input.username, displayName: input.displayName, role: input.role, active: true },
      });
      return created.id;
    });
    return this.get(id);
  }

  async update(actorUserId: string, id: string, input: UpdateUserInput): Promise<UserAccount> {
    await this.db.transaction(async (manager) => {
      const before = await this.row(manager, id, true);
      const role = input.role ?? before.role;
      const displayName = input.displayName ?? before.display_name;
      const roleChanges = role !== before.role;
      if (roleChanges && before.role === 'admin' && before.active) await this.keepAnAdmin(manager, id, 'demote');
      await manager.query(
        `UPDATE users SET display_name = $2, role = $3, updated_at = now(),
                          token_version = token_version + CASE WHEN $4 THEN 1 ELSE 0 END
          WHERE id = $1`,
        [id, displayName, role, roleChanges],
      );
      await this.audit.record(manager, {
        actorUserId,
        action: 'UPDATE',
        entity: 'user',
        entityId: id,
        before: { displayName: before.display_name, role: before.role },
        after: { displayName, role },
      });
    });
    // A new name shows at once too; a new role also ends the old tokens (they carry the old role).
    await this.states.changed(id);
    return this.get(id);
  }

  async resetPassword(actorUserId: string, id: string, password: string): Promise<UserAccount> {
    const [target] = await this.db.query<{ username: string }[]>(`SELECT username FROM users WHERE id = $1`, [id]);
    if (!target) throw notFound();
    const problems = passwordProblems(password, target.username);
    if (problems.length > 0) throw fieldError('password', problems);
    const hash = await hashPassword(password);
    await this.db.transaction(async (manager) => {
      await this.setPassword(manager, id, hash);
      await this.audit.record(manager, {
        actorUserId,
        action: 'SET_PASSWORD',
        entity: 'user',
        entityId: id,
        after: { password: hash, tokensRevoked: true },
      });
    });
    await this.states.changed(id);
    return this.get(id);
  }

  /** The user's own new password (the caller has checked the current one and the policy). */
  async changeOwnPassword(userId: string, hash: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.setPassword(manager, userId, hash);
      await this.audit.record(manager, {
        actorUserId: userId,
        action: 'SET_PASSWORD',
        entity: 'user',
        entityId: userId,
        after: { password: hash, tokensRevoked: true, own: true },
      });
    });
    await this.states.changed(userId);
  }

  async deactivate(actorUserId: string, id: string): Promise<UserAccount> {
    if (actorUserId === id) {
      throw new AppError('SELF_DEACTIVATION', 'You cannot deactivate your own account; ask another administrator', {
        key: 'selfDeactivation',
      });
    }
    await this.setActive(actorUserId, id, false);
    return this.get(id);
  }

  async activate(actorUserId: string, id: string): Promise<UserAccount> {
    await this.setActive(actorUserId, id, true);
    return this.get(id);
  }

  async unlock(actorUserId: string, id: string): Promise<UserAccount> {
    await this.db.transaction(async (manager) => {
      const before = await this.row(manager, id, true);
      await this.security.unlockAccount(before.username);
      await manager.query(`UPDATE users SET failed_logins = 0 WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        actorUserId,
        action: 'UNLOCK',
        entity: 'user',
        entityId: id,
        before: { failedLogins: before.failed_logins },
        after: { failedLogins: 0 },
      });
    });
    return this.get(id);
  }

  async resetTotp(actorUserId: string, id: string): Promise<UserAccount> {
    await this.db.transaction(async (manager) => {
      const before = await this.row(manager, id, true);
      await this.totp.remove(manager, id);
      await manager.query(`UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        actorUserId,
        action: 'RESET_TOTP',
        entity: 'user',
        entityId: id,
        before: { totpEnrolled: before.totp_enrolled },
        after: { totpEnrolled: false, tokensRevoked: true },
      });
    });
    await this.states.changed(id);
    return this.get(id);
  }

  private async setActive(actorUserId: string, id: string, active: boolean): Promise<void> {
    const changed = await this.db.transaction(async (manager) => {
      const before = await this.row(manager, id, true);
      if (before.active === active) return false;
      if (!active && before.role === 'admin') await this.keepAnAdmin(manager, id, 'deactivate');
      await manager.query(
        `UPDATE users SET active = $2, updated_at = now(),
                          token_version = token_version + CASE WHEN $2 THEN 0 ELSE 1 END
          WHERE id = $1`,
        [id, active],
      );
      await this.audit.record(manager, {
        actorUserId,
        action: active ? 'ACTIVATE' : 'DEACTIVATE',
        entity: 'user',
        entityId: id,
        before: { active: before.active },
        after: { active },
      });
      return true;
    });
    if (changed) await this.states.changed(id);
  }

  private async setPassword(manager: EntityManager, id: string, hash: string): Promise<void> {
    await manager.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now(),
                        token_version = token_version + 1
        WHERE id = $1`,
      [id, hash],
    );
  }

  /**
   * Refuses to leave the centre without an active administrator. The active admins are locked
   * (FOR UPDATE), so two administrators demoting each other at once cannot both succeed.
   */
  private async keepAnAdmin(manager: EntityManager, id: string, what: 'demote' | 'deactivate'): Promise<void> {
    const admins = await manager.query<{ id: string }[]>(
      `SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
    );
    if (admins.every((admin) => admin.id === id)) {
      throw new AppError(
        'LAST_ADMIN',
        `This is the last active administrator; make another user an administrator before you ${what} this one`,
        { key: 'lastAdmin', params: { what } },
      );
    }
  }

  private async row(manager: EntityManager, id: string, forUpdate = false): Promise<UserRow> {
    const [row] = await manager.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw notFound();
    return row;
  }

  private async toAccount(row: UserRow, required: Role[]): Promise<UserAccount> {
    const lockedUntil = await this.security.accountLockedUntil(row.username).catch(() => null);
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      active: row.active,
      totpEnrolled: row.totp_enrolled,
      totpRequired: required.includes(row.role),
      lastLoginAt: iso(row.last_login_at),
      lastFailedLoginAt: iso(row.last_failed_login_at),
      failedLoginsSinceLastLogin: row.failed_logins,
      lockedUntil: iso(lockedUntil),
      passwordChangedAt: iso(row.password_changed_at),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }
}

function iso(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'No user with this id', { key: 'userNotFound' });
}
