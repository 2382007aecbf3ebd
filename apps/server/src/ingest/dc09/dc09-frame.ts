import { crc16Arc } from './crc16.js';
import { decryptDc09, encryptDc09 } from './dc09-crypto.js';
import { formatDc09Timestamp, parseDc09Timestamp } from './dc09-time.js';

/**
 * SIA DC-09 frames: `LF crc(4 hex | 2 raw bytes) 0LLL "id"seq[Rrcvr]L[line]#acct[data][xdata]…[_timestamp] CR`.
 * CRC and length cover the bytes from the first `"` up to (not including) CR.
 */

export type Dc09ErrorCode =
  'BAD_HEADER' | 'CRC_MISMATCH' | 'LENGTH_MISMATCH' | 'BAD_BODY' | 'NO_KEY' | 'DECRYPT_FAILED' | 'BAD_PAYLOAD';

export interface Dc09Header {
  /** Message id without the `*`: SIA-DCS, ADM-CID, NULL, ACK … */
  id: string;
  encrypted: boolean;
  /** Four digits, kept as text. */
  sequence: string;
  /** Receiver number (hex digits) or null when absent. */
  receiver: string | null;
  /** Line number (hex digits), '' for a bare `L`, null when absent. */
  line: string | null;
  /** Account in upper case, kept as a string: leading zeros matter. */
  account: string;
}

export interface Dc09Frame extends Dc09Header {
  crcFormat: 'hex' | 'binary';
  /** Everything after the account: `[data]…` in clear, or `[` + hex when encrypted. */
  tail: string;
  /** The whole frame between LF and CR as latin1 text, CRC bytes included. */
  raw: string;
}

export interface Dc09Payload {
  /** The data block without brackets; for SIA-DCS and ADM-CID the part after `#acct|`. */
  data: string;
  /** The account repeated inside the data block (`#acct|`), when present. */
  innerAccount: string | null;
  /** Extended data blocks without brackets, e.g. `X012W34.1`. */
  xdata: string[];
  timestamp: Date | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Dc09ErrorCode; message: string };

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const HEADER =
  /^"(\*?)([A-Z0-9-]{2,16})"(\d{4})(?:R([0-9A-Fa-f]{1,6}))?(?:L([0-9A-Fa-f]{0,6}))?#([0-9A-Fa-f]{3,16})(\[[\s\S]*)$/;

const fail = <T>(error: Dc09ErrorCode, message: string): Result<T> => ({ ok: false, error, message });

function isHexByte(byte: number | undefined): boolean {
  return (
    byte !== undefined &&
    ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66))
  );
}

function allHex(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (!isHexByte(bytes[i])) return false;
  return true;
}

/** The value of hex digits (checked to be hex by `bodyStart`), as parseInt(…, 16) reads them. */
function hexValue(bytes: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const byte = bytes[i]!;
    value = value * 16 + (byte <= 0x39 ? byte - 0x30 : (byte | 0x20) - 0x57);
  }
  return value;
}

/** Bytes as latin1 text, without copying them first. */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString('latin1', start, end);
}

const HEX_DIGITS = '0123456789ABCDEF';

/** Writes `value` as `digits` upper-case hex digits (the value fits). */
function writeHex(target: Buffer, offset: number, value: number, digits: number): void {
  for (let i = digits - 1; i >= 0; i -= 1) {
    target[offset + i] = HEX_DIGITS.charCodeAt(value & 0xf);
    value >>>= 4;
  }
}

/** Where the body (first `"`) starts, by the CRC format; null when this is no frame header. */
export function bodyStart(bytes: Uint8Array, lf: number): { start: number; crcFormat: 'hex' | 'binary' } | null {
  if (bytes[lf + 9] === QUOTE && allHex(bytes, lf + 1, lf + 9)) return { start: lf + 9, crcFormat: 'hex' };
  if (bytes[lf + 7] === QUOTE && allHex(bytes, lf + 3, lf + 7)) return { start: lf + 7, crcFormat: 'binary' };
  return null;
}

