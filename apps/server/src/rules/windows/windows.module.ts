import { Module } from '@nestjs/common';
import { RulesModule } from '../rules.module.js';
import { BlockWindowsController } from './block-windows.controller.js';
import { ServiceModesController } from './service-modes.controller.js';

/** The REST API of service modes and block windows; RulesModule provides their services and timers. */
@Module({
  imports: [RulesModule],
  controllers: [ServiceModesController, BlockWindowsController],
})
export class WindowsModule {}
