import { Injectable } from '@nestjs/common';
import type { AlarmCategory, CaseSummary } from '@arc/shared';
import type { EntityManager } from 'typeorm';
import type { CaseChange, CaseEventDraft, OpenOrAppendInput } from './case-change.js';
import { CaseEffectsService } from './case-effects.service.js';
import { CaseLifecycleService } from './case-lifecycle.service.js';
import { CaseSummariesService } from './case-summaries.service.js';
import { QUEUE_ORDER } from './case-summary-row.js';

export { QUEUE_ORDER };
export type { CaseChange, CaseEventDraft, CaseEventType, OpenOrAppendInput, RestoreInput } from './case-change.js';

/**
 * The cases' services in one, for callers written before the split: the write side is
 * `CaseLifecycleService`, the summaries `CaseSummariesService`, what follows a commit
 * `CaseEffectsService`, and evaluation writes through `CaseBatchWriter`. New code injects those.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly lifecycle: CaseLifecycleService,
    private readonly readModel: CaseSummariesService,
    private readonly effects: CaseEffectsService,
  ) {}

  openOrAppendMany(
    manager: EntityManager,
    alarms: OpenOrAppendInput[],
    history?: CaseEventDraft[],
  ): Promise<{ changes: CaseChange[]; caseOfSignal: Map<string, string>; opened: Set<string> }> {
    return this.lifecycle.openOrAppendMany(manager, alarms, history);
  }

  recordRestore(
    manager: EntityManager,
    caseKey: string,
    category: AlarmCategory,
    signalId: string | null,
    description: string,
  ): Promise<(CaseChange & { caseNo: string }) | null> {
    return this.lifecycle.recordRestore(manager, caseKey, category, signalId, description);
  }

  afterCommit(changes: CaseChange[], summaries?: CaseSummary[]): Promise<void> {
    return this.effects.afterCommit(changes, summaries);
  }

  queueJob(caseId: string, priority: number, front: boolean): Promise<void> {
    return this.effects.queueJob(caseId, priority, front);
  }

  reconcileQueue(): Promise<void> {
    return this.effects.reconcileQueue();
  }

  listOpen(): Promise<CaseSummary[]> {
    return this.readModel.listOpen();
  }

  summary(caseId: string): Promise<CaseSummary | null> {
    return this.readModel.summary(caseId);
  }
}
