import { z } from 'zod';

/**
 * The rules for every text and number that enters from outside (HTTP bodies, query strings, path
 * parameters, import files), in one place so each schema states them the same way:
 *
 * - text is valid Unicode (no lone surrogate such as "\ud800", which PostgreSQL would store as
 *   U+FFFD or refuse) and holds no control character but tab, line feed and carriage return
 *   (NUL is refused by PostgreSQL's text type; the others are never typed by a person and only
 *   serve to spoof logs and screens);
 * - every text has a length limit, a default one when the schema names none;
 * - every number is an integer within what its PostgreSQL column holds (int4 unless said), and
 *   an id is a uuid or a bounded string of digits (bigint ids).
 */

/** Longest text any field takes when its schema gives no tighter limit. */
export const TEXT_MAX_DEFAULT = 10_000;

/** int4 (PostgreSQL `integer`). */
export const PG_INT_MAX = 2_147_483_647;
/** int8 (PostgreSQL `bigint`, `bigserial`). */
export const PG_BIGINT_MAX = 9_223_372_036_854_775_807n;

// C0 controls but TAB (09), LF (0A) and CR (0D); DEL; C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// With the u flag a surrogate pair is one code point, so only a lone surrogate matches.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a text may not be stored as it is, or null when it may. */
export function unsafeTextReason(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  const control = CONTROL.exec(value);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `must not contain control characters (found U+${code})`;
  }
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it contains a lone surrogate)';
  return null;
}

/**
 * Use instead of `z.string()` for any text from outside. The checks run on the text as received
 * (before a later `.trim()`), and a tighter `.max()` may follow.
 */
export function safeString(message?: string): z.ZodString {
  return z
    .string(message)
    .max(TEXT_MAX_DEFAULT, `must be at most ${TEXT_MAX_DEFAULT} characters`)
    .superRefine((value, ctx) => {
      const reason = unsafeTextReason(value);
      if (reason) ctx.addIssue({ code: 'custom', message: reason, input: value, abort: true });
    });
}

/** An integer within [min, max], both inside int4 unless the column is bigger. */
export function boundedInt(min: number, max: number): z.ZodNumber {
  return z
    .number()
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/** An integer from a query string (`?limit=20`) within [min, max]. */
export function queryInt(min: number, max: number): z.ZodCoercedNumber<unknown> {
  return z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/** A page number of a list: enough pages for any list, small enough that the offset stays an int8. */
export const PAGE_MAX = 1_000_000;

/** A positive bigint id from a query string (`?before=123`): digits only, at most int8. */
export const queryBigintId = z
  .string('must be a positive whole number')
  .regex(/^[0-9]{1,19}$/, 'must be a positive whole number of at most 19 digits')
  .transform((value) => BigInt(value))
  .refine((value) => value > 0n && value <= PG_BIGINT_MAX, `must be between 1 and ${PG_BIGINT_MAX}`);

/**
 * The first text somewhere in `value` (objects and arrays, keys included) that breaks the rules
 * above, with its path, or null. The HTTP validation pipe runs this as a last net behind the
 * schemas, so a schema that forgot `safeString` still cannot send such text to PostgreSQL.
 */
export function findUnsafeText(
  value: unknown,
  path: string[] = [],
  depth = 0,
): { path: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? { path: path.join('.'), reason } : null;
  }
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnsafeText(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return null;
  for (const [key, item] of Object.entries(value)) {
    const keyReason = unsafeTextReason(key);
    if (keyReason) return { path: [...path, '(key)'].join('.'), reason: `keys ${keyReason}` };
    const found = findUnsafeText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The instants an input may name: PostgreSQL stores no year 0, and nothing here is older than 2000. */
const INSTANT_MIN = Date.UTC(2000, 0, 1);
const INSTANT_MAX = Date.UTC(10_000, 0, 1);

/** An ISO 8601 instant with an offset, in the years 2000–9999 (a clear 400 for anything else). */
export function instantInput() {
  return z.iso
    .datetime({ offset: true, message: 'must be a date and time, e.g. 2026-11-22T14:00:00Z' })
    .refine(
      (value) => Date.parse(value) >= INSTANT_MIN && Date.parse(value) < INSTANT_MAX,
      'must be between the years 2000 and 9999',
    );
}
