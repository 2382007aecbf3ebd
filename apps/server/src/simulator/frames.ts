import { buildAdmCidData, buildSiaDcsData } from '../ingest/index.js';

export type Protocol = 'SIA-DCS' | 'ADM-CID';

/** One alarm event: SIA code (`BA`) or Contact ID qualifier + event (`1130`), per the protocol. */
export interface SimEvent {
  code: string;
  zone: string;
  area: string;
}

/** The data of an event message without the `#acct|` prefix, which buildFrame adds. */
export function eventMessage(protocol: Protocol, event: SimEvent): string {
  return protocol === 'SIA-DCS'
    ? buildSiaDcsData([{ code: event.code, zone: event.zone, area: event.area }])
    : buildAdmCidData(event.code, event.area, event.zone);
}

export const MAX_SEQUENCE = 9999;

/** Panels count 0001…9999 and start again at 0001. */
export function nextSequence(sequence: number): number {
  return sequence >= MAX_SEQUENCE ? 1 : sequence + 1;
}

/**
 * Broken frames a receiver must cope with. `stale-time` is an encrypted frame whose timestamp is
 * five minutes old (the receiver must NAK it with its time); it needs a key.
 */
export type MalformedKind = 'bad-crc' | 'bad-length' | 'truncated' | 'garbage' | 'stale-time';
export const MALFORMED_KINDS: readonly MalformedKind[] = [
  'bad-crc',
  'bad-length',
  'truncated',
  'garbage',
  'stale-time',
];

const CR = 0x0d;
/** LF, four hex CRC digits and four hex length digits come before the body. */
const HEADER_BYTES = 9;

/** Changes one CRC digit of a frame built with a hex CRC. */
export function withBadCrc(frame: Buffer): Buffer {
  const copy = Buffer.from(frame);
  copy[1] = copy[1] === 0x30 ? 0x31 : 0x30;
  return copy;
}

/** Declares one byte more than the body has; the CRC stays right because it does not cover the length. */
export function withBadLength(frame: Buffer): Buffer {
  const copy = Buffer.from(frame);
  const declared = parseInt(copy.subarray(5, HEADER_BYTES).toString('latin1'), 16);
  copy.write(((declared + 1) & 0xffff).toString(16).toUpperCase().padStart(4, '0'), 5, 'latin1');
  return copy;
}

/**
 * A frame whose end was lost, closed with CR as a line-oriented device would. Without the CR a
 * TCP receiver would take the next frame's CR as this one's end and lose both.
 */
export function truncated(frame: Buffer, keepShare = 0.5): Buffer {
  const body = frame.subarray(HEADER_BYTES, frame.length - 1);
  const keep = Math.min(body.length - 1, Math.max(1, Math.floor(body.length * keepShare)));
  return Buffer.concat([frame.subarray(0, HEADER_BYTES), body.subarray(0, keep), Buffer.from([CR])]);
}

/** Printable noise ending in CR, with no LF, so it can never be taken for a frame. */
export function garbage(length: number, random: () => number = Math.random): Buffer {
  const bytes = Buffer.alloc(length + 1);
  for (let i = 0; i < length; i += 1) bytes[i] = 0x21 + Math.floor(random() * 94);
  bytes[length] = CR;
  return bytes;
}
