import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFrame, parseFrame } from '../ingest/index.js';
import { EVENT_MIX, STORED_EVENT_MIX, pickEvent } from './events.js';
import { eventMessage, garbage, nextSequence, truncated, withBadCrc, withBadLength } from './frames.js';

const sample = (): Buffer =>
  buildFrame({ id: 'SIA-DCS', sequence: 42, account: '1001', message: 'Nri1/BA012', timestamp: new Date() });

describe('sequence numbers', () => {
  it('count 1…9999 and wrap to 1', () => {
    expect(nextSequence(0)).toBe(1);
    expect(nextSequence(1)).toBe(2);
    expect(nextSequence(9998)).toBe(9999);
    expect(nextSequence(9999)).toBe(1);
  });
});

describe('event messages', () => {
  it('follow SIA-DCS and Contact ID notation', () => {
    expect(eventMessage('SIA-DCS', { code: 'BA', zone: '012', area: '1' })).toBe('Nri1/BA012');
    expect(eventMessage('ADM-CID', { code: '1130', zone: '12', area: '1' })).toBe('1130 01 012');
  });

  it('never picks a code that the protocol cannot carry, nor a periodic test from the stored mix', () => {
    let seed = 1;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const cidCodes = new Set(EVENT_MIX.map((entry) => entry.cid));
    for (let i = 0; i < 2000; i += 1) {
      const cid = pickEvent('ADM-CID', STORED_EVENT_MIX, random);
      expect(cidCodes.has(cid.code)).toBe(true);
      expect(cid.code).not.toBe('1602');
      expect(pickEvent('SIA-DCS', STORED_EVENT_MIX, random).code).not.toBe('RP');
    }
  });
});

describe('malformed frames are rejected by the codec', () => {
  it('the unbroken frame parses (so the checks below can fail)', () => {
    expect(parseFrame(sample()).ok).toBe(true);
  });

  it('bad CRC, bad length, truncated and garbage', () => {
    expect(parseFrame(withBadCrc(sample()))).toMatchObject({ ok: false, error: 'CRC_MISMATCH' });
    expect(parseFrame(withBadLength(sample()))).toMatchObject({ ok: false, error: 'LENGTH_MISMATCH' });
    expect(parseFrame(truncated(sample()))).toMatchObject({ ok: false, error: 'CRC_MISMATCH' });
    expect(parseFrame(garbage(40))).toMatchObject({ ok: false, error: 'BAD_HEADER' });
    expect(garbage(200).includes(0x0a)).toBe(false);
  });

  it('for any frame, cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.stringMatching(/^[0-9A-F]{3,16}$/),
        fc.stringMatching(/^[A-Za-z0-9/ ]{1,40}$/),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (sequence, account, message, keep) => {
          const frame = buildFrame({ id: 'SIA-DCS', sequence, account, message });
          expect(parseFrame(frame).ok).toBe(true);
          expect(parseFrame(withBadCrc(frame)).ok).toBe(false);
          expect(parseFrame(withBadLength(frame)).ok).toBe(false);
          expect(parseFrame(truncated(frame, keep)).ok).toBe(false);
        },
      ),
    );
  });
});
