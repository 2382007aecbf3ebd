import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16Arc } from './crc16.js';
import { decryptDc09, encryptDc09, parseDc09Key } from './dc09-crypto.js';
import {
  buildAck,
  buildDuh,
  buildFrame,
  buildNak,
  openPayload,
  parseFrame,
  parseReply,
  type Dc09Frame,
} from './dc09-frame.js';
import { formatDc09Timestamp, parseDc09Timestamp } from './dc09-time.js';
import { buildAdmCidData, buildSiaDcsData, parseAdmCidData, parseSiaDcsData } from './event-data.js';
import { FrameSplitter } from './frame-splitter.js';

/** The examples of docs/domain.md section 6 are given without LF and CR. */
const frame = (text: string): Buffer =>
  Buffer.concat([Buffer.from('\n'), Buffer.from(text, 'latin1'), Buffer.from('\r')]);

function parsed(text: string): Dc09Frame {
  const result = parseFrame(frame(text));
  if (!result.ok) throw new Error(`${result.error}: ${result.message}`);
  return result.value;
}

describe('CRC-16/ARC', () => {
  it('gives BB3D for "123456789" (the check value)', () => {
    expect(crc16Arc(Buffer.from('123456789'))).toBe(0xbb3d);
  });
});

describe('the public example frames', () => {
  it('1: periodic test', () => {
    const f = parsed('A6CC003B"SIA-DCS"1662L0#0000[#0000|Nri0/RP0000]_12:40:52,12-22-2021');
    expect(f).toMatchObject({
      id: 'SIA-DCS',
      encrypted: false,
      sequence: '1662',
      receiver: null,
      line: '0',
      account: '0000',
    });
    const payload = openPayload(f, null);
    expect(payload).toEqual({
      ok: true,
      value: { data: 'Nri0/RP0000', innerAccount: '0000', xdata: [], timestamp: new Date('2021-12-22T12:40:52Z') },
    });
    expect(parseSiaDcsData('Nri0/RP0000')).toEqual([
      { code: 'RP', zone: '0000', area: '0', time: null, userId: null, text: null },
    ]);
  });

  it('2: burglary with receiver, line and longitude/latitude blocks', () => {
    const f = parsed('73580056"SIA-DCS"0002R1L232#78919[#78919|Nri1/BA012][X012W34.1][Y045N12.2]_14:12:04,09-25-2026');
    expect(f).toMatchObject({ sequence: '0002', receiver: '1', line: '232', account: '78919' });
    const payload = openPayload(f, null);
    expect(payload.ok && payload.value.xdata).toEqual(['X012W34.1', 'Y045N12.2']);
    expect(payload.ok && parseSiaDcsData(payload.value.data)).toEqual([
      { code: 'BA', zone: '012', area: '1', time: null, userId: null, text: null },
    ]);
  });

  it('3: encrypted water alarm with an ASCII key', () => {
    const f = parsed(
      '05BB0076"*SIA-DCS"7654L0#1111[C07DA1EB73C617857476EE5D79436CEE5E0084485E79EC56B0D5D1F3F6E648B278050BBCCBC8FE5DCA7E3C80DBDD4945',
    );
    expect(f).toMatchObject({ id: 'SIA-DCS', encrypted: true, sequence: '7654', account: '1111' });
    expect(openPayload(f, null)).toMatchObject({ ok: false, error: 'NO_KEY' });
    const payload = openPayload(f, parseDc09Key('AAAAAAAAAAAAAAAA'));
    expect(payload).toEqual({
      ok: true,
      value: { data: 'Nri1/WA000', innerAccount: null, xdata: [], timestamp: new Date('2020-07-09T16:04:02Z') },
    });
    // The same key given as hex opens it too; a wrong key does not.
    expect(openPayload(f, parseDc09Key('41'.repeat(16))).ok).toBe(true);
    expect(openPayload(f, parseDc09Key('B'.repeat(16)))).toMatchObject({ ok: false });
  });

  it('4: a valid CRC with a wrong length is a length error', () => {
    expect(parseFrame(frame('57150047"ADM-CID"0247R4F39L4F39#4F39[#4F39|3401 01 057]'))).toMatchObject({
      ok: false,
      error: 'LENGTH_MISMATCH',
      message: 'length field says 71 bytes, body has 47',
    });
    // With the true length it parses, and the Contact ID data reads as a closing.
    const fixed = buildFrame({
      id: 'ADM-CID',
      sequence: '0247',
      receiver: '4F39',
      line: '4F39',
      account: '4F39',
      message: '3401 01 057',
    });
    const result = parseFrame(fixed);
    expect(result.ok && result.value.raw.slice(4, 8)).toBe('002F');
    expect(parseAdmCidData('3401 01 057')).toEqual({
      code: '3401',
      zone: '057',
      area: '01',
      time: null,
      userId: null,
      text: null,
    });
  });
});

