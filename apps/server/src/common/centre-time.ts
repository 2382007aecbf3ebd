/**
 * The centre's time zone (CENTRE_TIME_ZONE, default Europe/Stockholm) for the few texts the server
 * writes with a time in them (refusals, call notes, decision reasons stored with a signal). The
 * console formats every timestamp it gets as data itself; a time inside a text names its zone.
 * Set once at startup from the configuration (startServer).
 */
let zone = 'Europe/Stockholm';
let minuteFormat = makeFormat(zone);

function makeFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function setCentreTimeZone(timeZone: string): void {
  minuteFormat = makeFormat(timeZone);
  zone = timeZone;
}

export function centreTimeZone(): string {
  return zone;
}

/** "2026-12-01 22:43" in the centre's zone, 24-hour. */
export function centreMinute(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  const parts = Object.fromEntries(minuteFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** "2026-12-01 22:43 (Europe/Stockholm)": a time inside a text, with its zone named. */
export function centreMinuteNamed(value: Date | string): string {
  return `${centreMinute(value)} (${zone})`;
}

/** "22:43 (Europe/Stockholm)" when `value` is today in the centre's zone, else with the date. */
export function centreWhenNamed(value: Date | string, now: Date = new Date()): string {
  const when = centreMinute(value);
  const today = centreMinute(now).slice(0, 10);
  return `${when.slice(0, 10) === today ? when.slice(11) : when} (${zone})`;
}
