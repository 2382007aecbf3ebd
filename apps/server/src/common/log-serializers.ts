import { stdSerializers } from 'pino';

/**
 * Properties that carry the values of a failed query rather than the error: TypeORM's
 * QueryFailedError has `parameters` (for the signal writer, every raw frame of a batch) and a
 * copy of the driver's error, whose `detail` and `where` quote rows and keys ("Failing row
 * contains (…)", "Key (account)=(…)"). They are dropped wherever they are in an error.
 */
const VALUE_KEYS = new Set(['parameters', 'driverError', 'detail', 'where', 'internalQuery']);
const QUERY_LENGTH = 300;
const MAX_DEPTH = 6;
/** Shorter parameter values are not worth hiding and would mangle the message. */
const MIN_HIDDEN_LENGTH = 4;
const MAX_HIDDEN_VALUES = 5000;
const HIDDEN = '[value]';

/**
 * pino's error serializer without the values of a failed query: its SQL (with `$n`
 * placeholders, shortened), SQLSTATE, table and constraint stay, so the log says what failed
 * and where; no parameter, row or key reaches it. A parameter that PostgreSQL quotes in its
 * message ("invalid input syntax for type uuid: "…"") is replaced there by `[value]`. Used for
 * every log line of the server: nestjs-pino and pino-http pass errors to the `err` serializer.
 */
export function errorWithoutValues(error: unknown): unknown {
  // pino-http hands over what pino's own serializer made of the error (the error itself is
  // its non-enumerable `raw`); pino hands over the error.
  const raw = (error as { raw?: unknown } | null)?.raw;
  const original = error instanceof Error ? error : raw instanceof Error ? raw : error;
  const serialized = original instanceof Error ? stdSerializers.err(original) : original;
  const hidden = new Set<string>();
  collectParameters(original, hidden, 0);
  return withoutValues(serialized, [...hidden], 0);
}

function withoutValues(value: unknown, hidden: string[], depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (Buffer.isBuffer(value) || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => withoutValues(item, hidden, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (VALUE_KEYS.has(key)) continue;
    if (typeof item === 'string') copy[key] = key === 'query' ? shortened(item) : hideInMessage(key, item, hidden);
    else copy[key] = withoutValues(item, hidden, depth + 1);
  }
  return copy;
}

function shortened(query: string): string {
  return query.length > QUERY_LENGTH ? `${query.slice(0, QUERY_LENGTH)}…` : query;
}

/** Hides parameter values in the message, and in the message lines of the stack (not its `at` lines). */
function hideInMessage(key: string, text: string, hidden: string[]): string {
  if (hidden.length === 0 || (key !== 'message' && key !== 'stack')) return text;
  const hide = (line: string) => {
    let result = line;
    for (const value of hidden) if (result.includes(value)) result = result.split(value).join(HIDDEN);
    return result;
  };
  if (key === 'message') return hide(text);
  return text
    .split('\n')
    .map((line) => (/^\s+at /.test(line) ? line : hide(line)))
    .join('\n');
}

/** The string parameters of an error and of the errors it wraps (arrays flattened). */
function collectParameters(error: unknown, into: Set<string>, depth: number): void {
  if (typeof error !== 'object' || error === null || depth > 3) return;
  const { parameters, cause, driverError } = error as { parameters?: unknown; cause?: unknown; driverError?: unknown };
  addStrings(parameters, into, 0);
  collectParameters(cause, into, depth + 1);
  collectParameters(driverError, into, depth + 1);
}

function addStrings(value: unknown, into: Set<string>, depth: number): void {
  if (into.size >= MAX_HIDDEN_VALUES || depth > 3) return;
  if (typeof value === 'string') {
    if (value.length >= MIN_HIDDEN_LENGTH) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) addStrings(item, into, depth + 1);
  }
}

/**
 * pino takes the message of a line logged with only an error from the error itself, before any
 * serializer runs; this hook gives it the message without values instead.
 */
export function messageWithoutValues(
  this: unknown,
  args: [unknown, ...unknown[]],
  method: (...args: unknown[]) => void,
): void {
  const [first, ...rest] = args;
  const err =
    first instanceof Error
      ? first
      : typeof first === 'object' && first !== null
        ? (first as { err?: unknown }).err
        : undefined;
  // Nest's logger passes an undefined stack after the error: no message either.
  if (rest[0] === undefined && err instanceof Error) {
    const { message } = errorWithoutValues(err) as { message?: unknown };
    const safe = typeof message === 'string' ? message : err.name;
    method.apply(this, [first === err ? { err } : first, safe, ...rest.slice(1)]);
    return;
  }
  method.apply(this, args);
}