describe('malformed frames', () => {
  it.each([
    ['a wrong CRC', '0000003B"SIA-DCS"1662L0#0000[#0000|Nri0/RP0000]_12:40:52,12-22-2021', 'CRC_MISMATCH'],
    ['no CRC/length field', '"SIA-DCS"1662L0#0000[]', 'BAD_HEADER'],
  ])('rejects %s', (_label, text, error) => {
    expect(parseFrame(frame(text))).toMatchObject({ ok: false, error });
  });

  it('rejects a malformed header even with a right CRC and length', () => {
    for (const body of [
      '"SIA-DCS"12L0#1234[]',
      '"SIA-DCS"0001L0#12[]',
      '"SIA-DCS"0001L0#XYZ1[]',
      '"SIA-DCS"0001L0#1234',
    ]) {
      const bytes = Buffer.concat([Buffer.from('\n'), wrapLike(body), Buffer.from('\r')]);
      expect(parseFrame(bytes)).toMatchObject({ ok: false, error: 'BAD_BODY' });
    }
  });

  it('rejects a bad timestamp and unclosed blocks in the payload', () => {
    for (const message of ['[#1234|NBA1]_99:99:99,13-40-2021', '[#1234|NBA1', '[#1234|NBA1][X1']) {
      const f = parsed(wrapLike(`"SIA-DCS"0001L0#1234${message}`).toString('latin1'));
      expect(openPayload(f, null)).toMatchObject({ ok: false, error: 'BAD_PAYLOAD' });
    }
  });
});

/** CRC + length + body as text, without LF/CR. */
function wrapLike(body: string): Buffer {
  const bytes = Buffer.from(body, 'latin1');
  const crc = crc16Arc(bytes).toString(16).toUpperCase().padStart(4, '0');
  return Buffer.from(`${crc}${bytes.length.toString(16).toUpperCase().padStart(4, '0')}${body}`, 'latin1');
}

describe('SIA-DCS data', () => {
  it('reads the quirks panels send', () => {
    expect(parseSiaDcsData('Nri1BA012')).toEqual([
      { code: 'BA', zone: '012', area: '1', time: null, userId: null, text: null },
    ]);
    expect(parseSiaDcsData('Nti10:30/id3/ri2/OP003')).toEqual([
      { code: 'OP', zone: '003', area: '2', time: '10:30', userId: '3', text: null },
    ]);
    expect(parseSiaDcsData('Nri1/BA012^Back door^')?.[0]?.text).toBe('Back door');
    expect(parseSiaDcsData('Nri1/BA012/BA013/ri2/FA001')?.map((e) => `${e.area}:${e.code}${e.zone}`)).toEqual([
      '1:BA012',
      '1:BA013',
      '2:FA001',
    ]);
    expect(parseSiaDcsData('NYC')).toEqual([
      { code: 'YC', zone: null, area: null, time: null, userId: null, text: null },
    ]);
  });

  it('returns null for data that is not SIA-DCS', () => {
    for (const data of ['', 'N', 'Nri1/ba012', 'Nri1/BA012^open text', '12345', 'N/!!'])
      expect(parseSiaDcsData(data)).toBeNull();
  });

  it('returns null for data that is not Contact ID', () => {
    for (const data of ['', '2130 01 001', '1130 1 001', '113001001x']) expect(parseAdmCidData(data)).toBeNull();
  });
});

