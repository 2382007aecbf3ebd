import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateInZone,
  daysBetween,
  isCalendarDate,
  isMonday,
  isoWeekOf,
  mondayOf,
  weekStartAt,
} from './calendar-week.js';
import {
  OnCallRosterInputSchema,
  OnCallSwapInputSchema,
  onCallNow,
  onCallWeek,
  rotationWeeks,
  swapProblem,
  swapProblemText,
  type Rotation,
} from './directory.js';

const STOCKHOLM = 'Europe/Stockholm';
const at = (iso: string) => new Date(iso);
const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;

const A = { name: 'Anna', phone: '+46701111111' };
const B = { name: 'Bertil', phone: '+46702222222' };
const C = { name: 'Cecilia', phone: '+46703333333' };

/** Three members from Monday 16 March 2026: the weeks of 23 March and 19 October have a DST change. */
const spring: Rotation = { rotationStart: '2026-03-16', members: [A, B, C], swaps: [] };

describe('calendar weeks', () => {
  it('reads the calendar date in the given zone, not in UTC', () => {
    expect(dateInZone(at('2026-11-08T23:30:00Z'), STOCKHOLM)).toBe('2026-11-09');
    expect(dateInZone(at('2026-11-08T23:30:00Z'), 'UTC')).toBe('2026-11-08');
    expect(dateInZone(at('2026-11-09T03:00:00Z'), 'America/New_York')).toBe('2026-11-08');
  });

  it('does day arithmetic on calendar dates, whatever the clocks do', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-16', '2026-10-19')).toBe(217);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it('starts weeks on Monday and numbers them as ISO 8601 does', () => {
    expect(isMonday('2026-11-02')).toBe(true);
    expect(isMonday('2026-11-03')).toBe(false);
    expect(isMonday('not a date')).toBe(false);
    expect(mondayOf('2026-11-08')).toBe('2026-11-02'); // a Sunday belongs to the week before
    expect(mondayOf('2026-11-09')).toBe('2026-11-09');
    expect(isoWeekOf('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2026-12-28')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });

  it('changes the week at Monday 00:00 in the zone', () => {
    expect(weekStartAt(at('2026-11-08T22:59:59.999Z'), STOCKHOLM)).toBe('2026-11-02');
    expect(weekStartAt(at('2026-11-08T23:00:00.000Z'), STOCKHOLM)).toBe('2026-11-09');
  });
});

