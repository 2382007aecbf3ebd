import { createHash } from 'node:crypto';

/** The fields of a signal to be stored that these functions touch (the writer's NewSignal). */
export interface StorableFields {
  raw: string;
  account: string;
  code: string;
  zone: string | null;
  area: string | null;
  text: string | null;
  occurredAt: Date | null;
  dedupKey: string | null;
  sequence?: string | null;
  xdata?: string[] | null;
}

/**
 * What the signal writer does to a signal before PostgreSQL sees it, so that whatever bytes a
 * panel (or an HTTP client) sent, the row can be stored. Pure functions: the writer's safety
 * net is tested without a database, and the integration tests check PostgreSQL agrees.
 *
 * The rule for text columns: control characters other than TAB, LF and CR (U+0000–U+001F,
 * U+007F–U+009F) and unpaired UTF-16 surrogates become U+FFFD. PostgreSQL refuses U+0000 in
 * `text` (SQLSTATE 22021), and node-postgres would silently turn a lone surrogate into U+FFFD
 * anyway; the other controls are replaced so that no stored text carries invisible bytes into
 * a console, a report or a log. The DC-09 frame itself is kept byte for byte in `raw_bytes`.
 */

const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
const REPLACEMENT = '\uFFFD';

/** Text with the characters PostgreSQL or a reader cannot take replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSAFE_ALL, REPLACEMENT);
}

function storableOrNull(text: string | null): string | null {
  return text === null ? null : storableText(text);
}

/**
 * A de-duplication key cannot be sanitised like text: two different keys would become the same
 * one and the second alarm would be taken for a retransmission of the first. A key with unsafe
 * characters is replaced by a hash of all its UTF-16 code units (so lone surrogates count too).
 */
export function storableDedupKey(key: string | null): string | null {
  if (key === null) return null;
  if (!UNSAFE.test(key)) return key;
  return `sha256:${createHash('sha256').update(Buffer.from(key, 'utf16le')).digest('base64url')}`;
}

/** The signal with every text field made storable; the raw bytes are kept as they are. */
export function storableSignal<T extends StorableFields>(signal: T): T {
  return {
    ...signal,
    raw: storableText(signal.raw),
    account: storableText(signal.account),
    code: storableText(signal.code),
    zone: storableOrNull(signal.zone),
    area: storableOrNull(signal.area),
    text: storableOrNull(signal.text),
    dedupKey: storableDedupKey(signal.dedupKey),
    sequence: signal.sequence === undefined ? undefined : storableOrNull(signal.sequence),
    xdata: signal.xdata ? signal.xdata.map(storableText) : signal.xdata,
  };
}

const FALLBACK_TEXT_LENGTH = 1000;
const FALLBACK_FIELD_LENGTH = 64;

/**
 * The last resort for a row PostgreSQL refused although it passed `storableSignal`: keep what
 * identifies the alarm (account, code, kind, category, de-duplication key, raw bytes) and cut
 * or drop the details that could be the cause, so that the alarm is stored rather than lost.
 * Retransmissions get the same fallback, so the key still stores them once.
 */
export function fallbackSignal<T extends StorableFields>(signal: T): T {
  const cut = (text: string | null, length: number) => (text === null ? null : text.slice(0, length));
  return {
    ...signal,
    raw: signal.raw.slice(0, FALLBACK_TEXT_LENGTH),
    zone: cut(signal.zone, FALLBACK_FIELD_LENGTH),
    area: cut(signal.area, FALLBACK_FIELD_LENGTH),
    text: cut(signal.text, FALLBACK_TEXT_LENGTH),
    occurredAt: null,
    xdata: null,
  };
}

/**
 * True when PostgreSQL refused the data of a statement (SQLSTATE class 22 data exception,
 * 23 integrity constraint violation, 54 program limit exceeded, e.g. an index row too large):
 * another row would have been stored. Everything else (connection lost, server shutting down,
 * out of resources, a bug in the statement) means PostgreSQL cannot store at all.
 */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code);
}

/** SQLSTATE of a PostgreSQL error, for logs; null when there is none. */
export function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}
