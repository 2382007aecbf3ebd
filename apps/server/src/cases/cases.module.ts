import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CaseAckService } from './case-ack.service.js';
import { CaseChangeBus } from './case-change.bus.js';
import { CaseDetailService } from './case-detail.service.js';
import { CaseHandlingService } from './case-handling.service.js';
import { CASES_QUEUE, CaseQueueService } from './case-queue.service.js';
import { CaseRecordsController } from './case-records.controller.js';
import { CaseRecordsService } from './case-records.service.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [BullModule.registerQueue({ name: CASES_QUEUE })],
  // CasesController first: its fixed paths (/cases/operators) must match before /cases/:id.
  controllers: [CasesController, CaseRecordsController],
  providers: [
    CasesService,
    CaseQueueService,
    CaseChangeBus,
    CaseHandlingService,
    CaseDetailService,
    CaseRecordsService,
    CaseAckService,
  ],
  exports: [CasesService, CaseQueueService, CaseChangeBus, CaseHandlingService, CaseDetailService],
})
export class CasesModule {}
