import type { HistoryPoint } from '@arc/shared/supervisor';
import { i18n } from '../../../lib/i18n/i18n';
import { formatNumber } from '../../../lib/i18n/format';

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
  if (history.length === 0) return i18n.t('supervisor:history.none');
  const [, depth, p50] = historySeries(history);
  const maxDepth = Math.max(...depth);
  const medians = p50.filter((v): v is number => v !== null);
  const lastDepth = depth.at(-1)!;
  const lastP50 = p50.at(-1) ?? null;
  const minutes = history.length * 5;
  const span =
    minutes >= 60
      ? i18n.t('supervisor:history.spanHours', { hours: formatNumber(Math.round(minutes / 60)) })
      : i18n.t('supervisor:history.spanMinutes', { minutes: formatNumber(minutes) });
  return i18n.t('supervisor:history.summary', {
    span,
    depth: formatNumber(lastDepth),
    hasMedian: lastP50 === null ? 'no' : 'yes',
    median: lastP50 === null ? '' : formatNumber(lastP50),
    peak: formatNumber(maxDepth),
    hasPeakMedian: medians.length > 0 ? 'yes' : 'no',
    peakMedian: medians.length > 0 ? formatNumber(Math.max(...medians)) : '',
  });
}