/** Parses one frame (LF … CR) and checks its CRC and length. Does not decrypt. */
export function parseFrame(bytes: Uint8Array): Result<Dc09Frame> {
  if (bytes.length < 12 || bytes[0] !== LF || bytes[bytes.length - 1] !== CR) {
    return fail('BAD_HEADER', 'frame must start with LF and end with CR');
  }
  const head = bodyStart(bytes, 0);
  if (!head) return fail('BAD_HEADER', 'no CRC and length field before the message id');
  const bodyEnd = bytes.length - 1;
  const declaredLength = hexValue(bytes, head.start - 4, head.start);
  const declaredCrc = head.crcFormat === 'hex' ? hexValue(bytes, 1, 5) : (bytes[1]! << 8) | bytes[2]!;
  const actualCrc = crc16Arc(bytes, head.start, bodyEnd);
  if (declaredCrc !== actualCrc) {
    return fail(
      'CRC_MISMATCH',
      `CRC ${declaredCrc.toString(16).toUpperCase().padStart(4, '0')} does not match ${actualCrc.toString(16).toUpperCase().padStart(4, '0')}`,
    );
  }
  const actualLength = bodyEnd - head.start;
  if (declaredLength !== actualLength) {
    return fail('LENGTH_MISMATCH', `length field says ${declaredLength} bytes, body has ${actualLength}`);
  }
  // One string of the frame; the body is a part of it, read without copying any bytes.
  const raw = latin1(bytes, 1, bodyEnd);
  const match = HEADER.exec(raw.slice(head.start - 1));
  if (!match) return fail('BAD_BODY', 'message id, sequence, line or account is malformed');
  const [, star, id, sequence, receiver, line, account, tail] = match;
  return {
    ok: true,
    value: {
      id: id!,
      encrypted: star === '*',
      sequence: sequence!,
      receiver: receiver ?? null,
      line: line ?? null,
      account: account!.toUpperCase(),
      crcFormat: head.crcFormat,
      tail: tail!,
      raw,
    },
  };
}

/** Opens the data part: decrypts it with the key when the frame is encrypted. */
export function openPayload(frame: Dc09Frame, key: Buffer | null): Result<Dc09Payload> {
  let tail = frame.tail;
  if (frame.encrypted) {
    if (!key) return fail('NO_KEY', `no encryption key is configured for account ${frame.account}`);
    const hex = tail.slice(1).replace(/\]$/, '');
    let plain: string | null;
    try {
      plain = decryptDc09(hex, key);
    } catch {
      plain = null;
    }
    if (plain === null) return fail('DECRYPT_FAILED', 'encrypted block could not be decrypted with the key');
    tail = `[${plain}`;
  }
  return parseTail(tail);
}

const TIMESTAMP_LENGTH = 20;

function parseTail(tail: string): Result<Dc09Payload> {
  if (!tail.startsWith('[')) return fail('BAD_PAYLOAD', 'data block must start with [');
  const close = tail.indexOf(']');
  if (close < 0) return fail('BAD_PAYLOAD', 'data block is not closed with ]');
  const block = tail.slice(1, close);
  let rest = tail.slice(close + 1);
  const xdata: string[] = [];
  while (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    if (end < 0) return fail('BAD_PAYLOAD', 'extended data block is not closed with ]');
    xdata.push(rest.slice(1, end));
    rest = rest.slice(end + 1);
  }
  let timestamp: Date | null = null;
  if (rest.length > 0) {
    if (rest.length !== TIMESTAMP_LENGTH)
      return fail('BAD_PAYLOAD', `unexpected text after the data: ${rest.slice(0, 24)}`);
    timestamp = parseDc09Timestamp(rest);
    if (!timestamp) return fail('BAD_PAYLOAD', `timestamp ${rest} is not a valid _HH:MM:SS,MM-DD-YYYY`);
  }
  const bar = block.indexOf('|');
  const hasPrefix = bar >= 0 && /^#[0-9A-Fa-f]{3,16}$/.test(block.slice(0, bar));
  return {
    ok: true,
    value: {
      data: hasPrefix ? block.slice(bar + 1) : block.startsWith('|') ? block.slice(1) : block,
      innerAccount: hasPrefix ? block.slice(1, bar).toUpperCase() : null,
      xdata,
      timestamp,
    },
  };
}

export interface BuildFrameOptions {
  id: string;
  sequence: number | string;
  receiver?: string | null;
  /** Line digits; '' gives a bare `L`; null leaves the line out. Default '0'. */
  line?: string | null;
  account: string;
  /** The message without the `#acct|` prefix, e.g. `Nri1/BA012` or `1130 01 012`; '' for NULL. */
  message?: string;
  xdata?: string[];
  /** Default: none for clear frames, now for encrypted ones (they must carry a time). */
  timestamp?: Date | null;
  key?: Buffer | null;
  crcFormat?: 'hex' | 'binary';
  /** Random source for the pad (tests make it deterministic). */
  pickPad?: (max: number) => number;
}

/** Builds a frame as a panel sends it (simulator, tests) or as a receiver answers. */
export function buildFrame(options: BuildFrameOptions): Buffer {
  const encrypted = Boolean(options.key);
  const line = options.line === undefined ? '0' : options.line;
  const head =
    `"${encrypted ? '*' : ''}${options.id}"${String(options.sequence).padStart(4, '0')}` +
    `${options.receiver ? `R${options.receiver}` : ''}${line === null ? '' : `L${line}`}#${options.account}`;
  const message = options.message ?? '';
  const xdata = (options.xdata ?? []).map((block) => `[${block}]`).join('');
  let tail: string;
  if (options.key) {
    const time = formatDc09Timestamp(options.timestamp ?? new Date());
    tail = `[${encryptDc09(`|${message}]${xdata}${time}`, options.key, options.pickPad)}`;
  } else {
    const data = message === '' ? '' : `#${options.account}|${message}`;
    tail = `[${data}]${xdata}${options.timestamp ? formatDc09Timestamp(options.timestamp) : ''}`;
  }
  return wrapBody(head + tail, options.crcFormat ?? 'hex');
}

