/**
 * Every time the console shows is in the centre's time zone (a server setting, default
 * Europe/Stockholm), 24-hour, whatever the browser's own zone is. `setCentreTimeZone` is
 * called once the server's settings are loaded.
 */
let timeZone = 'Europe/Stockholm';
let formatters = makeFormatters(timeZone);

function makeFormatters(zone: string) {
  const base = { timeZone: zone, hourCycle: 'h23' } as const;
  return {
    dateTime: new Intl.DateTimeFormat('sv-SE', {
      ...base,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
    dateTimeShort: new Intl.DateTimeFormat('sv-SE', {
      ...base,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }),
    time: new Intl.DateTimeFormat('sv-SE', { ...base, hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    timeShort: new Intl.DateTimeFormat('sv-SE', { ...base, hour: '2-digit', minute: '2-digit' }),
    date: new Intl.DateTimeFormat('sv-SE', { ...base, year: 'numeric', month: '2-digit', day: '2-digit' }),
  };
}

export function setCentreTimeZone(zone: string): void {
  try {
    formatters = makeFormatters(zone);
    timeZone = zone;
  } catch {
    // An unknown zone keeps the one in use.
  }
}

export function centreTimeZone(): string {
  return timeZone;
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

type Style = keyof ReturnType<typeof makeFormatters>;

function format(value: string | number | Date | null | undefined, style: Style): string {
  if (value === null || value === undefined || value === '') return '';
  const date = toDate(value);
  return date ? formatters[style].format(date) : String(value);
}

/** 2026-12-01 21:43:05 */
export const formatDateTime = (value: string | number | Date | null | undefined) => format(value, 'dateTime');
/** 2026-12-01 21:43 */
export const formatDateTimeShort = (value: string | number | Date | null | undefined) => format(value, 'dateTimeShort');
/** 21:43:05 */
export const formatTime = (value: string | number | Date | null | undefined) => format(value, 'time');
/** 21:43 */
export const formatTimeShort = (value: string | number | Date | null | undefined) => format(value, 'timeShort');
/** 2026-12-01 */
export const formatDate = (value: string | number | Date | null | undefined) => format(value, 'date');

/** "21:43" for today (in the centre's zone), "2026-11-27 21:43" for another day. */
export function formatWhen(value: string | number | Date, now: Date = new Date()): string {
  const when = formatDateTimeShort(value);
  return when.slice(0, 10) === formatDate(now) ? when.slice(11) : when;
}

/** Today in the centre's zone, YYYY-MM-DD (a person's validity, a request date). */
export function centreToday(now: Date = new Date()): string {
  return formatDate(now);
}

/** "2026-12-01T21:43": a `datetime-local` input's value for the instant, in the centre's zone. */
export function toCentreInput(value: Date | string | number): string {
  const text = formatDateTimeShort(value);
  return text ? text.replace(' ', 'T') : '';
}

/** Minutes the centre's zone is ahead of UTC at `ms`. */
function offsetMinutes(ms: number): number {
  const wall = formatDateTime(ms); // "2026-12-01 21:43:05"
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(wall);
  if (!match) return 0;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const asUtc = Date.UTC(y!, mo! - 1, d!, h! % 24, mi!, s!);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * A `datetime-local` input's value ("2026-12-01T21:43"), read as the centre's wall-clock time,
 * as an ISO instant; the text as it is when it is not a date and time.
 */
export function centreInputToIso(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [, y, mo, d, h, mi, s] = match.map((part) => Number(part ?? 0)) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  // The offset at the wall time read as UTC, then again at the instant found (DST changes).
  let instant = wall - offsetMinutes(wall) * 60_000;
  instant = wall - offsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}
