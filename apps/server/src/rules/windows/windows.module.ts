import { Module } from '@nestjs/common';
import { RulesModule } from '../rules.module.js';
import { BlockWindowsController } from './block-windows.controller.js';
import { BlockWindowsService } from './block-windows.service.js';
import { ServiceModesController } from './service-modes.controller.js';
import { ServiceModesService } from './service-modes.service.js';

/** The REST API of service modes and block windows; RulesModule provides the timers that end them. */
@Module({
  imports: [RulesModule],
  controllers: [ServiceModesController, BlockWindowsController],
  providers: [ServiceModesService, BlockWindowsService],
})
export class WindowsModule {}
