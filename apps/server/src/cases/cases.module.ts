import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CaseAckService } from './case-ack.service.js';
import { CaseBatchWriter } from './case-batch-writer.js';
import { CaseChangeBus } from './case-change.bus.js';
import { CaseDetailService } from './case-detail.service.js';
import { CaseEffectsService } from './case-effects.service.js';
import { CaseHistoryController } from './case-history.controller.js';
import { CaseHistoryService } from './case-history.service.js';
import { CaseHandlingService } from './case-handling.service.js';
import { CaseLifecycleService } from './case-lifecycle.service.js';
import { CASES_QUEUE, CaseQueueService } from './case-queue.service.js';
import { CaseRecordsController } from './case-records.controller.js';
import { CaseRecordsService } from './case-records.service.js';
import { CaseSummariesService } from './case-summaries.service.js';
import { CasesController } from './cases.controller.js';

@Module({
  imports: [BullModule.registerQueue({ name: CASES_QUEUE })],
  // CasesController and CaseHistoryController first: their fixed paths (/cases/operators,
  // /cases/closed) must match before /cases/:id.
  controllers: [CasesController, CaseHistoryController, CaseRecordsController],
  providers: [
    CaseLifecycleService,
    CaseSummariesService,
    CaseEffectsService,
    CaseBatchWriter,
    CaseQueueService,
    CaseChangeBus,
    CaseHandlingService,
    CaseDetailService,
    CaseRecordsService,
    CaseHistoryService,
    CaseAckService,
  ],
  // What other modules inject (rules, evaluation, ingest, realtime, intake, supervision).
  exports: [
    CaseLifecycleService,
    CaseSummariesService,
    CaseEffectsService,
    CaseBatchWriter,
    CaseChangeBus,
    CaseHandlingService,
  ],
})
export class CasesModule {}
