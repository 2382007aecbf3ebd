import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16Arc } from './crc16.js';
import { decryptDc09, encryptDc09, parseDc09Key } from './dc09-crypto.js';
import {
  bodyStart,
  buildAck,
  buildDuh,
  buildFrame,
  buildNak,
  openPayload,
  parseFrame,
  parseReply,
  wrapBody,
  type Dc09ErrorCode,
  type Dc09Frame,
  type Dc09Header,
  type Result,
} from './dc09-frame.js';
import { formatDc09Timestamp, parseDc09Timestamp } from './dc09-time.js';
import { FrameSplitter } from './frame-splitter.js';
import { dedupMessageHash, interpretFrame } from './interpret-frame.js';

/**
 * The codec was made faster (issue 17) without changing a byte it produces or a frame it takes
 * or refuses. These are the functions as they were before, kept as the reference.
 */
const reference = {
  wrapBody(body: string, crcFormat: 'hex' | 'binary' = 'hex'): Buffer {
    const bodyBytes = Buffer.from(body, 'latin1');
    const crc = crc16Arc(bodyBytes);
    const length = bodyBytes.length.toString(16).toUpperCase().padStart(4, '0');
    const crcBytes =
      crcFormat === 'hex'
        ? Buffer.from(crc.toString(16).toUpperCase().padStart(4, '0'), 'latin1')
        : Buffer.from([crc >> 8, crc & 0xff]);
    return Buffer.concat([
      Buffer.from([0x0a]),
      crcBytes,
      Buffer.from(length, 'latin1'),
      bodyBytes,
      Buffer.from([0x0d]),
    ]);
  },
  replyHead(id: string, header: Dc09Header): string {
    return `"${id}"${header.sequence}${header.receiver !== null ? `R${header.receiver}` : ''}L${header.line ?? '0'}#${header.account}`;
  },
  encrypt(padded: string, key: Buffer): string {
    const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, Buffer.alloc(16)).setAutoPadding(false);
    return Buffer.concat([cipher.update(padded, 'latin1'), cipher.final()])
      .toString('hex')
      .toUpperCase();
  },
  /** The whole plain text, pad included. */
  decryptAll(hex: string, key: Buffer): string {
    const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, Buffer.alloc(16)).setAutoPadding(false);
    return Buffer.concat([decipher.update(Buffer.from(hex, 'hex')), decipher.final()]).toString('latin1');
  },
  decrypt(hex: string, key: Buffer): string | null {
    if (hex.length === 0 || hex.length % 32 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return null;
    const plain = reference.decryptAll(hex, key);
    const bar = plain.indexOf('|');
    if (bar >= 0) return plain.slice(bar + 1);
    const bracket = plain.indexOf(']');
    return bracket >= 0 ? plain.slice(bracket) : null;
  },
  timestamp(text: string): Date | null {
    const match = /^_(\d{2}):(\d{2}):(\d{2}),(\d{2})-(\d{2})-(\d{4})$/.exec(text);
    if (!match) return null;
    const [, hh, mi, ss, mm, dd, yyyy] = match.map(Number) as number[];
    if (hh! > 23 || mi! > 59 || ss! > 59 || mm! < 1 || mm! > 12 || dd! < 1 || dd! > 31) return null;
    const date = new Date(Date.UTC(yyyy!, mm! - 1, dd!, hh!, mi!, ss!));
    return date.getUTCDate() === dd ? date : null;
  },
  formatTimestamp(date: Date): string {
    const two = (n: number): string => String(n).padStart(2, '0');
    return (
      `_${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())},` +
      `${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}-${date.getUTCFullYear()}`
    );
  },
  dedupHash(id: string, data: string, xdata: string[]): string {
    return createHash('sha1')
      .update(`${id}|${data}|${xdata.join('|')}`)
      .digest('base64url')
      .slice(0, 16);
  },
  /** parseFrame as it was (bodyStart is unchanged). */
  parseFrame(bytes: Uint8Array): Result<Dc09Frame> {
    const fail = (error: Dc09ErrorCode, message: string): Result<Dc09Frame> => ({ ok: false, error, message });
    if (bytes.length < 12 || bytes[0] !== 0x0a || bytes[bytes.length - 1] !== 0x0d) {
      return fail('BAD_HEADER', 'frame must start with LF and end with CR');
    }
    const head = bodyStart(bytes, 0);
    if (!head) return fail('BAD_HEADER', 'no CRC and length field before the message id');
    const bodyEnd = bytes.length - 1;
    const lengthText = Buffer.from(bytes.subarray(head.start - 4, head.start)).toString('latin1');
    const declaredLength = parseInt(lengthText, 16);
    const declaredCrc =
      head.crcFormat === 'hex'
        ? parseInt(Buffer.from(bytes.subarray(1, 5)).toString('latin1'), 16)
        : (bytes[1]! << 8) | bytes[2]!;
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
    const body = Buffer.from(bytes.subarray(head.start, bodyEnd)).toString('latin1');
    const match =
      /^"(\*?)([A-Z0-9-]{2,16})"(\d{4})(?:R([0-9A-Fa-f]{1,6}))?(?:L([0-9A-Fa-f]{0,6}))?#([0-9A-Fa-f]{3,16})(\[[\s\S]*)$/.exec(
        body,
      );
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
        raw: Buffer.from(bytes.subarray(1, bodyEnd)).toString('latin1'),
      },
    };
  },
};

