import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CASES_QUEUE, CasesModule } from '../cases/index.js';
import { RULE_TIMERS_QUEUE } from '../rules/index.js';
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
