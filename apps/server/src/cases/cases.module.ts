import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CaseChangeBus } from './case-change.bus.js';
import { CASES_QUEUE, CaseQueueService } from './case-queue.service.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [BullModule.registerQueue({ name: CASES_QUEUE })],
  providers: [CasesService, CaseQueueService, CaseChangeBus],
  exports: [CasesService, CaseQueueService, CaseChangeBus],
})
export class CasesModule {}