/**
 * Adds LF, CRC, length and CR around a body that starts with `"`: one buffer, written in place
 * (the body as latin1, one byte per character).
 */
export function wrapBody(body: string, crcFormat: 'hex' | 'binary' = 'hex'): Buffer {
  const crcLength = crcFormat === 'hex' ? 4 : 2;
  // A body over 0xFFFF bytes gets as many length digits as it needs.
  const lengthDigits = body.length <= 0xffff ? 4 : body.length.toString(16).length;
  const start = 1 + crcLength + lengthDigits;
  const frame = Buffer.allocUnsafe(start + body.length + 1);
  frame.write(body, start, 'latin1');
  const crc = crc16Arc(frame, start, start + body.length);
  frame[0] = LF;
  if (crcFormat === 'hex') writeHex(frame, 1, crc, 4);
  else {
    frame[1] = crc >> 8;
    frame[2] = crc & 0xff;
  }
  if (lengthDigits === 4) writeHex(frame, 1 + crcLength, body.length, 4);
  else frame.write(body.length.toString(16).toUpperCase(), 1 + crcLength, 'latin1');
  frame[frame.length - 1] = CR;
  return frame;
}

function replyHead(id: string, header: Dc09Header): string {
  return `"${id}"${header.sequence}${header.receiver !== null ? `R${header.receiver}` : ''}L${header.line ?? '0'}#${header.account}`;
}

/** ACK; for an encrypted message `*ACK` with an encrypted pad and timestamp. */
export function buildAck(header: Dc09Header, key: Buffer | null, now = new Date()): Buffer {
  if (header.encrypted && key) {
    return wrapBody(`${replyHead('*ACK', header)}[${encryptDc09(`|]${formatDc09Timestamp(now)}`, key)}`);
  }
  return wrapBody(`${replyHead('ACK', header)}[]`);
}

/** NAK, never encrypted, carrying the receiver's time so the panel can correct its clock. */
export function buildNak(now = new Date()): Buffer {
  return wrapBody(`"NAK"0000R0L0A0[]${formatDc09Timestamp(now)}`);
}

/** DUH: the frame was understood as a frame but cannot be handled. */
export function buildDuh(header: Dc09Header): Buffer {
  return wrapBody(`${replyHead('DUH', header)}[]`);
}

export interface Dc09Reply {
  type: 'ACK' | 'NAK' | 'DUH' | 'RSP';
  sequence: string;
  account: string | null;
  timestamp: Date | null;
}

/** Reads a receiver's reply (the simulator's side). */
export function parseReply(bytes: Uint8Array, key: Buffer | null = null): Result<Dc09Reply> {
  const head = bytes[0] === LF ? bodyStart(bytes, 0) : null;
  if (!head || bytes[bytes.length - 1] !== CR) return fail('BAD_HEADER', 'reply is not a DC-09 frame');
  const body = latin1(bytes, head.start, bytes.length - 1);
  if (crc16Arc(bytes, head.start, bytes.length - 1) !== parseCrc(bytes, head.crcFormat)) {
    return fail('CRC_MISMATCH', 'reply CRC does not match');
  }
  const nak = /^"NAK"(\d{4})R0L0A0\[\](_.{19})$/.exec(body);
  if (nak)
    return {
      ok: true,
      value: { type: 'NAK', sequence: nak[1]!, account: null, timestamp: parseDc09Timestamp(nak[2]!) },
    };
  const parsed = parseFrame(bytes);
  if (!parsed.ok) return parsed;
  const frame = parsed.value;
  if (frame.id !== 'ACK' && frame.id !== 'DUH' && frame.id !== 'RSP')
    return fail('BAD_BODY', `unexpected reply ${frame.id}`);
  let timestamp: Date | null = null;
  if (frame.encrypted) {
    const payload = openPayload(frame, key);
    if (!payload.ok) return payload;
    timestamp = payload.value.timestamp;
  }
  return { ok: true, value: { type: frame.id, sequence: frame.sequence, account: frame.account, timestamp } };
}

function parseCrc(bytes: Uint8Array, format: 'hex' | 'binary'): number {
  return format === 'hex' ? hexValue(bytes, 1, 5) : (bytes[1]! << 8) | bytes[2]!;
}
