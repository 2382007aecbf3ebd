import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  LoginActivityQuerySchema,
  UnlockAddressInputSchema,
  UpdateSecuritySettingsInputSchema,
  type LoginActivity,
  type SecuritySettings,
  type UnlockAddressInput,
} from '@arc/shared/users';
import type { z } from 'zod';
import { Roles } from '../common/auth/auth.decorators.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { LoginSecurityService } from './login-security.service.js';
import { SecuritySettingsService } from './security-settings.service.js';

@Controller('security')
export class SecurityController {
  constructor(
    private readonly security: LoginSecurityService,
    private readonly settings: SecuritySettingsService,
  ) {}

  /** Failed sign-ins and what is locked: supervisors watch them as they watch failed caller verifications. */
  @Roles('supervisor', 'admin')
  @Get('logins')
  logins(
    @Query({ schema: LoginActivityQuerySchema }) query: z.output<typeof LoginActivityQuerySchema>,
  ): Promise<LoginActivity> {
    return this.security.activity(query.limit);
  }

  @Roles('admin')
  @Post('unlock-address')
  @HttpCode(204)
  async unlockAddress(
    @CurrentUser() actor: SessionUser,
    @Body({ schema: UnlockAddressInputSchema }) body: UnlockAddressInput,
  ): Promise<void> {
    await this.security.unlockAddress(actor.id, body.address);
  }

  @Roles('admin')
  @Get('settings')
  get(): Promise<SecuritySettings> {
    return this.settings.get();
  }

  @Roles('admin')
  @Put('settings')
  update(
    @CurrentUser() actor: SessionUser,
    @Body({ schema: UpdateSecuritySettingsInputSchema }) body: z.output<typeof UpdateSecuritySettingsInputSchema>,
  ): Promise<SecuritySettings> {
    return this.settings.update(actor.id, body.totpRequiredRoles);
  }
}
