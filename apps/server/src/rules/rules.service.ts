import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { decide, type Decision, type RuleSettings, type Suppression } from './decide.js';
import { RecentSignals } from './recent-signals.js';
import { runawayMarks, type RunawayFacts, type RunawayMarks } from './runaways.js';
import { suppressionsByTransmitter, type SuppressionRow } from './suppressions.js';

/** A stored signal as the rules judge it: its facts and its transmitter's state when it is evaluated. */
export interface SignalToJudge extends RunawayFacts {
  id: string;
  code: string;
  zone: string | null;
  /** The service modes and block windows of its transmitter over the batch (`windowsSql` rows). */
  windows: SuppressionRow[] | null;
}

/** The rules' verdict on a batch of signals, in their order. */
export interface Judgement {
  decisions: Decision[];
  /** Per account, the most signals it sent within the runaway window up to one of the batch. */
  recent: Map<string, number>;
}

/**
 * The rules: what each stored signal means, given its transmitter's windows in force and how
 * many signals its account sent lately, and which transmitters run away. Holds the recent
 * signals of each account across batches; writes nothing (evaluation applies the verdicts).
 */
@Injectable()
export class RulesService {
  readonly settings: RuleSettings;
  private readonly recentSignals: RecentSignals;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = {
      runawayThreshold: config.rules.runawayThreshold,
      runawayWindowSeconds: config.rules.runawayWindowSeconds,
      acLossDelaySeconds: config.rules.acLossDelaySeconds,
    };
    this.recentSignals = new RecentSignals(config.rules.runawayWindowSeconds * 1000, config.rules.runawayThreshold + 1);
  }

  /** Judges signals not evaluated yet, in the order of their storage; counts them as recent. */
  judge(rows: readonly SignalToJudge[]): Judgement {
    // Each row carries the windows of its transmitter: one copy per transmitter is enough.
    const windowsOf = new Map(rows.map((row) => [row.transmitter_id, row.windows ?? []]));
    const suppressions = suppressionsByTransmitter([...windowsOf.values()].flat());
    // Per signal: how many its account sent within the runaway window up to it; per account the most.
    const recent = new Map<string, number>();
    const decisions = rows.map((row) => {
      const count = this.recentSignals.record(row.account, row.received_at.getTime());
      recent.set(row.account, Math.max(count, recent.get(row.account) ?? 0));
      return decide(
        { account: row.account, code: row.code, zone: row.zone, siteId: row.site_id, receivedAt: row.received_at },
        {
          suppressions: (row.transmitter_id && suppressions.get(row.transmitter_id)) || NONE,
          recentSignals: count,
        },
        this.settings,
      );
    });
    return { decisions, recent };
  }

  /** The runaway marks to write after a judged batch, and the cases they raise; null: none. */
  runaways(rows: readonly RunawayFacts[], recent: ReadonlyMap<string, number>): RunawayMarks | null {
    return runawayMarks(rows, recent, this.settings);
  }
}

const NONE: readonly Suppression[] = [];
