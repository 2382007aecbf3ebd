import { Injectable } from '@nestjs/common';
import type { CaseSummary } from '@arc/shared/case';
import type { EntityManager } from 'typeorm';
import { combineStatements, returnedRows, type SqlPart } from '../database/sql-kit.js';
import type { CaseChange, CaseEventDraft, OpenOrAppendInput, RestoreInput } from './case-change.js';
import { CaseLifecycleService } from './case-lifecycle.service.js';
import { CaseSummariesService } from './case-summaries.service.js';

/** What `CaseBatch.openOrAppend` wrote: which case each signal joined, and which signals opened one. */
export interface AlarmsWritten {
  caseOfSignal: Map<string, string>;
  /** The signals that opened their case (the others were appended). */
  opened: Set<string>;
}

/** A restore recorded on an open case: that case, and its number for the signal's reason. */
export interface RestoreRecorded {
  caseId: string;
  caseNo: string;
}

/** What a batch wrote to the cases, as committed: the changes and, when any, their summaries. */
export interface CasesWritten {
  changes: CaseChange[];
  /** The changed cases as read at the end of the batch's transaction; null when none changed. */
  summaries: CaseSummary[] | null;
}

/**
 * The case writes of one evaluation batch, inside the caller's transaction. The batch hands in
 * what it decided (alarms to open or append, restores) as often as its order requires, then
 * `finish`es once: the case history, the hand-over to operators who work a site, and the
 * caller's own last statement (`alongside`) go together with the summaries of the changed cases
 * in as few round trips as the lifecycle allows, usually one.
 */
export interface CaseBatch {
  openOrAppend(alarms: OpenOrAppendInput[]): Promise<AlarmsWritten>;
  recordRestores(restores: RestoreInput[]): Promise<Map<string, RestoreRecorded>>;
  /** Writes the history and hand-overs, runs `alongside` in the same statement, reads the summaries. */
  finish(alongside: SqlPart): Promise<CasesWritten>;
}

/** The one way evaluation writes cases: a `CaseBatch` per transaction. */
@Injectable()
export class CaseBatchWriter {
  constructor(
    private readonly lifecycle: CaseLifecycleService,
    private readonly readModel: CaseSummariesService,
  ) {}

  begin(manager: EntityManager): CaseBatch {
    return new LifecycleBatch(manager, this.lifecycle, this.readModel);
  }
}

class LifecycleBatch implements CaseBatch {
  private readonly changes: CaseChange[] = [];
  private readonly history: CaseEventDraft[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly lifecycle: CaseLifecycleService,
    private readonly readModel: CaseSummariesService,
  ) {}

  async openOrAppend(alarms: OpenOrAppendInput[]): Promise<AlarmsWritten> {
    const applied = await this.lifecycle.openOrAppendMany(this.manager, alarms, this.history);
    this.changes.push(...applied.changes);
    return { caseOfSignal: applied.caseOfSignal, opened: applied.opened };
  }

  async recordRestores(restores: RestoreInput[]): Promise<Map<string, RestoreRecorded>> {
    const recorded = await this.lifecycle.recordRestores(this.manager, restores, this.history);
    // In the order of the restores, as the changes were pushed before.
    for (const restore of restores) {
      const change = recorded.get(restore.signalId);
      if (change) this.changes.push(change);
    }
    return recorded;
  }

  async finish(alongside: SqlPart): Promise<CasesWritten> {
    const { manager, changes, history } = this;
    // A new case of a site an operator works goes to that operator: its history first, then the
    // hand-over. Usually no such site is in the batch, and the history, the caller's statement and
    // the summaries for the consoles are one statement (each round trip here is one that every
    // signal of the next batch waits behind).
    const handOver = this.lifecycle.mayGiveToHolders(changes);
    if (handOver) await this.lifecycle.writeHistory(manager, history);
    await this.lifecycle.giveToHolders(manager, changes);
    const historyStep = handOver ? null : this.lifecycle.historyStatement(history);
    const caseIds = [...new Set(changes.map((c) => c.caseId))];
    // The summaries read cases, sites and users only: none of the steps writes those.
    const statement =
      caseIds.length > 0
        ? combineStatements(
            historyStep ? [historyStep, alongside] : [alongside],
            this.readModel.summaryStatement(caseIds),
          )
        : combineStatements(historyStep ? [historyStep] : [], alongside);
    const summaryRows = returnedRows<unknown>(await manager.query(statement.sql, statement.params));
    return { changes, summaries: caseIds.length > 0 ? this.readModel.toSummaries(summaryRows) : null };
  }
}
