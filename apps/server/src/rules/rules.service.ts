import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlarmCategory, SignalDecision } from '@arc/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { CasesService, type CaseChange, type OpenOrAppendInput } from '../cases/cases.service.js';
import { returnedRows } from '../common/sql.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { decide, type RuleSettings, type Suppression } from './decide.js';
import { RecentSignals } from './recent-signals.js';
import { loadSuppressions } from './suppressions.js';

export interface EvaluationResult {
  decision: SignalDecision | 'ALREADY_EVALUATED';
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
  transmitter_id: string | null;
  site_id: string | null;
  runaway_until: Date | null;
}

/** What is written back to each signal: its decision, reason, case and suppressing window. */
interface Outcome {
  decision: SignalDecision;
  reason: string;
  caseId: string | null;
  serviceModeId: string | null;
  blockWindowId: string | null;
}

interface Deferral {
  signalId: string;
  account: string;
  transmitterId: string | null;
  siteId: string | null;
  caseKey: string;
  family: string;
  category: AlarmCategory;
  title: string;
  receivedAt: Date;
  dueAt: Date;
}

/**
 * Runs after signals are stored: reads the state of their transmitters (windows in force, how
 * many signals they sent lately), lets the pure `decide` judge each signal, writes the case
 * changes and stores every decision with its signal, in one transaction per batch. Safe to run
 * twice for the same signal. Alarms are applied set-wise (one upsert for all their cases), so an
 * alarm storm costs a few statements per batch rather than per signal.
 */
