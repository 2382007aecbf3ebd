import type { HistoryPoint } from '@arc/shared/supervisor';
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { i18n } from '../../../lib/i18n/i18n';
import { formatNumber } from '../../../lib/i18n/format';
import { useLocale } from '../../../lib/i18n/locale';
import { centreTimeZone, formatDateTimeShort, formatTimeShort } from '../../../utils/time';
import { historySeries } from '../utils/chart-data';
import { secondsText } from '../utils/format';

const HEIGHT = 220;
const MUTED = '#9aa7b4';
const GRID = '#30363d';
const DEPTH = '#58a6ff';
const P50 = '#ffb86b';
const TARGET = '#ff8a8a';

/**
 * Queue depth and the median accept time over the history buckets, with the first compliance
 * target's time as a dashed line. Drawn on a canvas by uPlot; loaded lazily by the screen so the
 * queue screen does not pay for it. The caption beside it says the same in words.
 */
export function HistoryChart({ history, targetSeconds }: { history: readonly HistoryPoint[]; targetSeconds: number }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  // The axes' and series' labels are in the language: a new language draws the chart anew.
  const locale = useLocale();
  const data = useMemo((): uPlot.AlignedData => {
    const [x, depth, p50] = historySeries(history);
    return [x, depth, p50, x.map(() => targetSeconds)];
  }, [history, targetSeconds]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const plot = new uPlot(chartOptions(element.clientWidth || 640), [[], [], [], []], element);
    chart.current = plot;
    // The panel's width follows the window; jsdom has no ResizeObserver.
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (element.clientWidth > 0) plot.setSize({ width: element.clientWidth, height: HEIGHT });
          });
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data, locale]);

  return <div className="supervisor-chart__canvas" ref={container} data-testid="history-chart" />;
}

/**
 * The time axis' labels: 24-hour in the centre's zone ("21:40"), with the date ("2026-12-01
 * 21:40") on the first tick and wherever the day changes.
 */
export function timeAxisValues(_u: unknown, splits: number[]): string[] {
  let day = '';
  return splits.map((seconds) => {
    const when = formatDateTimeShort(seconds * 1000);
    const today = when.slice(0, 10);
    const label = today === day ? formatTimeShort(seconds * 1000) : when;
    day = today;
    return label;
  });
}

/** The legend's (cursor's) time: "2026-12-01 21:43" in the centre's zone. */
export function cursorTime(_u: unknown, seconds: number | null): string {
  return seconds === null ? '—' : formatDateTimeShort(seconds * 1000);
}

export function chartOptions(width: number): uPlot.Options {
  const axis = { stroke: MUTED, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } };
  return {
    width,
    height: HEIGHT,
    // Ticks fall on whole hours and minutes of the centre's clock, not the browser's.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), centreTimeZone()),
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      depth: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.2))] },
      seconds: { range: (_u, _min, max) => [0, Math.max(60, Math.ceil(max * 1.1))] },
    },
    axes: [
      { ...axis, values: timeAxisValues },
      { ...axis, scale: 'depth', label: i18n.t('supervisor:history.axisWaiting'), stroke: DEPTH },
      {
        ...axis,
        scale: 'seconds',
        label: i18n.t('supervisor:history.axisAcceptP50'),
        side: 1,
        stroke: P50,
        grid: { show: false },
      },
    ],
    series: [
      { label: i18n.t('supervisor:history.seriesTime'), value: cursorTime },
      {
        label: i18n.t('supervisor:history.seriesWaiting'),
        scale: 'depth',
        stroke: DEPTH,
        fill: 'rgba(88, 166, 255, 0.15)',
        width: 2,
        points: { show: false },
      },
      {
        label: i18n.t('supervisor:history.seriesAcceptP50'),
        scale: 'seconds',
        stroke: P50,
        width: 2,
        points: { show: true, size: 5 },
        value: (_u, v) => (v === null ? '—' : secondsText(formatNumber(v))),
      },
      {
        label: i18n.t('supervisor:history.seriesTarget'),
        scale: 'seconds',
        stroke: TARGET,
        width: 1,
        dash: [6, 4],
        points: { show: false },
      },
    ],
  };
}
