import { Module } from '@nestjs/common';
import { LoginEventsBus } from './login-events.bus.js';
import { LoginSecurityService } from './login-security.service.js';
import { LoginThrottle } from './login-throttle.service.js';
import { SecurityController } from './security.controller.js';
import { SecuritySettingsService } from './security-settings.service.js';
import { TotpService } from './totp.service.js';
import { UserStateService } from './user-state.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/**
 * The accounts: administration, login security (throttling, locks, the live event), the second
 * factor and the users' current state. Auth (tokens, the sign-in flow) builds on what this exports.
 */
@Module({
  controllers: [UsersController, SecurityController],
  providers: [
    UsersService,
    UserStateService,
    LoginThrottle,
    LoginSecurityService,
    LoginEventsBus,
    SecuritySettingsService,
    TotpService,
  ],
  exports: [UsersService, UserStateService, LoginSecurityService, LoginEventsBus, SecuritySettingsService, TotpService],
})
export class UsersModule {}
