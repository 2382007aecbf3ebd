import { describe, expect, it } from 'vitest';
import { WEEKS_SHOWN, weeksToShow } from './weeks-to-show';

const member = { name: 'Anna', phone: '+46701111111' };
const roster = (rotationStart: string, swapWeeks: string[] = []) => ({
  rotationStart,
  members: [member],
  swaps: swapWeeks.map((weekStart) => ({ weekStart, standIn: member })),
});

describe('weeksToShow', () => {
  it('starts at the current week, or at the rotation start when that is later', () => {
    expect(weeksToShow(roster('2026-01-05'), '2026-11-09')).toEqual({ from: '2026-11-09', count: WEEKS_SHOWN });
    expect(weeksToShow(roster('2027-01-04'), '2026-11-09')).toEqual({ from: '2027-01-04', count: WEEKS_SHOWN });
  });

  it('reaches the last swap still to come, up to two years, and adds the weeks asked for', () => {
    expect(weeksToShow(roster('2026-01-05', ['2026-11-02', '2027-03-01']), '2026-11-09')).toEqual({
      from: '2026-11-09',
      count: 17,
    });
    expect(weeksToShow(roster('2026-01-05', ['2036-03-03']), '2026-11-09').count).toBe(104);
    expect(weeksToShow(roster('2026-01-05'), '2026-11-09', 12).count).toBe(24);
  });
});
