import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlarmCategory, CaseSummary, SignalDecision } from '@arc/shared';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CasesService,
  type CaseChange,
  type CaseEventDraft,
  type OpenOrAppendInput,
  type RestoreInput,
} from '../cases/cases.service.js';
import { combineStatements, returnedRows, type SqlPart } from '../common/sql.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { decide, type RuleSettings, type Suppression } from './decide.js';
import { RecentSignals } from './recent-signals.js';
import { suppressionsByTransmitter, windowsSql, type SuppressionRow } from './suppressions.js';

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
  unencrypted_from_keyed: boolean;
}

/** A committed evaluation batch: each signal's decision, and the cases it changed. */
export interface CommittedBatch {
  results: Map<string, EvaluationResult>;
  changes: CaseChange[];
  /** The changed cases as committed, read in the transaction; null: to be read after it. */
  summaries: CaseSummary[] | null;
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
 * twice for the same signal. Alarms, restores and waiting AC losses are applied set-wise (one
 * upsert for all the cases, one history insert for the batch), so a batch costs a few statements
 * however many signals and restores it holds: usually three (read and lock, cases, then history,
 * decisions and the summaries for the consoles together), and one or two more for restores,
 * waiting AC losses and hand-overs. Each statement is a round trip that the next signal waits
 * behind; one per restore once made evaluation fall behind a busy feed.
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
    return this.cases.afterCommit(batch.changes, batch.summaries ?? undefined);
  }

  private async evaluateIn(manager: EntityManager, signalIds: string[]): Promise<CommittedBatch> {
    // The signals, locked, and the windows in force for those still to evaluate, in one round trip.
    const rows: (LockedSignal & { windows: SuppressionRow[] | null })[] = await manager.query(
      `WITH locked AS MATERIALIZED (
         SELECT s.id, s.account, s.code, s.zone, s.evaluated_at, s.case_id, s.received_at, s.transmitter_id, t.site_id,
                t.runaway_until, s.unencrypted_from_keyed
           FROM signals s LEFT JOIN transmitters t ON t.id = s.transmitter_id
          WHERE s.id = ANY($1::bigint[]) ORDER BY s.id FOR UPDATE OF s
       ),
       pending AS (SELECT * FROM locked WHERE evaluated_at IS NULL),
       windows AS (
         ${windowsSql(
           'IN (SELECT transmitter_id FROM pending)',
           '(SELECT min(received_at) FROM pending)',
           '(SELECT max(received_at) FROM pending)',
         )}
       )
       SELECT l.*, (SELECT json_agg(w ORDER BY w.starts_at) FROM windows w WHERE w.transmitter_id = l.transmitter_id)
                   AS windows
         FROM locked l ORDER BY l.id`,
      [signalIds],
    );
    const results = new Map<string, EvaluationResult>();
    const pending = rows.filter((row) => {
      if (row.evaluated_at) results.set(String(row.id), { decision: 'ALREADY_EVALUATED', caseId: row.case_id });
      return !row.evaluated_at;
    });
    if (pending.length === 0) return { results, changes: [], summaries: null };

    // Each row carries the windows of its transmitter: one copy per transmitter is enough.
    const windowsOf = new Map(pending.map((row) => [row.transmitter_id, row.windows ?? []]));
    const suppressions = suppressionsByTransmitter([...windowsOf.values()].flat());
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
    const history: CaseEventDraft[] = [];
    const writes = new PendingWrites();

    // Alarms, deferrals and restores are written set-wise, a few statements for the lot. Only a
    // signal that depends on one still pending (a restore of an alarm or a waiting AC loss stored
    // just before it, an alarm after a restore of its case) has the pending ones written first,
    // so each case and each deferral sees them in the order of storage.
    const flush = async () => {
      const { alarms, deferrals, restores } = writes.take();
      if (alarms.length > 0) {
        const applied = await this.cases.openOrAppendMany(manager, alarms, history);
        changes.push(...applied.changes);
        for (const [signalId, caseId] of applied.caseOfSignal) {
          const outcome = outcomes.get(signalId)!;
          outcome.caseId = caseId;
          outcome.decision = applied.opened.has(signalId) ? 'OPENED' : 'APPENDED';
        }
      }
      if (deferrals.length > 0) await insertDeferrals(manager, deferrals);
      if (restores.length > 0) {
        const recorded = await this.cases.recordRestores(manager, restores, history);
        const settled = await settleDeferrals(manager, restores);
        for (const restore of restores) {
          const change = recorded.get(restore.signalId) ?? null;
          if (change) changes.push(change);
          const count = settled.get(restore.signalId) ?? 0;
          const outcome = outcomes.get(restore.signalId)!;
          outcome.caseId = change?.caseId ?? null;
          outcome.reason = [
            restore.description,
            change ? `recorded on case ${change.caseNo}` : 'no open case',
            count > 0 ? `settles ${count} waiting signal(s): no case is raised for them` : null,
          ]
            .filter(Boolean)
            .join('; ');
        }
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
          if (writes.mustWaitForAlarm(decision.caseKey, decision.category)) await flush();
          writes.addAlarm({
            caseKey: decision.caseKey,
            siteId: row.site_id,
            account: row.account,
            category: decision.category,
            priority: decision.priority,
            title: decision.title,
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
            family,
            receivedAt: row.received_at,
          });
          outcome.decision = 'RESTORE';
          outcome.reason = decision.description;
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
    changes.push(...(await this.markRunaways(manager, pending, recent, history)));
    // A new case of a site an operator works goes to that operator: its history first, then the
    // hand-over. Usually no such site is in the batch, and the history, the decisions and the
    // summaries for the consoles are one statement (each round trip here is one that every
    // signal of the next batch waits behind).
    const handOver = this.cases.mayGiveToHolders(changes);
    if (handOver) await this.cases.writeHistory(manager, history);
    await this.cases.giveToHolders(manager, changes);

    const ids = [...outcomes.keys()];
    const list = [...outcomes.values()];
    const decisions: SqlPart = {
      sql: `UPDATE signals s
               SET evaluated_at = now(), case_id = u.case_id, decision = u.decision, decision_reason = u.reason,
                   service_mode_id = u.service_mode_id, block_window_id = u.block_window_id
              FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[])
                   AS u(id, case_id, decision, reason, service_mode_id, block_window_id)
             WHERE s.id = u.id`,
      params: [
        ids,
        list.map((o) => o.caseId),
        list.map((o) => o.decision),
        list.map((o) => o.reason),
        list.map((o) => o.serviceModeId),
        list.map((o) => o.blockWindowId),
      ],
    };
    const historyStep = handOver ? null : this.cases.historyStatement(history);
    const caseIds = [...new Set(changes.map((c) => c.caseId))];
    // The summaries read cases, sites and users only: none of the steps writes those.
    const statement =
      caseIds.length > 0
        ? combineStatements(historyStep ? [historyStep, decisions] : [decisions], this.cases.summaryStatement(caseIds))
        : combineStatements(historyStep ? [historyStep] : [], decisions);
    const summaryRows = returnedRows<unknown>(await manager.query(statement.sql, statement.params));
    const summaries = caseIds.length > 0 ? this.cases.toSummaries(summaryRows) : null;
    for (const [id, outcome] of outcomes) results.set(id, { decision: outcome.decision, caseId: outcome.caseId });
    return { results, changes, summaries };
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
    history: CaseEventDraft[],
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
      history,
    );
    return applied.changes;
  }
}

