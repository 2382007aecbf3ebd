import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { RULE_TIMERS_QUEUE, RuleTimersService } from './rule-timers.service.js';
import { RulesService } from './rules.service.js';
import { SupervisionService } from './supervision.service.js';

/** The evaluator, the timers of service modes, block windows and deferred alarms, and supervision. */
@Module({
  imports: [CasesModule, BullModule.registerQueue({ name: RULE_TIMERS_QUEUE })],
  providers: [RulesService, RuleTimersService, SupervisionService],
  exports: [RulesService, RuleTimersService, SupervisionService],
})
export class RulesModule {}
