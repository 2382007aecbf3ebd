import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CasesService, type CaseChange, type OpenOrAppendInput } from '../cases/cases.service.js';
import { decide, type Decision } from './decide.js';

export interface EvaluationResult {
  decision: Decision['action'] | 'ALREADY_EVALUATED';
  caseId: string | null;
}

interface LockedSignal {
  id: string;
  account: string;
  code: string;
  zone: string | null;
  evaluated_at: Date | null;
  case_id: string | null;
  received_at: Date;
  site_id: string | null;
}

/**
 * Runs after signals are stored: decides, writes the case changes and marks the signals
 * evaluated, in one transaction per batch. Safe to run twice for the same signal. Alarms of a
 * batch are applied set-wise (one upsert for all their cases), so an alarm storm costs a few
 * statements per batch rather than per signal.
 */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  evaluate(signalId: string): Promise<EvaluationResult> {
    return this.evaluateBatch([signalId]).then((results) => results.get(signalId)!);
  }

  /** Evaluates signals in the order of their ids (the order they were stored). */
  async evaluateBatch(signalIds: string[]): Promise<Map<string, EvaluationResult>> {
    const { results, changes } = await this.dataSource.transaction((manager) => this.evaluateIn(manager, signalIds));
    await this.cases.afterCommit(changes);
    return results;
  }

  private async evaluateIn(
    manager: EntityManager,
    signalIds: string[],
  ): Promise<{ results: Map<string, EvaluationResult>; changes: CaseChange[] }> {
    const rows: LockedSignal[] = await manager.query(
      `SELECT s.id, s.account, s.code, s.zone, s.evaluated_at, s.case_id, s.received_at, t.site_id
         FROM signals s LEFT JOIN transmitters t ON t.id = s.transmitter_id
        WHERE s.id = ANY($1::bigint[]) ORDER BY s.id FOR UPDATE OF s`,
      [signalIds],
    );
    const results = new Map<string, EvaluationResult>();
    const changes: CaseChange[] = [];
    const caseOf = new Map<string, string | null>();
    let alarms: OpenOrAppendInput[] = [];
    // Alarms are applied set-wise; a restore first applies the alarms before it, keeping order.
    const applyAlarms = async () => {
      if (alarms.length === 0) return;
      const applied = await this.cases.openOrAppendMany(manager, alarms);
      changes.push(...applied.changes);
      for (const [signalId, caseId] of applied.caseOfSignal) {
        caseOf.set(signalId, caseId);
        results.set(signalId, { decision: 'OPEN_OR_APPEND', caseId });
      }
      alarms = [];
    };
    for (const row of rows) {
      const id = String(row.id);
      if (row.evaluated_at) {
        results.set(id, { decision: 'ALREADY_EVALUATED', caseId: row.case_id });
        continue;
      }
      const decision = decide({ account: row.account, code: row.code, zone: row.zone, siteId: row.site_id });
      switch (decision.action) {
        case 'OPEN_OR_APPEND':
          alarms.push({
            caseKey: decision.caseKey,
            siteId: row.site_id,
            account: row.account,
            category: decision.category,
            priority: decision.priority,
            title: decision.title,
            unknownTransmitter: decision.unknownTransmitter,
            signalId: id,
            receivedAt: row.received_at,
          });
          break;
        case 'RESTORE': {
          await applyAlarms();
          const change = await this.cases.recordRestore(
            manager,
            decision.caseKey,
            decision.category,
            id,
            decision.description,
          );
          if (change) changes.push(change);
          caseOf.set(id, change?.caseId ?? null);
          results.set(id, { decision: 'RESTORE', caseId: change?.caseId ?? null });
          break;
        }
        case 'LOG_ONLY':
          caseOf.set(id, null);
          results.set(id, { decision: 'LOG_ONLY', caseId: null });
          break;
      }
    }
    await applyAlarms();
    if (caseOf.size > 0) {
      await manager.query(
        `UPDATE signals s SET evaluated_at = now(), case_id = u.case_id
           FROM unnest($1::bigint[], $2::uuid[]) AS u(id, case_id)
          WHERE s.id = u.id`,
        [[...caseOf.keys()], [...caseOf.values()]],
      );
    }
    return { results, changes };
  }
}