const PAD_CHARS = [...Array(94)].map((_, i) => String.fromCharCode(33 + i)).filter((c) => !'|[]'.includes(c));
const KEYS = [
  parseDc09Key('0123456789ABCDEF0123456789ABCDEF'),
  parseDc09Key('00112233445566778899AABBCCDDEEFF0011223344556677'),
  parseDc09Key('K'.repeat(32)),
];
const keyArbitrary = fc.constantFrom(16, 24, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
const latin1Unit = fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c));
/** Latin1 text, short or several blocks long. */
const latin1Text = fc.oneof(
  fc.string({ unit: latin1Unit }),
  fc.string({ unit: latin1Unit, maxLength: 100, size: 'max' }),
);

describe('AES with contexts kept per key', () => {
  it('encrypts byte for byte as a fresh Cipheriv with a zero IV, whatever was encrypted before', () => {
    fc.assert(
      fc.property(keyArbitrary, latin1Text, fc.array(fc.nat(90)), (keyBytes, plain, picks) => {
        const key = Buffer.from(keyBytes);
        let n = 0;
        const pickPad = () => picks[n++ % Math.max(1, picks.length)] ?? 0;
        const padLength = 16 - (plain.length % 16);
        const pad = Array.from({ length: padLength }, (_, i) => PAD_CHARS[picks[i % Math.max(1, picks.length)] ?? 0]);
        const expected = reference.encrypt(pad.join('') + plain, key);
        // Twice with the same key and pad (the second call reuses the context), and interleaved.
        expect(encryptDc09(plain, key, pickPad)).toBe(expected);
        encryptDc09('|other]', KEYS[0]!);
        decryptDc09(expected, key);
        n = 0;
        expect(encryptDc09(plain, key, pickPad)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('decrypts as a fresh Decipheriv: same result for any whole-block hex, in any order', () => {
    const hexBlocks = fc
      .integer({ min: 1, max: 6 })
      .chain((n) => fc.uint8Array({ minLength: 16 * n, maxLength: 16 * n }))
      .map((bytes) => Buffer.from(bytes).toString('hex'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), hexBlocks), { minLength: 1, maxLength: 8 }), (list) => {
        for (const [k, hex] of list) expect(decryptDc09(hex, KEYS[k]!)).toBe(reference.decrypt(hex, KEYS[k]!));
      }),
      { numRuns: 300 },
    );
  });

  it('starts every message from the zero IV: the same message twice gives the same bytes', () => {
    const key = KEYS[1]!;
    const zeroPad = () => 0;
    const first = encryptDc09('|Nri1/BA012]_10:00:00,11-22-2026', key, zeroPad);
    for (let i = 0; i < 5; i += 1) {
      encryptDc09(`|${'x'.repeat(i * 7)}]`, key); // blocks of other lengths in between
      expect(decryptDc09(first.slice(0, 32 * (i % 3) + 32), key)).toBe(
        reference.decrypt(first.slice(0, 32 * (i % 3) + 32), key),
      );
      expect(encryptDc09('|Nri1/BA012]_10:00:00,11-22-2026', key, zeroPad)).toBe(first);
    }
  });

  it('refuses the same input as before: bad hex, partial blocks, no | or ], a key of the wrong length', () => {
    const key = KEYS[0]!;
    for (const hex of ['', 'ABC', 'Z'.repeat(32), '0'.repeat(31), '0'.repeat(48)]) {
      expect(decryptDc09(hex, key)).toBe(reference.decrypt(hex, key));
    }
    expect(() => encryptDc09('|x]', Buffer.alloc(20))).toThrow();
    expect(() => reference.encrypt('x'.repeat(16), Buffer.alloc(20))).toThrow();
    expect(() => decryptDc09('0'.repeat(32), Buffer.alloc(20))).toThrow();
    // A frame with such a key is DECRYPT_FAILED, and the next frame with a good key is fine.
    const frame = parseFrame(buildFrame({ id: 'NULL', sequence: 1, account: '1234', key, pickPad: () => 5 }));
    if (!frame.ok) throw new Error('frame');
    expect(openPayload(frame.value, Buffer.alloc(20))).toMatchObject({ ok: false, error: 'DECRYPT_FAILED' });
    expect(openPayload(frame.value, key)).toMatchObject({ ok: true });
  });

  it('uses the bytes the key has now, also when its Buffer was changed in place', () => {
    const key = Buffer.from(KEYS[0]!);
    const hex = encryptDc09('|a]', key, () => 1);
    key[0] = key[0]! ^ 0xff;
    expect(encryptDc09('|a]', key, () => 1)).toBe(reference.encrypt('"'.repeat(13) + '|a]', key));
    expect(encryptDc09('|a]', key, () => 1)).not.toBe(hex);
    expect(decryptDc09(hex, key)).toBe(reference.decrypt(hex, key));
  });

  it('draws pads from the system generator: every allowed character, evenly, and nothing else', () => {
    const key = KEYS[2]!;
    const counts = new Map<string, number>();
    const pads = new Set<string>();
    const messages = 3000;
    for (let i = 0; i < messages; i += 1) {
      const plain = reference.decryptAll(encryptDc09('|x]', key), key); // 13 pad characters
      expect(plain.slice(13)).toBe('|x]');
      pads.add(plain.slice(0, 13));
      for (const c of plain.slice(0, 13)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(pads.size).toBe(messages);
    expect([...counts.keys()].sort()).toEqual([...PAD_CHARS].sort());
    // 39,000 characters over 91: about 429 each (standard deviation about 20).
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(280);
      expect(n).toBeLessThan(580);
    }
  });
});

describe('frames and replies, byte for byte as before', () => {
  const headers: Dc09Header[] = [
    { id: 'SIA-DCS', encrypted: false, sequence: '0042', receiver: '12', line: '3', account: '00AB' },
    { id: 'ADM-CID', encrypted: false, sequence: '9999', receiver: null, line: null, account: '1234' },
    { id: 'NULL', encrypted: false, sequence: '0000', receiver: 'ABCDEF', line: '', account: '0123456789ABCDEF' },
    { id: 'SIA-DCS', encrypted: true, sequence: '0001', receiver: null, line: '0', account: 'F00D' },
  ];

  it('wraps any body as the old builder did, both CRC formats, long bodies too', () => {
    const bodies = fc.oneof(
      latin1Text.map((s) => `"${s}`),
      fc.string({ unit: 'binary' }), // characters past latin1 keep their low byte, as before
      fc.constantFrom('"' + 'x'.repeat(0xffff), '"' + 'y'.repeat(0x10000), '"'),
    );
    fc.assert(
      fc.property(bodies, fc.constantFrom<'hex' | 'binary'>('hex', 'binary'), (body, format) => {
        expect(wrapBody(body, format).equals(reference.wrapBody(body, format))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('builds ACK, DUH and NAK as before', () => {
    const now = new Date('2026-12-01T09:08:07Z');
    for (const header of headers) {
      const clear = { ...header, encrypted: false };
      expect(buildAck(clear, null).equals(reference.wrapBody(`${reference.replyHead('ACK', clear)}[]`))).toBe(true);
      expect(buildAck(header, null).equals(reference.wrapBody(`${reference.replyHead('ACK', header)}[]`))).toBe(true);
      expect(buildDuh(header).equals(reference.wrapBody(`${reference.replyHead('DUH', header)}[]`))).toBe(true);
    }
    expect(buildNak(now).equals(reference.wrapBody(`"NAK"0000R0L0A0[]${reference.formatTimestamp(now)}`))).toBe(true);
  });

  it('builds the *ACK of an encrypted message as before, but for its random pad', () => {
    const now = new Date('2026-12-01T09:08:07Z');
    for (const key of KEYS) {
      for (const header of headers.filter((h) => h.encrypted)) {
        const ack = buildAck(header, key, now);
        const text = ack.toString('latin1');
        const head = `${reference.replyHead('*ACK', header)}[`;
        const hex = text.slice(text.indexOf(head) + head.length, -1);
        const plain = reference.decryptAll(hex, key);
        expect(plain).toMatch(/^[^|[\]]{10}\|\]_09:08:07,12-01-2026$/);
        expect(ack.equals(reference.wrapBody(head + reference.encrypt(plain, key)))).toBe(true);
        expect(parseReply(ack, key)).toEqual({
          ok: true,
          value: { type: 'ACK', sequence: header.sequence, account: header.account, timestamp: now },
        });
      }
    }
  });

  it('accepts and refuses the same bytes as before, with the same fields and messages', () => {
    const valid = fc
      .record({
        id: fc.constantFrom('SIA-DCS', 'ADM-CID', 'NULL', 'ACK', 'X'),
        sequence: fc.nat(9999),
        receiver: fc.option(fc.constantFrom('1', 'ab12'), { nil: null }),
        line: fc.option(fc.constantFrom('', '0', '1F'), { nil: null }),
        account: fc.constantFrom('1234', '00AB', 'abcdef', '12', 'X1'),
        message: fc.constantFrom('Nri1/BA012', '1130 01 012', '', '\u00e9\u00ff'),
        xdata: fc.array(fc.constantFrom('X012W34.1', 'Mabc'), { maxLength: 2 }),
        crcFormat: fc.constantFrom<'hex' | 'binary'>('hex', 'binary'),
        key: fc.option(fc.constantFrom(...KEYS), { nil: null }),
      })
      .map((o) => new Uint8Array(buildFrame(o)));
    const mutated = fc
      .tuple(valid, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }))
      .map(([bytes, changes]) => {
        const copy = new Uint8Array(bytes);
        for (const [at, value] of changes) copy[at % copy.length] = value;
        return copy;
      });
    const lowerCaseHex = valid.map((bytes) => {
      const copy = new Uint8Array(bytes);
      for (let i = 1; i < 9; i += 1) if (copy[i]! >= 0x41 && copy[i]! <= 0x46) copy[i] = copy[i]! | 0x20;
      return copy;
    });
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(valid, mutated, lowerCaseHex, fc.uint8Array({ maxLength: 40 })), (bytes) => {
        const expected = reference.parseFrame(bytes);
        if (expected.ok) accepted += 1;
        expect(parseFrame(Buffer.from(bytes))).toEqual(expected);
        expect(parseFrame(bytes)).toEqual(expected); // a Uint8Array that is no Buffer
        expect(parseFrame(Buffer.from(bytes).subarray(0))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('reads and writes timestamps as before', () => {
    const near = fc
      .tuple(fc.date({ min: new Date('1900-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), fc.nat(19))
      .chain(([date, at]) =>
        fc.constantFrom('0', '9', 'x', '٣', '０', '', '\n', ':').map((c) => {
          const text = reference.formatTimestamp(date);
          return text.slice(0, at) + c + text.slice(at + 1);
        }),
      );
    const edges = fc.constantFrom(
      '_24:00:00,01-01-2026',
      '_23:59:59,02-29-2024',
      '_23:59:59,02-29-2026',
      '_00:00:00,00-10-2026',
      '_00:00:00,12-32-2026',
      '_00:00:00,01-01-0026',
      '_12:00:00,12-22-2021\n',
    );
    fc.assert(
      fc.property(fc.oneof(near, edges, fc.string({ maxLength: 22 })), (text) => {
        expect(parseDc09Timestamp(text)).toEqual(reference.timestamp(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
        expect(formatDc09Timestamp(d)).toBe(reference.formatTimestamp(d));
      }),
    );
  });
});

describe('the frame splitter', () => {
  it('lists as frames the frames of its items, in order, each a copy of its bytes', () => {
    const one = buildFrame({ id: 'SIA-DCS', sequence: 1, account: '1234', message: 'Nri1/BA001' });
    const two = buildFrame({ id: 'NULL', sequence: 2, account: '1234' });
    const chunk = Buffer.concat([one, Buffer.from('xx'), two, one]);
    const result = new FrameSplitter(1024).push(chunk);
    expect(result.frames).toEqual(result.items.map((item) => ('frame' in item ? item.frame : null)));
    expect(result.frames.map((f) => f.toString('latin1'))).toEqual([one, two, one].map((f) => f.toString('latin1')));
    chunk.fill(0);
    expect(result.frames[0]!.equals(one)).toBe(true);
    expect(new FrameSplitter(1024).push(one).frames[0]).not.toBe(one);
  });
});

describe('the de-duplication key', () => {
  it('is the SHA-1 key it always was, so keys stored before still meet their retransmissions', () => {
    // Computed with the code before issue 17.
    expect(dedupMessageHash('SIA-DCS', 'Nri1/BA012', [])).toBe('4wFZ0itxx__IrZ5C');
    expect(dedupMessageHash('ADM-CID', '1130 01 012', ['X012W34.1', 'Y045N12.2'])).toBe('KsSCX1b-Mb5XA74X');
    const bytes = buildFrame({ id: 'SIA-DCS', sequence: 7, account: '1234', message: 'Nri1/BA012/FA001' });
    const decision = interpretFrame(
      parseFrame(bytes),
      null,
      { now: new Date(), pastSeconds: 40, futureSeconds: 20 },
      'dc09-tcp',
    );
    const keys = decision.action === 'STORE' ? decision.signals.map((s) => s.dedupKey) : [];
    const hash = reference.dedupHash('SIA-DCS', 'Nri1/BA012/FA001', []);
    expect(keys).toEqual([`dc09:0007:${hash}:0`, `dc09:0007:${hash}:1`]);
  });

  it('equals the old computation for any text, lone surrogates included', () => {
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(text, text, fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 }), (id, data, xdata) => {
        expect(dedupMessageHash(id, data, xdata)).toBe(reference.dedupHash(id, data, xdata));
      }),
      { numRuns: 500 },
    );
    expect(dedupMessageHash('\uD800', 'x', [])).toBe(reference.dedupHash('\uD800', 'x', []));
    expect(dedupMessageHash('SIA-DCS', randomBytes(64).toString('latin1'), [])).toHaveLength(16);
  });
});