describe('onCallNow in the centre time zone', () => {
  it('hands over at Monday 00:00 local time (23:00 UTC in winter), not at midnight UTC', () => {
    const roster: Rotation = { rotationStart: '2026-11-02', members: [A, B], swaps: [] };
    expect(onCallNow(roster, at('2026-11-01T22:59:59.999Z'), STOCKHOLM)).toBeNull(); // Sunday before the start
    expect(onCallNow(roster, at('2026-11-01T23:00:00.000Z'), STOCKHOLM)).toEqual(A); // Monday 00:00 CET
    expect(onCallNow(roster, at('2026-11-08T22:59:59.999Z'), STOCKHOLM)).toEqual(A); // Sunday 23:59:59.999
    expect(onCallNow(roster, at('2026-11-08T23:00:00.000Z'), STOCKHOLM)).toEqual(B); // Monday 00:00
    // 00:30 on Monday in Stockholm is still Sunday in UTC: the old UTC count said A.
    expect(onCallNow(roster, at('2026-11-08T23:30:00Z'), STOCKHOLM)).toEqual(B);
    expect(onCallNow(roster, at('2026-11-08T23:30:00Z'), 'UTC')).toEqual(A);
  });

  it('hands over at 22:00 UTC in summer, so the week of the spring change is 167 hours', () => {
    // Monday 23 March 00:00 CET = 22 March 23:00Z; Monday 30 March 00:00 CEST = 29 March 22:00Z.
    expect(onCallNow(spring, at('2026-03-22T22:59:59.999Z'), STOCKHOLM)).toEqual(A);
    expect(onCallNow(spring, at('2026-03-22T23:00:00.000Z'), STOCKHOLM)).toEqual(B);
    expect(onCallNow(spring, at('2026-03-29T00:59:59Z'), STOCKHOLM)).toEqual(B); // 01:59:59 CET, before the change
    expect(onCallNow(spring, at('2026-03-29T01:00:00Z'), STOCKHOLM)).toEqual(B); // 03:00 CEST, after it
    expect(onCallNow(spring, at('2026-03-29T21:59:59.999Z'), STOCKHOLM)).toEqual(B);
    expect(onCallNow(spring, at('2026-03-29T22:00:00.000Z'), STOCKHOLM)).toEqual(C);
    expect(hours('2026-03-22T23:00:00Z', '2026-03-29T22:00:00Z')).toBe(167);
  });

  it('keeps the same member through the repeated hour, so the week of the autumn change is 169 hours', () => {
    // Week 31 after the start (19 October) is B's; Monday 00:00 CEST = 18 Oct 22:00Z, CET = 25 Oct 23:00Z.
    expect(onCallNow(spring, at('2026-10-18T21:59:59.999Z'), STOCKHOLM)).toEqual(A);
    expect(onCallNow(spring, at('2026-10-18T22:00:00.000Z'), STOCKHOLM)).toEqual(B);
    expect(onCallNow(spring, at('2026-10-25T00:30:00Z'), STOCKHOLM)).toEqual(B); // 02:30 CEST
    expect(onCallNow(spring, at('2026-10-25T01:30:00Z'), STOCKHOLM)).toEqual(B); // 02:30 CET, the same hour again
    expect(onCallNow(spring, at('2026-10-25T22:59:59.999Z'), STOCKHOLM)).toEqual(B);
    expect(onCallNow(spring, at('2026-10-25T23:00:00.000Z'), STOCKHOLM)).toEqual(C);
    expect(hours('2026-10-18T22:00:00Z', '2026-10-25T23:00:00Z')).toBe(169);
  });

  it('uses the zone it is given', () => {
    const roster: Rotation = { rotationStart: '2026-11-02', members: [A, B], swaps: [] };
    // 03:00 UTC on Monday: 04:00 Monday in Stockholm, 22:00 Sunday in New York.
    expect(onCallNow(roster, at('2026-11-09T03:00:00Z'), STOCKHOLM)).toEqual(B);
    expect(onCallNow(roster, at('2026-11-09T03:00:00Z'), 'America/New_York')).toEqual(A);
    expect(onCallNow(roster, at('2026-11-09T05:00:00Z'), 'America/New_York')).toEqual(B);
  });
});

