const TIMESTAMP = /^_(\d{2}):(\d{2}):(\d{2}),(\d{2})-(\d{2})-(\d{4})$/;

const two = (n: number): string => String(n).padStart(2, '0');

/** `_HH:MM:SS,MM-DD-YYYY` in UTC, as DC-09 writes times. */
export function formatDc09Timestamp(date: Date): string {
  return (
    `_${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())},` +
    `${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}-${date.getUTCFullYear()}`
  );
}

/** Parses a DC-09 timestamp (UTC); null when it is not a real date and time. */
export function parseDc09Timestamp(text: string): Date | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, hh, mi, ss, mm, dd, yyyy] = match.map(Number) as number[];
  if (hh! > 23 || mi! > 59 || ss! > 59 || mm! < 1 || mm! > 12 || dd! < 1 || dd! > 31) return null;
  const date = new Date(Date.UTC(yyyy!, mm! - 1, dd!, hh!, mi!, ss!));
  return date.getUTCDate() === dd ? date : null;
}
