import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { CASES_QUEUE } from '../cases/case-queue.service.js';
import { RULE_TIMERS_QUEUE } from '../rules/rule-timers.service.js';
import { SupervisionController } from './supervision.controller.js';
import { SupervisorViewService } from './supervisor-view.service.js';

/** The supervisor's live view, operator states and the Prometheus endpoint. */
@Module({
  imports: [CasesModule, BullModule.registerQueue({ name: CASES_QUEUE }, { name: RULE_TIMERS_QUEUE })],
  controllers: [SupervisionController],
  providers: [SupervisorViewService],
  exports: [SupervisorViewService],
})
export class SupervisionMetricsModule {}
