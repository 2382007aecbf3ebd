import { centreInputToIso, toCentreInput } from '../../../utils/time';
/**
 * `<input type="datetime-local">` speaks wall-clock time without a zone; the API wants an
 * instant with an offset. These convert between the two in the centre's time zone (not the
 * browser's): the operator reads and types the centre's time everywhere.
 */

/** "2026-05-04T14:00" (centre time, Europe/Stockholm) → "2026-05-04T12:00:00.000Z"; '' or garbage → ''. */
export function localInputToIso(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '';
  const iso = centreInputToIso(value);
  return Number.isNaN(Date.parse(iso)) ? '' : iso;
}

/** A Date as the value of a datetime-local input (minutes precision, centre time). */
export function toLocalInput(date: Date): string {
  return toCentreInput(date);
}

/** The next whole hour after `now`, `plusHours` on (whole in UTC, so in the centre's zone too). */
export function wholeHourFrom(now: Date, plusHours: number): Date {
  const t = new Date(now.getTime());
  t.setUTCMinutes(0, 0, 0);
  t.setUTCHours(t.getUTCHours() + 1 + plusHours);
  return t;
}
