import { describe, expect, it } from 'vitest';
import type { TransmitterInfo } from '../signal-types.js';
import { parseDc09Key } from './dc09-crypto.js';
import { buildFrame, parseFrame, wrapBody } from './dc09-frame.js';
import { interpretFrame, type ClockWindow } from './interpret-frame.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const CLOCK: ClockWindow = { now: NOW, pastSeconds: 40, futureSeconds: 20 };
const KEY = parseDc09Key('0123456789ABCDEF0123456789ABCDEF');
const KNOWN: TransmitterInfo = {
  id: 't-1',
  account: '1234',
  siteId: 's-1',
  protocol: 'ANY',
  key: null,
  requireEncryption: false,
  supervisionIntervalSeconds: 90,
};
const ENCRYPTED: TransmitterInfo = { ...KNOWN, account: 'AB12', key: KEY };

const decide = (bytes: Buffer, info: TransmitterInfo | null = KNOWN) =>
  interpretFrame(parseFrame(bytes), info, CLOCK, 'dc09-tcp');

describe('interpretFrame', () => {
  it('stores an SIA-DCS burglary with its zone, area, sequence and a retransmission key', () => {
    const decision = decide(buildFrame({ id: 'SIA-DCS', sequence: 17, account: '1234', message: 'Nri1/BA012^Hall^' }));
    expect(decision.action).toBe('STORE');
    if (decision.action !== 'STORE') return;
    expect(decision.signals).toEqual([
      expect.objectContaining({
        account: '1234',
        transmitterId: 't-1',
        protocol: 'SIA',
        code: 'BA',
        zone: '012',
        area: '1',
        text: 'Hall',
        kind: 'ALARM',
        category: 'INTRUSION',
        sequence: '0017',
        encrypted: false,
      }),
    ]);
    expect(decision.signals[0]!.dedupKey).toMatch(/^dc09:0017:/);
  });

  it('gives a retransmission with a new timestamp the same key, and another message another key', () => {
    const key = (timestamp: Date, message = 'Nri1/BA012') => {
      const d = decide(buildFrame({ id: 'SIA-DCS', sequence: 5, account: '1234', message, timestamp }));
      return d.action === 'STORE' ? d.signals[0]!.dedupKey : null;
    };
    expect(key(new Date('2026-11-22T12:00:00Z'))).toBe(key(new Date('2026-11-22T12:00:30Z')));
    expect(key(NOW)).not.toBe(key(NOW, 'Nri1/BA013'));
  });

  it('stores every event of a multi-event frame and leaves periodic tests to supervision', () => {
    const decision = decide(
      buildFrame({ id: 'SIA-DCS', sequence: 1, account: '1234', message: 'Nri1/BA001/RP0000/FA002' }),
    );
    expect(decision.action === 'STORE' && decision.signals.map((s) => s.code)).toEqual(['BA', 'FA']);
    expect(decide(buildFrame({ id: 'SIA-DCS', sequence: 2, account: '1234', message: 'Nri0/RP0000' })).action).toBe(
      'HEARTBEAT',
    );
    expect(decide(buildFrame({ id: 'ADM-CID', sequence: 3, account: '1234', message: '1602 00 000' })).action).toBe(
      'HEARTBEAT',
    );
    expect(decide(buildFrame({ id: 'NULL', sequence: 4, account: '1234' })).action).toBe('HEARTBEAT');
  });

  it('stores an unknown event code as UNKNOWN instead of answering DUH', () => {
    const decision = decide(buildFrame({ id: 'SIA-DCS', sequence: 1, account: '1234', message: 'Nri1/ZZ009' }));
    expect(decision.action === 'STORE' && decision.signals[0]).toMatchObject({
      code: 'ZZ',
      kind: 'UNKNOWN',
      category: null,
    });
    const cid = decide(buildFrame({ id: 'ADM-CID', sequence: 1, account: '1234', message: '1999 01 001' }));
    expect(cid.action === 'STORE' && cid.signals[0]).toMatchObject({ code: '1999', kind: 'UNKNOWN', protocol: 'CID' });
  });

  it('stores frames from an unknown account without a transmitter', () => {
    const decision = decide(buildFrame({ id: 'ADM-CID', sequence: 9, account: 'FFFF', message: '1130 01 003' }), null);
    expect(decision.action === 'STORE' && decision.signals[0]).toMatchObject({ transmitterId: null, kind: 'ALARM' });
  });

  it('answers NAK for CRC, length and header errors', () => {
    const good = buildFrame({ id: 'SIA-DCS', sequence: 1, account: '1234', message: 'Nri1/BA001' });
    const badCrc = Buffer.from(good);
    badCrc[1] = badCrc[1] === 0x30 ? 0x31 : 0x30;
    expect(decide(badCrc)).toMatchObject({ action: 'NAK', outcome: 'nak_crc' });
    const text = good.toString('latin1');
    const badLength = Buffer.from(text.slice(0, 5) + '0FFF' + text.slice(9), 'latin1');
    expect(decide(badLength)).toMatchObject({ action: 'NAK', outcome: 'nak_length' });
    expect(decide(wrapBody('"SIA-DCS"01L0#1234[]'))).toMatchObject({ action: 'NAK', outcome: 'nak_header' });
  });

  it('answers DUH for a frame that parses but cannot be handled', () => {
    expect(decide(wrapBody('"ACK"0001L0#1234[]'))).toMatchObject({ action: 'DUH', outcome: 'duh_id' });
    expect(decide(buildFrame({ id: 'SIA-DCS', sequence: 1, account: '1234', message: 'garbage!' }))).toMatchObject({
      action: 'DUH',
      outcome: 'duh_payload',
    });
    expect(decide(buildFrame({ id: 'ADM-CID', sequence: 1, account: '1234', message: '9999' }))).toMatchObject({
      action: 'DUH',
      outcome: 'duh_payload',
    });
    const encrypted = buildFrame({
      id: 'SIA-DCS',
      sequence: 1,
      account: 'AB12',
      message: 'Nri1/BA1',
      key: KEY,
      timestamp: NOW,
    });
    expect(decide(encrypted, null)).toMatchObject({ action: 'DUH', outcome: 'duh_no_key' });
    expect(decide(encrypted, { ...ENCRYPTED, key: parseDc09Key('X'.repeat(16)) })).toMatchObject({ action: 'DUH' });
  });

  it('opens encrypted frames with the key and enforces the −40 s/+20 s window', () => {
    const at = (offsetSeconds: number) =>
      decide(
        buildFrame({
          id: 'SIA-DCS',
          sequence: 1,
          account: 'AB12',
          message: 'Nri1/FA001',
          key: KEY,
          timestamp: new Date(NOW.getTime() + offsetSeconds * 1000),
        }),
        ENCRYPTED,
      );
    expect(at(0)).toMatchObject({ action: 'STORE', key: KEY });
    expect(at(-40).action).toBe('STORE');
    expect(at(20).action).toBe('STORE');
    expect(at(-41)).toMatchObject({ action: 'NAK', outcome: 'nak_clock' });
    expect(at(21)).toMatchObject({ action: 'NAK', outcome: 'nak_clock' });
    const heartbeat = decide(
      buildFrame({ id: 'NULL', sequence: 2, account: 'AB12', key: KEY, timestamp: NOW }),
      ENCRYPTED,
    );
    expect(heartbeat).toMatchObject({ action: 'HEARTBEAT', key: KEY });
  });

  it('warns about a protocol mismatch', () => {
    const decision = decide(buildFrame({ id: 'SIA-DCS', sequence: 1, account: 'AB12', message: 'Nri1/BA1' }), {
      ...ENCRYPTED,
      protocol: 'ADM-CID',
    });
    expect(decision.action === 'STORE' && decision.warnings).toEqual(['expected ADM-CID, got SIA-DCS']);
  });

  it('stores a clear-text alarm from a transmitter with a key, each signal marked', () => {
    const decision = decide(
      buildFrame({ id: 'SIA-DCS', sequence: 1, account: 'AB12', message: 'Nri1/BA1/FA2' }),
      ENCRYPTED,
    );
    expect(decision).toMatchObject({ action: 'STORE', key: null, unencryptedFromKeyed: true });
    expect(decision.action === 'STORE' && decision.signals.map((s) => s.unencryptedFromKeyed)).toEqual([true, true]);
    expect(decide(buildFrame({ id: 'NULL', sequence: 2, account: 'AB12' }), ENCRYPTED)).toMatchObject({
      action: 'HEARTBEAT',
      unencryptedFromKeyed: true,
    });
    // Encrypted, or clear text from a transmitter without a key: nothing to mark.
    const encrypted = decide(
      buildFrame({ id: 'SIA-DCS', sequence: 3, account: 'AB12', message: 'Nri1/BA1', key: KEY, timestamp: NOW }),
      ENCRYPTED,
    );
    expect(encrypted).toMatchObject({ action: 'STORE', unencryptedFromKeyed: false });
    const plain = decide(buildFrame({ id: 'SIA-DCS', sequence: 4, account: '1234', message: 'Nri1/BA1' }));
    expect(plain).toMatchObject({ action: 'STORE', unencryptedFromKeyed: false });
    expect(plain.action === 'STORE' && plain.signals[0]!.unencryptedFromKeyed).toBe(false);
  });

  it('refuses every clear-text frame of a transmitter that requires encryption, link tests too', () => {
    const strict: TransmitterInfo = { ...ENCRYPTED, requireEncryption: true };
    for (const frame of [
      buildFrame({ id: 'SIA-DCS', sequence: 1, account: 'AB12', message: 'Nri1/BA1' }),
      buildFrame({ id: 'ADM-CID', sequence: 2, account: 'AB12', message: '1130 01 003' }),
      buildFrame({ id: 'NULL', sequence: 3, account: 'AB12' }),
    ]) {
      expect(decide(frame, strict)).toMatchObject({ action: 'DUH', outcome: 'duh_unencrypted' });
    }
    const encrypted = buildFrame({
      id: 'SIA-DCS',
      sequence: 4,
      account: 'AB12',
      message: 'Nri1/BA1',
      key: KEY,
      timestamp: NOW,
    });
    expect(decide(encrypted, strict)).toMatchObject({ action: 'STORE', unencryptedFromKeyed: false });
  });

  it('answers DUH to an encrypted frame from a known transmitter that has no key', () => {
    const encrypted = buildFrame({
      id: 'SIA-DCS',
      sequence: 1,
      account: '1234',
      message: 'Nri1/BA1',
      key: KEY,
      timestamp: NOW,
    });
    expect(decide(encrypted, KNOWN)).toMatchObject({ action: 'DUH', outcome: 'duh_no_key' });
  });
});
