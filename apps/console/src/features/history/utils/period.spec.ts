import { describe, expect, it } from 'vitest';
import { centreDayStart } from './period';

describe('centreDayStart', () => {
  it('gives the start of a day in the centre zone, in winter and summer time', () => {
    expect(centreDayStart('2026-01-15', 0, 'Europe/Stockholm')?.toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(centreDayStart('2026-07-15', 0, 'Europe/Stockholm')?.toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(centreDayStart('2026-12-31', 1, 'Europe/Stockholm')?.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(centreDayStart('2026-07-15', 0, 'UTC')?.toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    // 29 March 2026: 02:00 becomes 03:00; the day still starts at 00:00 (UTC+1).
    expect(centreDayStart('2026-03-29', 0, 'Europe/Stockholm')?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(centreDayStart('2026-03-29', 1, 'Europe/Stockholm')?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(centreDayStart('2026-10-25', 1, 'Europe/Stockholm')?.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('refuses what is not a day', () => {
    expect(centreDayStart('yesterday')).toBeNull();
    expect(centreDayStart('')).toBeNull();
  });
});
