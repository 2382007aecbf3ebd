import { Controller, Get, Inject } from '@nestjs/common';
import { type CentreSettings } from '@arc/shared/settings';
import { SHIFT_LOG_UNREAD_DAYS, SHIFT_NOTE_TEXT_MAX } from '@arc/shared/shift-log';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@arc/shared/users';
import { Roles } from '../common/auth/auth.decorators.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/** What the console must know of the configuration: read from the validated config, nothing else. */
export function centreSettings(config: AppConfig): CentreSettings {
  return {
    timeZone: config.centre.timeZone,
    serviceMode: {
      // Outside production the config does not cross-check the two; the server never uses a default over the maximum.
      defaultMinutes: Math.min(config.rules.serviceModeDefaultMinutes, config.rules.serviceModeMaxMinutes),
      maxMinutes: config.rules.serviceModeMaxMinutes,
    },
    verification: {
      validMinutes: config.intake.validMinutes,
      maxFailures: config.intake.maxFailures,
      windowMinutes: config.intake.windowMinutes,
      lockMinutes: config.intake.lockMinutes,
    },
    cases: { returnSeconds: config.cases.returnSeconds },
    password: { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH },
    shiftLog: { textMaxLength: SHIFT_NOTE_TEXT_MAX, unreadDays: SHIFT_LOG_UNREAD_DAYS },
  };
}

@Controller('settings')
export class SettingsController {
  private readonly settings: CentreSettings;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = centreSettings(config);
  }

  /** Any signed-in user. */
  @Roles('operator', 'supervisor', 'admin')
  @Get()
  get(): CentreSettings {
    return this.settings;
  }
}
