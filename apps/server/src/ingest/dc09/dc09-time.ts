const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `_HH:MM:SS,MM-DD-YYYY` in UTC, as DC-09 writes times. */
export function formatDc09Timestamp(date: Date): string {
  return (
    `_${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())},` +
    `${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}-${date.getUTCFullYear()}`
  );
}

const TIMESTAMP_LENGTH = 20;

/** `_HH:MM:SS,MM-DD-YYYY`: the separators in their places (the digits are read below). */
function hasSeparators(text: string): boolean {
  return (
    text.length === TIMESTAMP_LENGTH &&
    text.charCodeAt(0) === 0x5f && // _
    text.charCodeAt(3) === 0x3a && // :
    text.charCodeAt(6) === 0x3a &&
    text.charCodeAt(9) === 0x2c && // ,
    text.charCodeAt(12) === 0x2d && // -
    text.charCodeAt(15) === 0x2d
  );
}

/** The number written by the digits at [start, end), or -1 when one of them is not 0–9. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i) - 0x30;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Parses a DC-09 timestamp (UTC); null when it is not a real date and time. */
export function parseDc09Timestamp(text: string): Date | null {
  if (!hasSeparators(text)) return null;
  const hh = digits(text, 1, 3);
  const mi = digits(text, 4, 6);
  const ss = digits(text, 7, 9);
  const mm = digits(text, 10, 12);
  const dd = digits(text, 13, 15);
  const yyyy = digits(text, 16, 20);
  if (hh < 0 || mi < 0 || ss < 0 || mm < 0 || dd < 0 || yyyy < 0) return null;
  if (hh > 23 || mi > 59 || ss > 59 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  const date = new Date(Date.UTC(yyyy, mm - 1, dd, hh, mi, ss));
  return date.getUTCDate() === dd ? date : null;
}