describe('keys and encryption', () => {
  it('accepts 128, 192 and 256-bit keys as ASCII or hex, and nothing else', () => {
    expect(parseDc09Key('A'.repeat(16))).toHaveLength(16);
    expect(parseDc09Key('A'.repeat(24))).toHaveLength(24);
    expect(parseDc09Key('A'.repeat(32))).toHaveLength(16); // 32 hex digits
    expect(parseDc09Key('z'.repeat(32))).toHaveLength(32); // 32 ASCII characters
    expect(parseDc09Key('0f'.repeat(24))).toHaveLength(24);
    expect(parseDc09Key('0f'.repeat(32))).toHaveLength(32);
    for (const bad of ['', 'short', 'A'.repeat(17), 'é'.repeat(16)])
      expect(() => parseDc09Key(bad)).toThrow(/16, 24 or 32/);
  });

  it('pads to whole blocks with a full extra block when already aligned, never with | [ ]', () => {
    const key = parseDc09Key('K'.repeat(16));
    const aligned = '|' + 'x'.repeat(15); // 16 characters
    expect(encryptDc09(aligned, key)).toHaveLength(64); // 32 bytes: one extra block
    expect(encryptDc09('|x]', key)).toHaveLength(32);
    for (let i = 0; i < 200; i += 1) expect(decryptDc09(encryptDc09('|x]', key), key)).toBe('x]');
  });
});

