import { describe, expect, it } from 'vitest';
import { formatWaiting } from './format-waiting';

describe('formatWaiting', () => {
  it.each([
    [0, '00:00'],
    [999, '00:00'],
    [1_000, '00:01'],
    [65_000, '01:05'],
    [59 * 60_000 + 59_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_600_000 + 2 * 60_000 + 3_000, '1:02:03'],
    [25 * 3_600_000, '25:00:00'],
  ])('%i ms is %s', (ms, expected) => {
    expect(formatWaiting(ms)).toBe(expected);
  });

  it('shows 00:00 when the case seems to be queued in the future', () => {
    expect(formatWaiting(-5_000)).toBe('00:00');
  });
});
