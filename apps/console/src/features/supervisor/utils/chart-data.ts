import type { HistoryPoint } from '@arc/shared/supervisor';

/**
 * The history as the chart draws it: x in Unix seconds, then queue depth, then the median accept
 * time. A bucket in which no case was accepted has no median: null, drawn as a gap rather than
 * a fake zero.
 */
export type HistorySeries = [x: number[], depth: number[], acceptP50: (number | null)[]];

export function historySeries(history: readonly HistoryPoint[]): HistorySeries {
  const points = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return [
    points.map((p) => Date.parse(p.at) / 1000),
    points.map((p) => p.queueDepth),
    points.map((p) => (p.acceptP50 === null ? null : Math.round(p.acceptP50 * 10) / 10)),
  ];
}

/** One sentence for screen readers and for the figure caption: the last bucket's values and the peaks. */
export function historySummary(history: readonly HistoryPoint[]): string {
  if (history.length === 0) return 'No history yet.';
  const [, depth, p50] = historySeries(history);
  const maxDepth = Math.max(...depth);
  const medians = p50.filter((v): v is number => v !== null);
  const lastDepth = depth.at(-1)!;
  const lastP50 = p50.at(-1) ?? null;
  const minutes = history.length * 5;
  const span = minutes >= 60 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
  return (
    `Last ${span} in 5-minute steps. Now ${lastDepth} waiting` +
    (lastP50 === null ? '' : `, accept time median ${lastP50} s`) +
    `. Peak ${maxDepth} waiting` +
    (medians.length > 0 ? `; highest median accept time ${Math.max(...medians)} s.` : '.')
  );
}