describe('replies', () => {
  const header = { id: 'SIA-DCS', encrypted: false, sequence: '0042', receiver: '12', line: '3', account: '00AB' };

  it('builds ACK, DUH and NAK that a panel can read back', () => {
    expect(buildAck(header, null).toString('latin1')).toMatch(/^\n[0-9A-F]{8}"ACK"0042R12L3#00AB\[\]\r$/);
    expect(parseReply(buildAck(header, null))).toEqual({
      ok: true,
      value: { type: 'ACK', sequence: '0042', account: '00AB', timestamp: null },
    });
    expect(parseReply(buildDuh(header))).toMatchObject({ ok: true, value: { type: 'DUH', sequence: '0042' } });
    const now = new Date('2026-11-22T10:11:12Z');
    expect(buildNak(now).toString('latin1')).toContain('"NAK"0000R0L0A0[]_10:11:12,11-22-2026');
    expect(parseReply(buildNak(now))).toEqual({
      ok: true,
      value: { type: 'NAK', sequence: '0000', account: null, timestamp: now },
    });
  });

  it('encrypts the ACK of an encrypted message, with pad and timestamp', () => {
    const key = parseDc09Key('0123456789abcdef0123456789abcdef');
    const now = new Date('2026-11-22T10:11:12Z');
    const ack = buildAck({ ...header, encrypted: true }, key, now);
    expect(ack.toString('latin1')).toMatch(/"\*ACK"0042R12L3#00AB\[[0-9A-F]{64}\r$/);
    expect(parseReply(ack, key)).toEqual({
      ok: true,
      value: { type: 'ACK', sequence: '0042', account: '00AB', timestamp: now },
    });
  });
});

describe('timestamps', () => {
  it('round-trips and rejects impossible dates', () => {
    const date = new Date('2026-02-28T23:59:59Z');
    expect(formatDc09Timestamp(date)).toBe('_23:59:59,02-28-2026');
    expect(parseDc09Timestamp('_23:59:59,02-28-2026')).toEqual(date);
    expect(parseDc09Timestamp('_12:00:00,02-30-2026')).toBeNull();
    expect(parseDc09Timestamp('_24:00:00,02-28-2026')).toBeNull();
  });
});

describe('splitting a TCP stream', () => {
  const one = buildFrame({ id: 'SIA-DCS', sequence: 1, account: '1234', message: 'Nri1/BA001' });
  const two = buildFrame({ id: 'NULL', sequence: 2, account: '1234', crcFormat: 'binary' });

  it('joins a frame split across packets and splits several in one packet', () => {
    const splitter = new FrameSplitter(4096);
    const stream = Buffer.concat([one, two, one]);
    const frames: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 7) frames.push(...splitter.push(stream.subarray(i, i + 7)).frames);
    expect(frames).toEqual([one, two, one]);
    expect(new FrameSplitter(4096).push(stream).frames).toEqual([one, two, one]);
  });

  it('copes with raw CRC bytes that are LF or CR', () => {
    // Find a sequence number whose binary CRC contains a CR or LF byte.
    for (let seq = 0; seq < 9999; seq += 1) {
      const f = buildFrame({ id: 'NULL', sequence: seq, account: '1234', crcFormat: 'binary' });
      if ([f[1], f[2]].some((b) => b === 0x0a || b === 0x0d)) {
        expect(new FrameSplitter(4096).push(Buffer.concat([f, one])).frames).toEqual([f, one]);
        expect(parseFrame(f).ok).toBe(true);
        return;
      }
    }
    throw new Error('no such sequence found');
  });

  it('drops garbage between frames and reports an oversized frame', () => {
    const splitter = new FrameSplitter(64);
    const result = splitter.push(Buffer.concat([Buffer.from('garbage\n\nxx'), one]));
    expect(result.frames).toEqual([one]);
    expect(result.garbageBytes).toBeGreaterThan(0);
    expect(splitter.push(Buffer.concat([Buffer.from('\n0000FFFF"SIA-DCS"'), Buffer.alloc(100, 0x41)])).items).toEqual([
      { oversized: 118 },
    ]);
  });

  it('reports an oversized frame in its place and reads the frames after it', () => {
    const before = buildFrame({ id: 'SIA-DCS', sequence: 1, account: '1234', message: 'Nri1/BA001' });
    const big = buildFrame({ id: 'SIA-DCS', sequence: 2, account: '1234', message: `Nri1/BA002^${'x'.repeat(300)}^` });
    const after = buildFrame({ id: 'SIA-DCS', sequence: 3, account: '1234', message: 'Nri1/BA003' });
    // Complete in one chunk.
    const whole = new FrameSplitter(256).push(Buffer.concat([before, big, after]));
    expect(whole.items).toEqual([{ frame: before }, { oversized: big.length }, { frame: after }]);
    // Byte by byte: the NAK is known once the limit is passed; what follows the CR is read again.
    const splitter = new FrameSplitter(256);
    const items = [];
    for (const byte of Buffer.concat([before, big, after])) items.push(...splitter.push(Buffer.from([byte])).items);
    expect(items).toEqual([{ frame: before }, { oversized: 257 }, { frame: after }]);
  });

  it('never holds more than the limit, however long a frame or garbage goes on', () => {
    const splitter = new FrameSplitter(256);
    let garbage = 0;
    let oversized = 0;
    const header = Buffer.from('\n0000FFFF"SIA-DCS"0001L0#1234[', 'latin1');
    for (const chunk of [
      Buffer.alloc(65_536, 0x41),
      header,
      ...Array.from({ length: 64 }, () => Buffer.alloc(1024, 0x42)),
    ]) {
      const result = splitter.push(chunk);
      garbage += result.garbageBytes;
      oversized += result.items.filter((item) => 'oversized' in item).length;
      expect(splitter.bufferedBytes).toBeLessThanOrEqual(256);
    }
    expect(garbage).toBe(65_536);
    expect(oversized).toBe(1);
    // The CR ends the oversized frame; the next frame is read.
    const next = buildFrame({ id: 'NULL', sequence: 5, account: '1234' });
    expect(splitter.push(Buffer.concat([Buffer.from('\r'), next])).frames).toEqual([next]);
  });
});

const hexDigits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: min, maxLength: max });

const keyArbitrary = fc.oneof(
  fc.constantFrom(16, 24, 32).chain((n) =>
    fc.string({
      unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefgh0123456789!#$%'),
      minLength: n,
      maxLength: n,
    }),
  ),
  fc.constantFrom(32, 48, 64).chain((n) => hexDigits(n, n)),
);

