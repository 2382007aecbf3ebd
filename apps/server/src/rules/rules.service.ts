import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CasesService, type CaseChange } from '../cases/cases.service.js';
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
 * Runs after a signal is stored: decides, writes the case change and marks the signal
 * evaluated in one transaction. Safe to run twice for the same signal.
 */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
  ) {}

  async evaluate(signalId: string): Promise<EvaluationResult> {
    const { result, change } = await this.dataSource.transaction(async (manager) => {
      const rows: LockedSignal[] = await manager.query(
        `SELECT s.id, s.account, s.code, s.zone, s.evaluated_at, s.case_id, s.received_at, t.site_id
           FROM signals s LEFT JOIN transmitters t ON t.id = s.transmitter_id
          WHERE s.id = $1 FOR UPDATE OF s`,
        [signalId],
      );
      const signal = rows[0];
      if (!signal) throw new Error(`Signal ${signalId} does not exist`);
      if (signal.evaluated_at) {
        return { result: { decision: 'ALREADY_EVALUATED', caseId: signal.case_id } as EvaluationResult, change: null };
      }
      let change: CaseChange | null = null;

      const decision = decide({
        account: signal.account,
        code: signal.code,
        zone: signal.zone,
        siteId: signal.site_id,
      });
      switch (decision.action) {
        case 'OPEN_OR_APPEND':
          change = await this.cases.openOrAppend(manager, {
            caseKey: decision.caseKey,
            siteId: signal.site_id,
            account: signal.account,
            category: decision.category,
            priority: decision.priority,
            title: decision.title,
            unknownTransmitter: decision.unknownTransmitter,
            signalId: signal.id,
            receivedAt: signal.received_at,
          });
          break;
        case 'RESTORE':
          change = await this.cases.recordRestore(
            manager,
            decision.caseKey,
            decision.category,
            signal.id,
            decision.description,
          );
          break;
        case 'LOG_ONLY':
          break;
      }
      const caseId = change?.caseId ?? null;
      await manager.query(`UPDATE signals SET evaluated_at = now(), case_id = $2 WHERE id = $1`, [signal.id, caseId]);
      return { result: { decision: decision.action, caseId } as EvaluationResult, change };
    });
    if (change) await this.cases.afterCommit(change);
    return result;
  }
}
