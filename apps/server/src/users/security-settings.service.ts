import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@arc/shared/auth';
import type { SecuritySettings } from '@arc/shared/users';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/** The one row of security settings an administrator changes (which roles need a second factor). */
@Injectable()
export class SecuritySettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async totpRequiredRoles(): Promise<Role[]> {
    const [row] = await this.db.query<{ roles: Role[] }[]>(
      `SELECT totp_required_roles AS roles FROM security_settings WHERE id = 1`,
    );
    return row?.roles ?? [];
  }

  async get(): Promise<SecuritySettings> {
    const auth = this.config.auth;
    return {
      totpRequiredRoles: await this.totpRequiredRoles(),
      throttle: {
        accountMaxFailures: auth.accountMaxFailures,
        accountWindowMinutes: auth.accountWindowMinutes,
        accountLockMinutes: auth.accountLockMinutes,
        addressMaxFailures: auth.addressMaxFailures,
        addressWindowMinutes: auth.addressWindowMinutes,
        addressLockMinutes: auth.addressLockMinutes,
      },
    };
  }

  async update(actorUserId: string, totpRequiredRoles: Role[]): Promise<SecuritySettings> {
    await this.db.transaction(async (manager) => {
      const [before] = await manager.query<{ roles: Role[] }[]>(
        `SELECT totp_required_roles AS roles FROM security_settings WHERE id = 1 FOR UPDATE`,
      );
      await manager.query(`UPDATE security_settings SET totp_required_roles = $1, updated_at = now() WHERE id = 1`, [
        totpRequiredRoles,
      ]);
      await this.audit.record(manager, {
        actorUserId,
        action: 'UPDATE',
        entity: 'security-settings',
        entityId: null,
        before: { totpRequiredRoles: before?.roles ?? [] },
        after: { totpRequiredRoles },
      });
    });
    return this.get();
  }
}