const NONE: readonly Suppression[] = [];

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

/**
 * A restore settles the waiting signals of its family stored before it: they raise no case.
 * Returns how many each restore settled. A batch holds at most one restore per account and family.
 */
async function settleDeferrals(manager: EntityManager, restores: PendingRestore[]): Promise<Map<string, number>> {
  const settling = restores.filter((r) => r.family !== null);
  const counts = new Map<string, number>();
  if (settling.length === 0) return counts;
  const rows = returnedRows<{ restore_id: string }>(
    await manager.query(
      `UPDATE deferred_alarms d SET settled_at = now(), restored_by_signal_id = r.restore_id
         FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[]) AS r(account, family, restore_id, received_at)
        WHERE d.account = r.account AND d.family = r.family AND d.settled_at IS NULL AND d.received_at <= r.received_at
        RETURNING r.restore_id`,
      [
        settling.map((r) => r.family!.account),
        settling.map((r) => r.family!.family),
        settling.map((r) => r.signalId),
        settling.map((r) => r.receivedAt),
      ],
    ),
  );
  for (const row of rows) counts.set(String(row.restore_id), (counts.get(String(row.restore_id)) ?? 0) + 1);
  return counts;
}

interface PendingRestore extends RestoreInput {
  family: { account: string; family: string } | null;
  receivedAt: Date;
}

