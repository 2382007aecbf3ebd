import { describe, expect, it } from 'vitest';
import { RecentSignals } from './recent-signals.js';

describe('RecentSignals', () => {
  it('counts the signals of an account within the window, this one included', () => {
    const recent = new RecentSignals(60_000, 31);
    expect(recent.record('A', 0)).toBe(1);
    expect(recent.record('A', 1_000)).toBe(2);
    expect(recent.record('B', 1_000)).toBe(1);
    expect(recent.record('A', 60_500)).toBe(2); // the one at 0 is out of the window
  });

  it('keeps at most `keep` times per account, enough to tell "over the threshold"', () => {
    const recent = new RecentSignals(60_000, 31);
    let last = 0;
    for (let i = 0; i < 1000; i += 1) last = recent.record('A', i);
    expect(last).toBe(31);
  });

  it('counts a signal evaluated out of order at its own time', () => {
    const recent = new RecentSignals(10_000, 10);
    recent.record('A', 20_000);
    expect(recent.record('A', 5_000)).toBe(1);
  });
});