describe('swaps', () => {
  const outsider = { name: 'Vikarie Vik', phone: '+46709999999' };
  const swapped: Rotation = {
    ...spring,
    swaps: [
      { weekStart: '2026-03-30', standIn: outsider },
      { weekStart: '2026-04-06', standIn: B },
    ],
  };

  it('gives a swapped week to the stand-in from Monday 00:00 local to the next Monday 00:00', () => {
    expect(onCallNow(swapped, at('2026-03-29T21:59:59.999Z'), STOCKHOLM)).toEqual(B);
    expect(onCallNow(swapped, at('2026-03-29T22:00:00.000Z'), STOCKHOLM)).toEqual(outsider); // C's week, swapped
    expect(onCallNow(swapped, at('2026-04-05T21:59:59.999Z'), STOCKHOLM)).toEqual(outsider);
    expect(onCallNow(swapped, at('2026-04-05T22:00:00.000Z'), STOCKHOLM)).toEqual(B); // A's week, to B
    expect(onCallNow(swapped, at('2026-04-12T22:00:00.000Z'), STOCKHOLM)).toEqual(B); // B's own week again
  });

  it('lists the weeks with who the rotation gives each, the swap and who is on call', () => {
    const weeks = rotationWeeks(swapped, '2026-03-25', 4);
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13']);
    expect(weeks.map((w) => w.isoWeek.week)).toEqual([13, 14, 15, 16]);
    expect(weeks.map((w) => w.scheduled?.member.name)).toEqual(['Bertil', 'Cecilia', 'Anna', 'Bertil']);
    expect(weeks.map((w) => w.onCall?.name)).toEqual(['Bertil', 'Vikarie Vik', 'Bertil', 'Bertil']);
    expect(weeks.map((w) => w.swap !== null)).toEqual([false, true, true, false]);
    expect(onCallWeek(swapped, '2026-03-09').scheduled).toBeNull(); // before the start
  });

  it('refuses a week that is not a Monday, before the rotation, or swapped already', () => {
    const outside = { kind: 'OUTSIDE' } as const;
    expect(swapProblem(swapped, { weekStart: '2026-04-14', takenBy: outside })).toEqual({
      field: 'weekStart',
      code: 'NOT_MONDAY',
    });
    expect(swapProblem(swapped, { weekStart: '2026-03-09', takenBy: outside })).toEqual({
      field: 'weekStart',
      code: 'BEFORE_ROTATION',
      rotationStart: '2026-03-16',
    });
    expect(swapProblem(swapped, { weekStart: '2026-03-30', takenBy: outside })?.code).toBe('ALREADY_SWAPPED');
    expect(swapProblem(swapped, { weekStart: '2026-03-16', takenBy: outside })).toBeNull(); // the first week
    expect(swapProblem(swapped, { weekStart: '2027-03-15', takenBy: outside })).toBeNull();
  });

  it('refuses a member who does not exist or already has that week', () => {
    expect(swapProblem(spring, { weekStart: '2026-03-23', takenBy: { kind: 'MEMBER', memberIndex: 3 } })?.code).toBe(
      'NO_SUCH_MEMBER',
    );
    const own = swapProblem(spring, { weekStart: '2026-03-23', takenBy: { kind: 'MEMBER', memberIndex: 1 } });
    expect(own).toEqual({ field: 'takenBy.memberIndex', code: 'HAS_THE_WEEK', name: 'Bertil' });
    expect(swapProblemText(own!)).toBe('Bertil has that week already');
    expect(swapProblem(spring, { weekStart: '2026-03-23', takenBy: { kind: 'MEMBER', memberIndex: 2 } })).toBeNull();
  });

  it('validates the swap and roster bodies: Mondays only, a member by position or an outsider with a phone', () => {
    expect(
      OnCallSwapInputSchema.safeParse({ weekStart: '2026-03-24', takenBy: { kind: 'MEMBER', memberIndex: 0 } }).success,
    ).toBe(false);
    expect(
      OnCallSwapInputSchema.safeParse({ weekStart: '2026-03-23', takenBy: { kind: 'MEMBER', memberIndex: 0 } }).success,
    ).toBe(true);
    const outside = OnCallSwapInputSchema.safeParse({
      weekStart: '2026-03-23',
      takenBy: { kind: 'OUTSIDE', name: ' Vik ', phone: '070-999 99 99' },
    });
    expect(outside.data?.takenBy).toEqual({ kind: 'OUTSIDE', name: 'Vik', phone: '+46709999999' });
    expect(
      OnCallSwapInputSchema.safeParse({ weekStart: '2026-03-23', takenBy: { kind: 'OUTSIDE', name: 'Vik' } }).success,
    ).toBe(false);
    const member = { name: 'Anna', phone: '070-111 11 11' };
    expect(
      OnCallRosterInputSchema.safeParse({ name: 'Jour', rotationStart: '2026-03-17', members: [member] }).success,
    ).toBe(false);
    expect(
      OnCallRosterInputSchema.safeParse({ name: 'Jour', rotationStart: '2026-03-16', members: [member] }).success,
    ).toBe(true);
  });
});
