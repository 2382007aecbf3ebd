import { currentLocale, intlTag } from './locale';

/**
 * Numbers and sorting in the user's language: "1 234,5" and å ä ö after z in Swedish, "1,234.5"
 * in English. Times and dates stay ISO and 24-hour in both (utils/time.ts): the centre's logs,
 * the police and the customers' reports all read them that way.
 */
const collators = new Map<string, Intl.Collator>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function collator(): Intl.Collator {
  const tag = intlTag(currentLocale());
  let found = collators.get(tag);
  if (!found) {
    found = new Intl.Collator(tag, { sensitivity: 'base', numeric: true });
    collators.set(tag, found);
  }
  return found;
}

/** Compares two texts as the user's language sorts them (for Array.prototype.sort). */
export function compareText(a: string, b: string): number {
  return collator().compare(a, b);
}

/** A copy of `items` sorted by `text` in the user's language. */
export function sortByText<T>(items: readonly T[], text: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareText(text(a), text(b)));
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const tag = intlTag(currentLocale());
  const key = `${tag}|${JSON.stringify(options)}`;
  let found = numberFormats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(tag, options);
    numberFormats.set(key, found);
  }
  return found.format(value);
}

/** "måndag 7 december" / "Monday 7 December": a day named in words, in the given time zone. */
export function formatDayInWords(value: Date | string, timeZone: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(intlTag(currentLocale()), {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(date);
}