@Injectable()
export class RulesService {
  private readonly settings: RuleSettings;
  private readonly recentSignals: RecentSignals;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = {
      runawayThreshold: config.rules.runawayThreshold,
      runawayWindowSeconds: config.rules.runawayWindowSeconds,
      acLossDelaySeconds: config.rules.acLossDelaySeconds,
    };
    this.recentSignals = new RecentSignals(config.rules.runawayWindowSeconds * 1000, config.rules.runawayThreshold + 1);
  }

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
      `SELECT s.id, s.account, s.code, s.zone, s.evaluated_at, s.case_id, s.received_at, s.transmitter_id, t.site_id,
              t.runaway_until
         FROM signals s LEFT JOIN transmitters t ON t.id = s.transmitter_id
        WHERE s.id = ANY($1::bigint[]) ORDER BY s.id FOR UPDATE OF s`,
      [signalIds],
    );
    const results = new Map<string, EvaluationResult>();
    const pending = rows.filter((row) => {
      if (row.evaluated_at) results.set(String(row.id), { decision: 'ALREADY_EVALUATED', caseId: row.case_id });
      return !row.evaluated_at;
    });
    if (pending.length === 0) return { results, changes: [] };

    const suppressions = await loadSuppressions(manager, transmitterIdsOf(pending), spanOf(pending));
    // Per signal: how many its account sent within the runaway window up to it; per account the most.
    const recentOf = new Map<string, number>();
    const recent = new Map<string, number>();
    for (const row of pending) {
      const count = this.recentSignals.record(row.account, row.received_at.getTime());
      recentOf.set(String(row.id), count);
      recent.set(row.account, Math.max(count, recent.get(row.account) ?? 0));
    }
    const outcomes = new Map<string, Outcome>();
    const changes: CaseChange[] = [];
    let alarms: OpenOrAppendInput[] = [];
    let deferrals: Deferral[] = [];

    // Alarms and deferrals are written set-wise; a restore first writes those before it, so the
    // order of storage is kept (an AC restore settles the AC loss stored just before it).
    const flush = async () => {
      if (alarms.length > 0) {
        const applied = await this.cases.openOrAppendMany(manager, alarms);
        changes.push(...applied.changes);
        for (const [signalId, caseId] of applied.caseOfSignal) {
          const outcome = outcomes.get(signalId)!;
          outcome.caseId = caseId;
          outcome.decision = applied.opened.has(signalId) ? 'OPENED' : 'APPENDED';
        }
        alarms = [];
      }
      if (deferrals.length > 0) {
        await insertDeferrals(manager, deferrals);
        deferrals = [];
      }
    };

    for (const row of pending) {
      const id = String(row.id);
      const decision = decide(
        { account: row.account, code: row.code, zone: row.zone, siteId: row.site_id, receivedAt: row.received_at },
        {
          suppressions: (row.transmitter_id && suppressions.get(row.transmitter_id)) || NONE,
          recentSignals: recentOf.get(id) ?? 1,
        },
        this.settings,
      );
      const outcome: Outcome = {
        decision: 'LOG_ONLY',
        reason: '',
        caseId: null,
        serviceModeId: null,
        blockWindowId: null,
      };
      outcomes.set(id, outcome);
      switch (decision.action) {
        case 'OPEN_OR_APPEND':
          outcome.decision = 'APPENDED';
          outcome.reason = decision.runaway ? `${decision.title} (runaway transmitter)` : decision.title;
          alarms.push({
            caseKey: decision.caseKey,
            siteId: row.site_id,
            account: row.account,
            category: decision.category,
            priority: decision.priority,
            title: decision.title,
            unknownTransmitter: decision.unknownTransmitter,
            runaway: decision.runaway,
            signalId: id,
            receivedAt: row.received_at,
          });
          break;
        case 'RESTORE': {
          await flush();
          const change = await this.cases.recordRestore(
            manager,
            decision.caseKey,
            decision.category,
            id,
            decision.description,
          );
          if (change) changes.push(change);
          const settled = decision.family
            ? await settleDeferrals(manager, row.account, decision.family, id, row.received_at)
            : 0;
          outcome.decision = 'RESTORE';
          outcome.caseId = change?.caseId ?? null;
          outcome.reason = [
            decision.description,
            change ? `recorded on case ${change.caseNo}` : 'no open case',
            settled > 0 ? `settles ${settled} waiting signal(s): no case is raised for them` : null,
          ]
            .filter(Boolean)
            .join('; ');
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
          deferrals.push({
            signalId: id,
            account: row.account,
            transmitterId: row.transmitter_id,
            siteId: row.site_id,
            caseKey: decision.caseKey,
            family: decision.family,
            category: decision.category,
            title: decision.title,
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
    changes.push(...(await this.markRunaways(manager, pending, recent)));

    const ids = [...outcomes.keys()];
    const list = [...outcomes.values()];
    await manager.query(
      `UPDATE signals s
          SET evaluated_at = now(), case_id = u.case_id, decision = u.decision, decision_reason = u.reason,
              service_mode_id = u.service_mode_id, block_window_id = u.block_window_id
         FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[])
              AS u(id, case_id, decision, reason, service_mode_id, block_window_id)
        WHERE s.id = u.id`,
      [
        ids,
        list.map((o) => o.caseId),
        list.map((o) => o.decision),
        list.map((o) => o.reason),
        list.map((o) => o.serviceModeId),
        list.map((o) => o.blockWindowId),
      ],
    );
    for (const [id, outcome] of outcomes) results.set(id, { decision: outcome.decision, caseId: outcome.caseId });
    return { results, changes };
  }

  /**
   * Marks transmitters over the threshold as runaway until the window has passed without it.
   * A transmitter that just became runaway gets one technical case that says so (appended to the
   * open technical case of its site if there is one): a human looks at a faulty panel, while its
   * signals keep joining their cases instead of flooding the queue.
   */
  private async markRunaways(
    manager: EntityManager,
    rows: LockedSignal[],
    recent: Map<string, number>,
  ): Promise<CaseChange[]> {
    const over = [...recent.entries()].filter(([, n]) => n > this.settings.runawayThreshold);
    if (over.length === 0) return [];
    const until = new Date(spanOf(rows).to.getTime() + this.settings.runawayWindowSeconds * 1000);
    // The mark is only rewritten when it is running out, so a runaway does not update its row on
    // every batch. Its current value comes with the signals: reading transmitters again costs,
    // because every stored signal key-share locks its transmitter row (multixacts to resolve).
    const transmitterOf = new Map<
      string,
      { id: string; account: string; site_id: string; runaway_until: Date | null }
    >();
    for (const row of rows) {
      if (row.transmitter_id && row.site_id) {
        transmitterOf.set(row.account, {
          id: row.transmitter_id,
          account: row.account,
          site_id: row.site_id,
          runaway_until: row.runaway_until,
        });
      }
    }
    const renewBefore = until.getTime() - (this.settings.runawayWindowSeconds * 1000) / 2;
    const renew = over
      .flatMap(([account]) => {
        const transmitter = transmitterOf.get(account);
        return transmitter ? [transmitter] : [];
      })
      .filter((t) => !t.runaway_until || t.runaway_until.getTime() < renewBefore);
    if (renew.length === 0) return [];
    await manager.query(`UPDATE transmitters SET runaway_until = $2 WHERE id = ANY($1::uuid[])`, [
      renew.map((t) => t.id),
      until,
    ]);
    const first = spanOf(rows).from;
    const fresh = renew.filter((t) => t.runaway_until === null || t.runaway_until < first);
    if (fresh.length === 0) return [];
    const windowText = `${this.settings.runawayWindowSeconds} s`;
    const applied = await this.cases.openOrAppendMany(
      manager,
      fresh.map((m) => ({
        caseKey: `site:${m.site_id}`,
        siteId: m.site_id,
        account: m.account,
        category: 'TECHNICAL' as const,
        priority: 4,
        title: `Runaway transmitter ${m.account}: more than ${this.settings.runawayThreshold} signals in ${windowText}`,
        unknownTransmitter: false,
        runaway: true,
        signalId: null,
        receivedAt: until,
        note: { type: 'RUNAWAY_DETECTED' as const, data: { account: m.account, signals: recent.get(m.account) } },
      })),
    );
    return applied.changes;
  }
}

const NONE: readonly Suppression[] = [];

function transmitterIdsOf(rows: LockedSignal[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.transmitter_id ? [row.transmitter_id] : [])))];
}

