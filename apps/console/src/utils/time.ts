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
