import { daysBetween, mondayOf, type Rotation } from '@arc/shared/directory';

/** Weeks a roster shows at first, from the current week (or the rotation's first, if later). */
export const WEEKS_SHOWN = 12;
/** However far ahead swaps are, the table stops after this many weeks (more on request). */
const MAX_WEEKS = 104;

/**
 * The first Monday and the number of weeks the rotation table shows: from the week in force (or
 * the rotation's first week when it starts later), at least WEEKS_SHOWN plus `extra` weeks, and
 * far enough to show every swap still to come.
 */
export function weeksToShow(roster: Rotation, currentWeek: string, extra = 0): { from: string; count: number } {
  const start = mondayOf(roster.rotationStart);
  const from = start > currentWeek ? start : currentWeek;
  const lastSwap = roster.swaps.reduce<string | null>(
    (last, s) => (!last || s.weekStart > last ? s.weekStart : last),
    null,
  );
  const toLastSwap = lastSwap && lastSwap >= from ? daysBetween(from, lastSwap) / 7 + 1 : 0;
  const count = Math.max(WEEKS_SHOWN, Math.min(toLastSwap, MAX_WEEKS)) + extra;
  return { from, count };
}
