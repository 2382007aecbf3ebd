import { describe, expect, it } from 'vitest';
import { historySeries, historySummary } from './chart-data';

const history = [
  { at: '2026-01-01T10:05:00.000Z', queueDepth: 0, acceptP50: null, accepted: 0 },
  { at: '2026-01-01T10:00:00.000Z', queueDepth: 3, acceptP50: 21.26, accepted: 4 },
  { at: '2026-01-01T10:10:00.000Z', queueDepth: 1, acceptP50: 8, accepted: 1 },
];

describe('historySeries', () => {
  it('orders the buckets by time, in Unix seconds, and keeps empty medians as gaps', () => {
    const [x, depth, p50] = historySeries(history);
    expect(x).toEqual([1767261600, 1767261900, 1767262200]);
    expect(depth).toEqual([3, 0, 1]);
    expect(p50).toEqual([21.3, null, 8]);
  });

  it('gives three empty series for no history', () => {
    expect(historySeries([])).toEqual([[], [], []]);
  });
});

describe('historySummary', () => {
  it('names the latest values and the peaks', () => {
    expect(historySummary(history)).toBe(
      'Last 15 min in 5-minute steps. Now 1 waiting, accept time median 8 s. Peak 3 waiting; highest median accept time 21.3 s.',
    );
  });

  it('says so when there is nothing yet', () => {
    expect(historySummary([])).toBe('No history yet.');
  });
});
