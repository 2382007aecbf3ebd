/**
 * Calendar days and weeks as the centre counts them: a week starts on Monday 00:00 in the centre's
 * time zone (docs/glossary.md: "weeks start on Monday"), not in UTC. Days are plain calendar dates
 * (YYYY-MM-DD) and their arithmetic needs no time zone; only "which day is it now" does. So a week
 * is not always 168 hours long: the week with a daylight-saving change has 167 or 169.
 */

const DAY_MS = 86_400_000;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let found = dayFormats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, found);
  }
  return found;
}

/** The calendar date of `instant` in `timeZone` (an IANA name), YYYY-MM-DD. */
export function dateInZone(instant: Date, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date; NaN when it is not a real date. */
function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return Number.NaN;
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  return fromDayNumber(n) === date ? n : Number.NaN;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  return !Number.isNaN(dayNumber(date));
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 for Monday … 7 for Sunday. */
export function isoWeekday(date: string): number {
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function isMonday(date: string): boolean {
  return isCalendarDate(date) && isoWeekday(date) === 1;
}

/** The Monday that starts the week of `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The ISO 8601 week of `date`: its number (1–53) and the year it belongs to (2027-01-01 is week 53 of 2026). */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1 };
}

/** The Monday of the week in force at `now` in `timeZone`: weeks change at Monday 00:00 local time. */
export function weekStartAt(now: Date, timeZone: string): string {
  return mondayOf(dateInZone(now, timeZone));
}
