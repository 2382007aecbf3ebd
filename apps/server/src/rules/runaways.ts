import { priorityOf } from '@arc/shared/alarm';
import { runawayTransmitterTitle } from '@arc/shared/case-title';
import type { OpenOrAppendInput } from '../cases/index.js';
import type { RuleSettings } from './decide.js';

/** A signal's transmitter as read with the signal: whether and until when it is marked runaway. */
export interface RunawayFacts {
  account: string;
  received_at: Date;
  transmitter_id: string | null;
  site_id: string | null;
  runaway_until: Date | null;
}

/** Transmitters whose runaway mark is to be (re)written, and the technical cases to raise for them. */
export interface RunawayMarks {
  transmitterIds: string[];
  until: Date;
  /** One per transmitter that just became runaway. */
  alarms: OpenOrAppendInput[];
}

/**
 * The case a runaway transmitter gets is a technical one, raised with the technical category's
 * priority, like any technical alarm of its site (it is appended to that case when one is open).
 */
const RUNAWAY_PRIORITY = priorityOf('TECHNICAL');

/**
 * Marks transmitters over the threshold as runaway until the window has passed without it.
 * A transmitter that just became runaway gets one technical case that says so (appended to the
 * open technical case of its site if there is one): a human looks at a faulty panel, while its
 * signals keep joining their cases instead of flooding the queue. Pure: null when nothing is to
 * be written. `recent`: per account, the most signals it sent within the window in the batch.
 */
export function runawayMarks(
  rows: readonly RunawayFacts[],
  recent: ReadonlyMap<string, number>,
  settings: RuleSettings,
): RunawayMarks | null {
  const over = [...recent.entries()].filter(([, n]) => n > settings.runawayThreshold);
  if (over.length === 0) return null;
  const span = spanOf(rows);
  const until = new Date(span.to.getTime() + settings.runawayWindowSeconds * 1000);
  // The mark is only rewritten when it is running out, so a runaway does not update its row on
  // every batch. Its current value comes with the signals: reading transmitters again costs,
  // because every stored signal key-share locks its transmitter row (multixacts to resolve).
  const transmitterOf = new Map<string, { id: string; account: string; site_id: string; runaway_until: Date | null }>();
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
  const renewBefore = until.getTime() - (settings.runawayWindowSeconds * 1000) / 2;
  const renew = over
    .flatMap(([account]) => {
      const transmitter = transmitterOf.get(account);
      return transmitter ? [transmitter] : [];
    })
    .filter((t) => !t.runaway_until || t.runaway_until.getTime() < renewBefore);
  if (renew.length === 0) return null;
  const fresh = renew.filter((t) => t.runaway_until === null || t.runaway_until < span.from);
  return {
    transmitterIds: renew.map((t) => t.id),
    until,
    alarms: fresh.map((m) => ({
      caseKey: `site:${m.site_id}`,
      siteId: m.site_id,
      account: m.account,
      category: 'TECHNICAL' as const,
      priority: RUNAWAY_PRIORITY,
      ...runawayTransmitterTitle(m.account, settings.runawayThreshold, settings.runawayWindowSeconds),
      unknownTransmitter: false,
      runaway: true,
      signalId: null,
      receivedAt: until,
      note: { type: 'RUNAWAY_DETECTED' as const, data: { account: m.account, signals: recent.get(m.account) } },
    })),
  };
}

function spanOf(rows: readonly RunawayFacts[]): { from: Date; to: Date } {
  const times = rows.map((row) => row.received_at.getTime());
  return { from: new Date(Math.min(...times)), to: new Date(Math.max(...times)) };
}
