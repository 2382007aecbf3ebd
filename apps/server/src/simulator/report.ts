import type { LoadResult } from './load.js';
import { OUTCOMES, type LatencySummary } from './stats.js';

const ms = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(value < 10 ? 2 : 1));

export function formatLatency(summary: LatencySummary): string {
  return `p50 ${ms(summary.p50)}  p95 ${ms(summary.p95)}  p99 ${ms(summary.p99)}  max ${ms(summary.max)}  (n=${summary.count})`;
}

/** The summary a scenario prints: outcomes per kind of frame, rates and ACK latency. */
export function formatReport(title: string, result: LoadResult): string {
  const { tally, ledger } = result;
  const seconds = result.elapsedMs / 1000;
  const kinds = tally.kinds();
  const width = Math.max(12, ...kinds.map((kind) => kind.length + 2));
  const header = ['sent', ...OUTCOMES].map((name) => name.padStart(10)).join('');
  const rows = kinds.map(
    (kind) =>
      kind.padEnd(width) +
      [tally.count(kind), ...OUTCOMES.map((outcome) => tally.count(kind, outcome))]
        .map((n) => String(n).padStart(10))
        .join(''),
  );
  const lines = [
    title,
    'frame'.padEnd(width) + header,
    ...rows,
    `events: ${ledger.events} distinct, ${ledger.acked} ACKed, ${ledger.notAcked} not ACKed` +
      ` (after retries); replies matching no frame: ${result.unmatchedReplies}`,
    `rate: ${(tally.total() / seconds).toFixed(1)} frames/s, ${(ledger.acked / seconds).toFixed(1)} events ACKed/s` +
      ` over ${seconds.toFixed(1)} s`,
    ...kinds
      .filter((kind) => tally.count(kind, 'ACK') > 0)
      .map((kind) => `ACK latency ms ${kind.padEnd(width)}${formatLatency(tally.latency(kind))}`),
  ];
  if (tally.kinds().some((kind) => kind.startsWith('malformed:'))) {
    lines.push('expected: NAK for bad-crc, bad-length, truncated and stale-time; no reply (timeout) for garbage');
  }
  return `${lines.join('\n')}\n`;
}
