import { describe, expect, it } from 'vitest';
import { byEnd, lapseCounts, lapseStatus } from './lapse-status';

const TODAY = '2026-11-20';
const period = (validFrom: string | null, validTo: string | null) => ({ validFrom, validTo });

describe('lapseStatus', () => {
  it('warns within 30 days, counting the last day as valid', () => {
    expect(lapseStatus(period(null, '2026-12-02'), TODAY)).toEqual({
      kind: 'expiring',
      until: '2026-12-02',
      daysLeft: 12,
    });
    expect(lapseStatus(period(null, TODAY), TODAY)).toEqual({ kind: 'expiring', until: TODAY, daysLeft: 0 });
    expect(lapseStatus(period(null, '2026-12-20'), TODAY)).toEqual({
      kind: 'expiring',
      until: '2026-12-20',
      daysLeft: 30,
    });
    expect(lapseStatus(period(null, '2026-12-21'), TODAY)).toEqual({
      kind: 'valid',
      until: '2026-12-21',
      daysLeft: 31,
    });
  });

  it('marks a period that ended before today as lapsed', () => {
    expect(lapseStatus(period('2025-01-01', '2026-11-19'), TODAY)).toEqual({
      kind: 'expired',
      until: '2026-11-19',
      daysAgo: 1,
    });
    expect(lapseStatus(period(null, '2026-10-31'), TODAY)).toEqual({
      kind: 'expired',
      until: '2026-10-31',
      daysAgo: 20,
    });
  });

  it('tells an open-ended period and one that has not started', () => {
    expect(lapseStatus(period(null, null), TODAY)).toEqual({ kind: 'open' });
    expect(lapseStatus(period('2026-01-01', null), TODAY)).toEqual({ kind: 'open' });
    expect(lapseStatus(period('2026-12-01', '2027-12-01'), TODAY)).toEqual({
      kind: 'notYetValid',
      from: '2026-12-01',
      daysUntil: 11,
    });
  });

  it('counts across a month and a year end, and takes another warning limit', () => {
    expect(lapseStatus(period(null, '2027-01-05'), '2026-12-30')).toMatchObject({ kind: 'expiring', daysLeft: 6 });
    expect(lapseStatus(period(null, '2026-12-02'), TODAY, 7)).toMatchObject({ kind: 'valid', daysLeft: 12 });
  });

  it('counts what needs attention and sorts the soonest end first', () => {
    const periods = [
      period(null, '2027-06-01'),
      period(null, '2026-12-01'),
      period(null, '2026-11-01'),
      period(null, null),
    ];
    expect(lapseCounts(periods, TODAY)).toEqual({ expiring: 1, expired: 1 });
    expect([...periods].sort(byEnd).map((p) => p.validTo)).toEqual(['2026-11-01', '2026-12-01', '2027-06-01', null]);
  });
});
