import { describe, expect, it } from 'vitest';
import { LatencySamples, Tally, median, percentile } from './stats.js';

describe('percentile (nearest rank)', () => {
  it('matches the hand-computed textbook example', () => {
    const sorted = [15, 20, 35, 40, 50];
    expect(percentile(sorted, 5)).toBe(15); // rank ceil(0.25) = 1
    expect(percentile(sorted, 30)).toBe(20); // rank ceil(1.5) = 2
    expect(percentile(sorted, 40)).toBe(20); // rank ceil(2.0) = 2
    expect(percentile(sorted, 50)).toBe(35); // rank ceil(2.5) = 3
    expect(percentile(sorted, 100)).toBe(50);
  });

  it('gives p50/p95/p99 of 1…100 as 50/95/99 and p99.9 of 1…1000 as 999', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(hundred, 50), percentile(hundred, 95), percentile(hundred, 99)]).toEqual([50, 95, 99]);
    const thousand = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(thousand, 99.9)).toBe(999);
  });

  it('is NaN without samples and the only sample with one', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([7], 99)).toBe(7);
  });
});

describe('LatencySamples', () => {
  it('sorts before taking percentiles', () => {
    const samples = new LatencySamples();
    for (const value of [9, 1, 5, 3, 7, 2, 8, 4, 10, 6]) samples.add(value);
    expect(samples.summary()).toEqual({ count: 10, p50: 5, p95: 10, p99: 10, max: 10 });
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('Tally', () => {
  it('counts outcomes per kind and keeps latency of ACKs only', () => {
    const tally = new Tally();
    tally.record({ kind: 'event', outcome: 'ACK', latencyMs: 2 });
    tally.record({ kind: 'event', outcome: 'ACK', latencyMs: 4 });
    tally.record({ kind: 'event', outcome: 'NAK', latencyMs: 100 });
    tally.record({ kind: 'null', outcome: 'timeout', latencyMs: null });
    expect(tally.count('event')).toBe(3);
    expect(tally.count('event', 'ACK')).toBe(2);
    expect(tally.total('timeout')).toBe(1);
    expect(tally.latency('event')).toMatchObject({ count: 2, p50: 2, max: 4 });
  });
});
