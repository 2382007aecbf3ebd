import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller.js';

/** GET /settings: the limits and the time zone the console works with. */
@Module({ controllers: [SettingsController] })
export class SettingsModule {}
