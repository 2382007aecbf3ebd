import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/index.js';
import { RULE_TIMERS_QUEUE, RuleTimersService } from './rule-timers.service.js';
import { RulesService } from './rules.service.js';
import { SupervisionService } from './supervision.service.js';
import { BlockWindowsService } from './windows/block-windows.service.js';
import { ServiceModesService } from './windows/service-modes.service.js';

/**
 * The rules (what a signal means), the timers of service modes, block windows and deferred
 * alarms, supervision, and the service modes and block windows themselves: one instance of each
 * for the whole application (WindowsModule's routes and the intake use these).
 */
@Module({
  imports: [CasesModule, BullModule.registerQueue({ name: RULE_TIMERS_QUEUE })],
  providers: [RulesService, RuleTimersService, SupervisionService, ServiceModesService, BlockWindowsService],
  exports: [RulesService, RuleTimersService, SupervisionService, ServiceModesService, BlockWindowsService],
})
export class RulesModule {}
