import { Module } from '@nestjs/common';
import { RulesModule } from '../rules.module.js';
import { BlockWindowsController } from './block-windows.controller.js';
import { ServiceModesController } from './service-modes.controller.js';
import { SiteWindowsModule } from './site-windows.module.js';

/**
 * The REST API of service modes and block windows; RulesModule provides their services and timers,
 * SiteWindowsModule their read models to the directory's site page.
 */
@Module({
  imports: [RulesModule, SiteWindowsModule],
  controllers: [ServiceModesController, BlockWindowsController],
})
export class WindowsModule {}
