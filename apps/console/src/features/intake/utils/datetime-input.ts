/**
 * `<input type="datetime-local">` speaks local wall-clock time without a zone; the API wants an
 * instant with an offset. These convert between the two in the operator's time zone.
 */

/** "2026-05-04T14:00" (local) → "2026-05-04T12:00:00.000Z"; '' or garbage → ''. */
export function localInputToIso(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** A Date as the value of a datetime-local input (minutes precision, local time). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The next whole hour after `now`, `plusHours` on. */
export function wholeHourFrom(now: Date, plusHours: number): Date {
  const t = new Date(now.getTime());
  t.setMinutes(0, 0, 0);
  t.setHours(t.getHours() + 1 + plusHours);
  return t;
}
