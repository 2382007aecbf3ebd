import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseSummary } from '@arc/shared/case';
import type { SignalDecision } from '@arc/shared/rules';
import { caseReason, restoreReason } from '@arc/shared/signal-reason';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseBatchWriter, CaseEffectsService, type CaseBatch, type CaseChange } from '../cases/index.js';
import { RulesService } from '../rules/index.js';
import { insertDeferrals, settleDeferrals } from './deferrals.js';
import { claimSignals, decisionsStatement, markRunaway, type Outcome } from './evaluation-db.js';
import { PendingWrites } from './pending-writes.js';

export interface EvaluationResult {
  decision: SignalDecision | 'ALREADY_EVALUATED';
  caseId: string | null;
}

/** A committed evaluation batch: each signal's decision, and the cases it changed. */
export interface CommittedBatch {
  results: Map<string, EvaluationResult>;
  changes: CaseChange[];
  /** The changed cases as committed, read in the transaction; null: to be read after it. */
  summaries: CaseSummary[] | null;
}

/**
 * Runs after signals are stored: reads the state of their transmitters (windows in force, how
 * many signals they sent lately), lets the rules judge each signal, writes the case changes
 * through the cases' `CaseBatch` and stores every decision with its signal, in one transaction
 * per batch. Safe to run twice for the same signal. Alarms, restores and waiting AC losses are
 * applied set-wise (one upsert for all the cases, one history insert for the batch), so a batch
 * costs a few statements however many signals and restores it holds: usually three (read and
 * lock, cases, then history, decisions and the summaries for the consoles together), and one or
 * two more for restores, waiting AC losses and hand-overs. Each statement is a round trip that
 * the next signal waits behind; one per restore once made evaluation fall behind a busy feed.
 */
