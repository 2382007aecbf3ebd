import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CaseAckService } from './case-ack.service.js';
import { CaseChangeBus } from './case-change.bus.js';
import { CasePresentedService } from './case-presented.service.js';
import { CaseDetailService } from './case-detail.service.js';
import { CaseHistoryController } from './case-history.controller.js';
import { CaseHistoryService } from './case-history.service.js';
import { CaseHandlingService } from './case-handling.service.js';
import { CASES_QUEUE, CaseQueueService } from './case-queue.service.js';
import { CaseRecordsController } from './case-records.controller.js';
import { CaseRecordsService } from './case-records.service.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [BullModule.registerQueue({ name: CASES_QUEUE })],
  // CasesController and CaseHistoryController first: their fixed paths (/cases/operators,
  // /cases/closed) must match before /cases/:id.
  controllers: [CasesController, CaseHistoryController, CaseRecordsController],
  providers: [
    CasesService,
    CaseQueueService,
    CaseChangeBus,
    CaseHandlingService,
    CaseDetailService,
    CaseRecordsService,
    CaseHistoryService,
    CaseAckService,
    CasePresentedService,
  ],
  exports: [
    CasesService,
    CasePresentedService,
    CaseQueueService,
    CaseChangeBus,
    CaseHandlingService,
    CaseDetailService,
  ],
})
export class CasesModule {}
