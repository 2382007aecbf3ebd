// The cases module's public API: what other modules may import from cases.
export { CasesModule } from './cases.module.js';
export { CaseLifecycleService } from './case-lifecycle.service.js';
export { CaseSummariesService } from './case-summaries.service.js';
export { CaseEffectsService } from './case-effects.service.js';
export {
  CaseBatchWriter,
  type AlarmsWritten,
  type CaseBatch,
  type CasesWritten,
  type RestoreRecorded,
} from './case-batch-writer.js';
export { CaseChangeBus } from './case-change.bus.js';
export { CaseHandlingService } from './case-handling.service.js';
export { CaseDetailService } from './case-detail.service.js';
export {
  CASES_QUEUE,
  CaseQueueService,
  PRESENT_CASE_JOB,
  caseJobId,
  type PresentCaseJob,
} from './case-queue.service.js';
export { QUEUE_ORDER } from './case-summary-row.js';
export { queueHistory, recentAcceptTimes, waitingByCategory } from './case-statistics.js';
export {
  appendCaseEvent,
  closeCase,
  openCasesOfSite,
  requireCase,
  type CaseClosing,
  type CaseRow,
} from './records/case-records-db.js';
export type { CaseChange, CaseEventDraft, CaseEventType, OpenOrAppendInput, RestoreInput } from './case-change.js';
export { CASES_ROUTES } from './cases.openapi.js';