/**
 * What a batch has decided but not yet written, and which cases and families that touches.
 * A signal must wait for the pending writes (a flush) when it depends on one of them.
 */
class PendingWrites {
  private alarms: OpenOrAppendInput[] = [];
  private deferrals: Deferral[] = [];
  private restores: PendingRestore[] = [];
  private readonly alarmCases = new Set<string>();
  private readonly restoreCases = new Set<string>();
  private readonly deferralFamilies = new Set<string>();
  private readonly restoreFamilies = new Set<string>();

  /** An alarm after a restore of its case: the restore belongs to the case before the alarm. */
  mustWaitForAlarm(caseKey: string, category: AlarmCategory): boolean {
    return this.restoreCases.has(caseOf(caseKey, category));
  }

  /**
   * A restore after an alarm of its case (that may open it) or a waiting signal of its family
   * (that it settles); one restore per case and family at a time keeps the set-wise writes simple.
   */
  mustWaitForRestore(
    caseKey: string,
    category: AlarmCategory,
    family: { account: string; family: string } | null,
  ): boolean {
    const key = caseOf(caseKey, category);
    if (this.alarmCases.has(key) || this.restoreCases.has(key)) return true;
    if (!family) return false;
    const fam = familyOf(family.account, family.family);
    return this.deferralFamilies.has(fam) || this.restoreFamilies.has(fam);
  }

  /** A waiting signal after a restore of its family: that restore must not settle it. */
  mustWaitForDeferral(account: string, family: string): boolean {
    return this.restoreFamilies.has(familyOf(account, family));
  }

  addAlarm(alarm: OpenOrAppendInput): void {
    this.alarms.push(alarm);
    this.alarmCases.add(caseOf(alarm.caseKey, alarm.category));
  }

  addDeferral(deferral: Deferral): void {
    this.deferrals.push(deferral);
    this.deferralFamilies.add(familyOf(deferral.account, deferral.family));
  }

  addRestore(restore: PendingRestore): void {
    this.restores.push(restore);
    this.restoreCases.add(caseOf(restore.caseKey, restore.category));
    if (restore.family) this.restoreFamilies.add(familyOf(restore.family.account, restore.family.family));
  }

  /** Hands over what is pending, in the order it must be written: alarms, deferrals, restores. */
  take(): { alarms: OpenOrAppendInput[]; deferrals: Deferral[]; restores: PendingRestore[] } {
    const taken = { alarms: this.alarms, deferrals: this.deferrals, restores: this.restores };
    this.alarms = [];
    this.deferrals = [];
    this.restores = [];
    for (const set of [this.alarmCases, this.restoreCases, this.deferralFamilies, this.restoreFamilies]) set.clear();
    return taken;
  }
}

function caseOf(caseKey: string, category: AlarmCategory): string {
  return `${caseKey}\u0000${category}`;
}

function familyOf(account: string, family: string): string {
  return `${account}\u0000${family}`;
}