const eventArbitrary = fc.record({
  code: fc.constantFrom('BA', 'FA', 'HA', 'AT', 'YT', 'RP', 'OP', 'ZZ'),
  zone: fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: null }),
  area: fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: null }),
});

const frameArbitrary = fc.record({
  protocol: fc.constantFrom('SIA-DCS', 'ADM-CID', 'NULL'),
  sequence: fc.integer({ min: 0, max: 9999 }),
  receiver: fc.option(hexDigits(1, 6), { nil: null }),
  line: fc.oneof(hexDigits(0, 6), fc.constant('')),
  account: hexDigits(3, 16),
  events: fc.array(eventArbitrary, { minLength: 1, maxLength: 4 }),
  cid: fc.record({
    q: fc.constantFrom('1', '3', '6'),
    event: fc.stringMatching(/^\d{3}$/),
    area: hexDigits(2, 2),
    zone: hexDigits(3, 3),
  }),
  xdata: fc.array(fc.stringMatching(/^[XYHMI][0-9A-Za-z.:]{1,12}$/), { maxLength: 3 }),
  timestamp: fc.option(
    fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }).map((s) => new Date(s * 1000)),
    { nil: null },
  ),
  crcFormat: fc.constantFrom('hex' as const, 'binary' as const),
  key: fc.option(keyArbitrary, { nil: null }),
});

describe('build → parse round trip (property)', () => {
  it('recovers every field of random valid frames, plain and encrypted', () => {
    fc.assert(
      fc.property(frameArbitrary, (input) => {
        const key = input.key ? parseDc09Key(input.key) : null;
        const message =
          input.protocol === 'SIA-DCS'
            ? buildSiaDcsData(input.events)
            : input.protocol === 'ADM-CID'
              ? `${input.cid.q}${input.cid.event} ${input.cid.area} ${input.cid.zone}`
              : '';
        const timestamp = key ? (input.timestamp ?? new Date(Date.UTC(2026, 0, 1))) : input.timestamp;
        const bytes = buildFrame({
          id: input.protocol,
          sequence: input.sequence,
          receiver: input.receiver,
          line: input.line,
          account: input.account,
          message,
          xdata: input.xdata,
          timestamp,
          key,
          crcFormat: input.crcFormat,
        });
        expect(new FrameSplitter(8192).push(bytes).frames).toEqual([bytes]);
        const result = parseFrame(bytes);
        if (!result.ok) throw new Error(result.message);
        expect(result.value).toMatchObject({
          id: input.protocol,
          encrypted: key !== null,
          sequence: String(input.sequence).padStart(4, '0'),
          receiver: input.receiver,
          line: input.line,
          account: input.account,
          crcFormat: input.crcFormat,
        });
        const payload = openPayload(result.value, key);
        if (!payload.ok) throw new Error(payload.message);
        expect(payload.value.data).toBe(message);
        expect(payload.value.xdata).toEqual(input.xdata);
        expect(payload.value.timestamp).toEqual(timestamp ?? null);
        if (input.protocol === 'SIA-DCS') {
          expect(parseSiaDcsData(payload.value.data)?.map((e) => [e.code, e.zone])).toEqual(
            input.events.map((e) => [e.code, e.zone]),
          );
        }
        if (input.protocol === 'ADM-CID') {
          expect(parseAdmCidData(payload.value.data)?.code).toBe(`${input.cid.q}${input.cid.event}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random bytes (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, framed) => {
        const input = framed ? Buffer.concat([Buffer.from([0x0a]), bytes, Buffer.from([0x0d])]) : Buffer.from(bytes);
        const splitter = new FrameSplitter(1024);
        for (const f of [...splitter.push(input).frames, input]) {
          const result = parseFrame(f);
          if (result.ok) {
            openPayload(result.value, parseDc09Key('A'.repeat(16)));
            parseSiaDcsData(result.value.tail);
          }
          parseReply(f);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

it('builds Contact ID and SIA messages for the simulator', () => {
  expect(buildAdmCidData('1130', '1', '12')).toBe('1130 01 012');
  expect(buildSiaDcsData([{ code: 'BA', zone: '012', area: '1' }])).toBe('Nri1/BA012');
});
