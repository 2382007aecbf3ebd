import { render } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeUPlot } from '../test/fake-uplot';
import { HistoryChart } from './history-chart';

vi.mock('uplot', async () => ({ default: (await import('../test/fake-uplot')).FakeUPlot }));

const history = [
  { at: '2026-01-01T10:00:00.000Z', queueDepth: 3, acceptP50: 21, accepted: 4 },
  { at: '2026-01-01T10:05:00.000Z', queueDepth: 1, acceptP50: null, accepted: 0 },
];

describe('HistoryChart', () => {
  beforeEach(() => {
    FakeUPlot.instances = [];
  });

  it('draws queue depth, the median accept time and the target line into its container', () => {
    const { getByTestId } = render(<HistoryChart history={history} targetSeconds={30} />);
    expect(FakeUPlot.instances).toHaveLength(1);
    const chart = FakeUPlot.instances[0]!;
    expect(chart.target).toBe(getByTestId('history-chart'));
    expect(chart.options.series.map((s) => s.label)).toEqual(['Time', 'Waiting', 'Accept p50', 'Target']);
    expect(chart.data).toEqual([
      [1767261600, 1767261900],
      [3, 1],
      [21, null],
      [30, 30],
    ]);
  });

  it('updates the same chart with new history and destroys it on unmount', () => {
    const { rerender, unmount } = render(<HistoryChart history={history} targetSeconds={30} />);
    rerender(
      <HistoryChart
        history={[...history, { at: '2026-01-01T10:10:00.000Z', queueDepth: 0, acceptP50: 9, accepted: 2 }]}
        targetSeconds={30}
      />,
    );
    expect(FakeUPlot.instances).toHaveLength(1);
    const chart = FakeUPlot.instances[0]!;
    expect(chart.setData).toHaveBeenLastCalledWith([
      [1767261600, 1767261900, 1767262200],
      [3, 1, 0],
      [21, null, 9],
      [30, 30, 30],
    ]);
    unmount();
    expect(chart.destroy).toHaveBeenCalledTimes(1);
  });
});
