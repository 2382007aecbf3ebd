import { hash } from 'node:crypto';
import { classifyEventCode } from '@arc/shared/event-codes';
import type { NewSignal, TransmitterInfo } from '../signal-types.js';
import { openPayload, type Dc09Frame, type Dc09Header, type Result } from './dc09-frame.js';
import { parseAdmCidData, parseSiaDcsData, type Dc09Event } from './event-data.js';

/** Why a frame was answered the way it was; each reason is counted. */
export type FrameOutcome =
  | 'stored'
  | 'heartbeat'
  | 'nak_crc'
  | 'nak_length'
  | 'nak_header'
  | 'nak_clock'
  | 'duh_id'
  | 'duh_no_key'
  | 'duh_unencrypted'
  | 'duh_decrypt'
  | 'duh_payload';

export type FrameDecision =
  /** Answer NAK (with the receiver's time); nothing is stored. */
  | { action: 'NAK'; outcome: FrameOutcome; message: string }
  /** Answer DUH; nothing is stored. */
  | { action: 'DUH'; outcome: FrameOutcome; message: string; header: Dc09Header }
  /**
   * A link or periodic test: restart supervision and ACK; nothing is stored. `unencryptedFromKeyed`:
   * clear text from a transmitter that has a key (counted and logged).
   */
  | { action: 'HEARTBEAT'; header: Dc09Header; key: Buffer | null; unencryptedFromKeyed: boolean }
  /**
   * Store every signal, then ACK. Tests inside the same frame only restart supervision. With
   * `unencryptedFromKeyed` each signal carries the mark too: an alarm is never dropped, but one
   * that anybody knowing the account could have sent must look different to the operator.
   */
  | {
      action: 'STORE';
      header: Dc09Header;
      key: Buffer | null;
      signals: NewSignal[];
      warnings: string[];
      unencryptedFromKeyed: boolean;
    };

export interface ClockWindow {
  now: Date;
  pastSeconds: number;
  futureSeconds: number;
}

/**
 * Decides what to do with one parsed frame: pure, so that every reply rule can be tested
 * without sockets or a database. `info` is the transmitter of the frame's account, or null.
 */
export function interpretFrame(
  parsed: Result<Dc09Frame>,
  info: TransmitterInfo | null,
  clock: ClockWindow,
  source: NewSignal['source'],
): FrameDecision {
  if (!parsed.ok) {
    const outcome: FrameOutcome =
      parsed.error === 'CRC_MISMATCH' ? 'nak_crc' : parsed.error === 'LENGTH_MISMATCH' ? 'nak_length' : 'nak_header';
    return { action: 'NAK', outcome, message: parsed.message };
  }
  const frame = parsed.value;
  const header: Dc09Header = frame;
  if (frame.id !== 'SIA-DCS' && frame.id !== 'ADM-CID' && frame.id !== 'NULL') {
    return { action: 'DUH', outcome: 'duh_id', message: `unsupported message id ${frame.id}`, header };
  }
  // Checked before anything is read from the data: a refused message tells the sender nothing more.
  if (!frame.encrypted && info?.requireEncryption) {
    return {
      action: 'DUH',
      outcome: 'duh_unencrypted',
      message: 'unencrypted message refused: the transmitter requires encryption',
      header,
    };
  }
  // A transmitter without a key that sends an encrypted message gets DUH (NO_KEY) below.
  const key = frame.encrypted ? (info?.key ?? null) : null;
  const unencryptedFromKeyed = !frame.encrypted && info?.key != null;
  const payload = openPayload(frame, key);
  if (!payload.ok) {
    const outcome: FrameOutcome =
      payload.error === 'NO_KEY' ? 'duh_no_key' : payload.error === 'DECRYPT_FAILED' ? 'duh_decrypt' : 'duh_payload';
    return { action: 'DUH', outcome, message: payload.message, header };
  }
  const { data, xdata, timestamp } = payload.value;
  if (frame.encrypted) {
    // An encrypted message must carry its time, within the window; the NAK carries ours.
    const offset = timestamp ? (timestamp.getTime() - clock.now.getTime()) / 1000 : null;
    if (offset === null || offset < -clock.pastSeconds || offset > clock.futureSeconds) {
      return {
        action: 'NAK',
        outcome: 'nak_clock',
        message: offset === null ? 'encrypted message without a timestamp' : `timestamp is ${offset.toFixed(0)} s off`,
      };
    }
  }
  if (frame.id === 'NULL') return { action: 'HEARTBEAT', header, key, unencryptedFromKeyed };

  const events = frame.id === 'SIA-DCS' ? parseSiaDcsData(data) : singleOrNull(parseAdmCidData(data));
  if (!events)
    return {
      action: 'DUH',
      outcome: 'duh_payload',
      message: `${frame.id} data "${data.slice(0, 40)}" cannot be read`,
      header,
    };

  const warnings: string[] = [];
  if (info && info.protocol !== 'ANY' && info.protocol !== frame.id)
    warnings.push(`expected ${info.protocol}, got ${frame.id}`);

  const messageHash = dedupMessageHash(frame.id, data, xdata);
  const signals: NewSignal[] = [];
  events.forEach((event, index) => {
    const classification = classifyEventCode(event.code);
    if (classification?.kind === 'TEST') return;
    signals.push({
      source,
      raw: frame.raw,
      account: frame.account,
      transmitterId: info?.id ?? null,
      protocol: frame.id === 'SIA-DCS' ? 'SIA' : 'CID',
      code: event.code,
      zone: event.zone,
      area: event.area,
      text: eventText(event),
      kind: classification?.kind ?? 'UNKNOWN',
      category: classification?.category ?? null,
      occurredAt: timestamp,
      dedupKey: `dc09:${frame.sequence}:${messageHash}:${index}`,
      sequence: frame.sequence,
      encrypted: frame.encrypted,
      unencryptedFromKeyed,
      xdata,
    });
  });
  if (signals.length === 0) return { action: 'HEARTBEAT', header, key, unencryptedFromKeyed };
  return { action: 'STORE', header, key, signals, warnings, unencryptedFromKeyed };
}

/**
 * The message part of the de-duplication key (`dc09:<sequence>:<this>:<event index>`): the same
 * sequence and message, whatever the timestamp, is a retransmission. The first 16 base64url
 * characters (96 bits) of the SHA-1 of `id|data|xdata…` as UTF-8; keys already stored were made
 * the same way, so a retransmission still meets its first copy.
 */
export function dedupMessageHash(id: string, data: string, xdata: readonly string[]): string {
  return hash('sha1', `${id}|${data}|${xdata.join('|')}`, 'base64url').slice(0, 16);
}

function singleOrNull(event: Dc09Event | null): Dc09Event[] | null {
  return event ? [event] : null;
}

function eventText(event: Dc09Event): string | null {
  const parts = [event.text, event.userId ? `user ${event.userId}` : null, event.time ? `at ${event.time}` : null];
  const text = parts.filter((part): part is string => Boolean(part)).join(', ');
  return text === '' ? null : text;
}