@Injectable()
export class EvaluationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RulesService,
    private readonly cases: CaseBatchWriter,
    private readonly effects: CaseEffectsService,
  ) {}

  evaluate(signalId: string): Promise<EvaluationResult> {
    return this.evaluateBatch([signalId]).then((results) => results.get(signalId)!);
  }

  /** Evaluates signals in the order of their ids (the order they were stored). */
  async evaluateBatch(signalIds: string[]): Promise<Map<string, EvaluationResult>> {
    const batch = await this.commitBatch(signalIds);
    await this.afterCommit(batch);
    return batch.results;
  }

  /**
   * The first half of `evaluateBatch`: decides and commits. The case changes are not queued or
   * pushed yet, so the caller can start the next batch while `afterCommit` tells the consoles.
   */
  commitBatch(signalIds: string[]): Promise<CommittedBatch> {
    return this.dataSource.transaction((manager) => this.evaluateIn(manager, signalIds));
  }

  /** The second half: queues the new cases and pushes the changes to the consoles. */
  afterCommit(batch: CommittedBatch): Promise<void> {
    return this.effects.afterCommit(batch.changes, batch.summaries ?? undefined);
  }

  private async evaluateIn(manager: EntityManager, signalIds: string[]): Promise<CommittedBatch> {
    const { pending, evaluated } = await claimSignals(manager, signalIds);
    const results = new Map<string, EvaluationResult>();
    for (const [id, caseId] of evaluated) results.set(id, { decision: 'ALREADY_EVALUATED', caseId });
    if (pending.length === 0) return { results, changes: [], summaries: null };

    const { decisions, recent } = this.rules.judge(pending);
    const outcomes = new Map<string, Outcome>();
    const cases = this.cases.begin(manager);
    const writes = new PendingWrites();
    const flush = () => this.flush(manager, cases, writes, outcomes);

    // Alarms, deferrals and restores are written set-wise, a few statements for the lot. Only a
    // signal that depends on one still pending (a restore of an alarm or a waiting AC loss stored
    // just before it, an alarm after a restore of its case) has the pending ones written first,
    // so each case and each deferral sees them in the order of storage.
    for (let i = 0; i < pending.length; i += 1) {
      const row = pending[i]!;
      const decision = decisions[i]!;
      const id = String(row.id);
      const outcome: Outcome = {
        decision: 'LOG_ONLY',
        reason: null,
        caseId: null,
        serviceModeId: null,
        blockWindowId: null,
      };
      outcomes.set(id, outcome);
      switch (decision.action) {
        case 'OPEN_OR_APPEND':
          outcome.decision = 'APPENDED';
          outcome.reason = caseReason(decision, decision.runaway);
          if (writes.mustWaitForAlarm(decision.caseKey, decision.category)) await flush();
          writes.addAlarm({
            caseKey: decision.caseKey,
            siteId: row.site_id,
            account: row.account,
            category: decision.category,
            priority: decision.priority,
            title: decision.title,
            titleKey: decision.titleKey,
            titleParams: decision.titleParams,
            unknownTransmitter: decision.unknownTransmitter,
            runaway: decision.runaway,
            unencryptedFromKeyed: row.unencrypted_from_keyed,
            signalId: id,
            receivedAt: row.received_at,
          });
          break;
        case 'RESTORE': {
          const family = decision.family ? { account: row.account, family: decision.family } : null;
          if (writes.mustWaitForRestore(decision.caseKey, decision.category, family)) await flush();
          writes.addRestore({
            signalId: id,
            caseKey: decision.caseKey,
            category: decision.category,
            description: decision.description,
            eventCode: row.code,
            family,
            receivedAt: row.received_at,
          });
          // Its reason names the case it was recorded on: set when the restores are written (flush).
          outcome.decision = 'RESTORE';
          break;
        }
        case 'SUPPRESS':
          outcome.decision = 'SUPPRESSED';
          outcome.reason = decision.reason;
          if (decision.suppression.kind === 'SERVICE_MODE') outcome.serviceModeId = decision.suppression.id;
          else outcome.blockWindowId = decision.suppression.id;
          break;
        case 'DEFER':
          outcome.decision = 'DEFERRED';
          outcome.reason = decision.reason;
          if (writes.mustWaitForDeferral(row.account, decision.family)) await flush();
          writes.addDeferral({
            signalId: id,
            account: row.account,
            transmitterId: row.transmitter_id,
            siteId: row.site_id,
            caseKey: decision.caseKey,
            family: decision.family,
            category: decision.category,
            title: decision.title,
            titleKey: decision.titleKey,
            titleParams: decision.titleParams,
            receivedAt: row.received_at,
            dueAt: decision.dueAt,
          });
          break;
        case 'LOG_ONLY':
          outcome.reason = decision.reason;
          break;
      }
    }
    await flush();
    // A transmitter that just ran away: its mark, and a technical case that says so.
    const runaways = this.rules.runaways(pending, recent);
    if (runaways) {
      await markRunaway(manager, runaways.transmitterIds, runaways.until);
      if (runaways.alarms.length > 0) await cases.openOrAppend(runaways.alarms);
    }
    // The history, the hand-overs, the decisions and the summaries, usually in one statement.
    const { changes, summaries } = await cases.finish(decisionsStatement(outcomes));
    for (const [id, outcome] of outcomes) results.set(id, { decision: outcome.decision, caseId: outcome.caseId });
    return { results, changes, summaries };
  }

  /** Writes what the batch has decided so far: alarms, then deferrals, then restores. */
  private async flush(
    manager: EntityManager,
    cases: CaseBatch,
    writes: PendingWrites,
    outcomes: Map<string, Outcome>,
  ): Promise<void> {
    const { alarms, deferrals, restores } = writes.take();
    if (alarms.length > 0) {
      const applied = await cases.openOrAppend(alarms);
      for (const [signalId, caseId] of applied.caseOfSignal) {
        const outcome = outcomes.get(signalId)!;
        outcome.caseId = caseId;
        outcome.decision = applied.opened.has(signalId) ? 'OPENED' : 'APPENDED';
      }
    }
    if (deferrals.length > 0) await insertDeferrals(manager, deferrals);
    if (restores.length > 0) {
      const recorded = await cases.recordRestores(restores);
      const settled = await settleDeferrals(manager, restores);
      for (const restore of restores) {
        const change = recorded.get(restore.signalId) ?? null;
        const count = settled.get(restore.signalId) ?? 0;
        const outcome = outcomes.get(restore.signalId)!;
        outcome.caseId = change?.caseId ?? null;
        const event = { eventCode: restore.eventCode, description: restore.description };
        outcome.reason = restoreReason(event, change?.caseNo ?? null, count);
      }
    }
  }
}