function spanOf(rows: LockedSignal[]): { from: Date; to: Date } {
  const times = rows.map((row) => row.received_at.getTime());
  return { from: new Date(Math.min(...times)), to: new Date(Math.max(...times)) };
}

async function insertDeferrals(manager: EntityManager, deferrals: Deferral[]): Promise<void> {
  await manager.query(
    `INSERT INTO deferred_alarms (signal_id, account, transmitter_id, site_id, case_key, family, category, title,
                                  received_at, due_at)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::timestamptz[], $10::timestamptz[])
     ON CONFLICT (signal_id) DO NOTHING`,
    [
      deferrals.map((d) => d.signalId),
      deferrals.map((d) => d.account),
      deferrals.map((d) => d.transmitterId),
      deferrals.map((d) => d.siteId),
      deferrals.map((d) => d.caseKey),
      deferrals.map((d) => d.family),
      deferrals.map((d) => d.category),
      deferrals.map((d) => d.title),
      deferrals.map((d) => d.receivedAt),
      deferrals.map((d) => d.dueAt),
    ],
  );
}

/** A restore settles the waiting signals of its family stored before it: they raise no case. */
async function settleDeferrals(
  manager: EntityManager,
  account: string,
  family: string,
  restoreId: string,
  receivedAt: Date,
): Promise<number> {
  const rows = returnedRows<{ signal_id: string }>(
    await manager.query(
      `UPDATE deferred_alarms SET settled_at = now(), restored_by_signal_id = $3
        WHERE account = $1 AND family = $2 AND settled_at IS NULL AND received_at <= $4
        RETURNING signal_id`,
      [account, family, restoreId, receivedAt],
    ),
  );
  return rows.length;
}
