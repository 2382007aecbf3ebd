import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDc09Key } from '../src/ingest/dc09/dc09-crypto.js';
import { buildFrame, parseReply, wrapBody } from '../src/ingest/dc09/dc09-frame.js';
import { Dc09TcpClient, udpRequest } from './support/dc09-client.js';
import { TestEnvironment } from './support/test-app.js';

/**
 * DC-09 byte fuzz (issue 13): frames with arbitrary bytes (NUL, 0x80–0xFF, invalid UTF-8,
 * control characters) in text, xdata and elsewhere, with correct CRC and length, plain and
 * encrypted, hex and binary CRC, over TCP (one write or cut anywhere) and UDP, mixed with
 * clean frames of other accounts, retransmissions, broken frames, oversized frames and garbage.
 *
 * Every well-formed frame is ACKed and stored exactly once with its bytes recoverable; every
 * broken one gets its defined reply (NAK, or DUH for unreadable data) and is not stored;
 * nothing unstored is ACKed; health stays 200. Bounded: a few hundred frames.
 */
const env = new TestEnvironment();
const KEY_TEXT = 'Fuzzing-Key-16ch';
const KEY = parseDc09Key(KEY_TEXT);
const MAX_FRAME_BYTES = 4105;

const DIRTY_ACCOUNTS = ['F001', 'F002'];
const CLEAN_ACCOUNTS = ['C001', 'C002', 'C003'];
const KEYED_ACCOUNT = 'FE01';

type Expected =
  { reply: 'ACK'; account: string; sequence: string } | { reply: 'NAK' } | { reply: 'DUH'; sequence: string };
interface Sent {
  bytes: Buffer;
  expected: Expected;
  /** Stored once (well-formed) or never (broken). */
  stored: boolean;
}

const stored = new Map<string, Buffer>();
const refused = new Map<string, Buffer>();
const sequences = new Map<string, number>();
/** A new sequence per frame and account, so no two different frames look like retransmissions. */
const nextSequence = (account: string): number => {
  const next = (sequences.get(account) ?? 0) + 1;
  sequences.set(account, next);
  return next;
};
const four = (n: number) => String(n).padStart(4, '0');

beforeAll(async () => {
  await env.start();
  for (const account of [...DIRTY_ACCOUNTS, ...CLEAN_ACCOUNTS]) await env.createSite(account, `Fuzz ${account}`);
  await env.createSite(KEYED_ACCOUNT, 'Fuzz keyed', { key: KEY_TEXT });
});

afterAll(async () => {
  await env.destroy();
});

const SPECIAL = [0x00, 0x01, 0x0a, 0x1b, 0x1f, 0x7f, 0x80, 0x9f, 0xa0, 0xc0, 0xc3, 0xe2, 0xed, 0xf4, 0xff];
/** Arbitrary bytes as a latin1 string (one char per byte), without the bytes in `forbidden`. */
const bytesWithout = (forbidden: number[], maxLength = 40) =>
  fc
    .array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...SPECIAL)), { maxLength })
    .map((bytes) => Buffer.from(bytes.filter((b) => !forbidden.includes(b))).toString('latin1'));
const CR = 0x0d;
const CARET = 0x5e;
const CLOSE = 0x5d;

const wellFormed = fc.record({
  text: fc.option(bytesWithout([CR, CARET, CLOSE]), { nil: null }),
  xdata: fc.array(bytesWithout([CR, CLOSE]), { maxLength: 3 }),
  encrypted: fc.boolean(),
  crcFormat: fc.constantFrom('hex' as const, 'binary' as const),
  repeat: fc.boolean(),
});

const broken = fc.oneof(
  fc.constant({ kind: 'bad-crc' as const }),
  fc.constant({ kind: 'bad-length' as const }),
  fc.record({ kind: fc.constant('bad-account' as const), byte: fc.constantFrom(0x00, 0x20, 0x47, 0x80, 0xff) }),
  fc.record({ kind: fc.constant('junk-after-data' as const), junk: bytesWithout([CR], 30) }),
  fc.constant({ kind: 'oversized' as const }),
);

const part = fc.oneof(
  { weight: 4, arbitrary: wellFormed.map((spec) => ({ type: 'dirty' as const, spec })) },
  { weight: 3, arbitrary: fc.constant({ type: 'clean' as const }) },
  { weight: 2, arbitrary: broken.map((spec) => ({ type: 'broken' as const, spec })) },
);

const run = fc.record({
  parts: fc.array(part, { minLength: 1, maxLength: 8 }),
  garbage: fc.array(bytesWithout([0x0a], 60), { minLength: 0, maxLength: 3 }),
  cuts: fc.array(fc.integer({ min: 1, max: 4000 }), { maxLength: 4 }),
});

type Part = typeof part extends fc.Arbitrary<infer T> ? T : never;

function makeFrames(parts: Part[]): Sent[] {
  const sent: Sent[] = [];
  for (const p of parts) {
    if (p.type === 'clean') {
      const account = CLEAN_ACCOUNTS[sent.length % CLEAN_ACCOUNTS.length]!;
      const sequence = nextSequence(account);
      const bytes = buildFrame({ id: 'SIA-DCS', sequence, account, message: `Nri1/BA${four(sequence % 1000)}` });
      sent.push({ bytes, expected: { reply: 'ACK', account, sequence: four(sequence) }, stored: true });
    } else if (p.type === 'dirty') {
      const { text, xdata, encrypted, crcFormat, repeat } = p.spec;
      const account = encrypted ? KEYED_ACCOUNT : DIRTY_ACCOUNTS[sent.length % DIRTY_ACCOUNTS.length]!;
      const sequence = nextSequence(account);
      const bytes = buildFrame({
        id: 'SIA-DCS',
        sequence,
        account,
        message: `Nri1/FA${four(sequence % 1000)}${text === null ? '' : `^${text}^`}`,
        xdata: xdata.map((block) => `X${block}`),
        key: encrypted ? KEY : null,
        crcFormat,
      });
      const one: Sent = { bytes, expected: { reply: 'ACK', account, sequence: four(sequence) }, stored: true };
      sent.push(one);
      if (repeat) sent.push(one); // a retransmission in the same write
    } else {
      const account = DIRTY_ACCOUNTS[0]!;
      const sequence = nextSequence(account);
      const good = buildFrame({ id: 'SIA-DCS', sequence, account, message: `Nri1/BA${four(sequence % 1000)}` });
      const spec = p.spec;
      let bytes: Buffer;
      let expected: Expected = { reply: 'NAK' };
      if (spec.kind === 'bad-crc') {
        bytes = Buffer.from(good);
        bytes[1] = bytes[1] === 0x30 ? 0x31 : 0x30;
      } else if (spec.kind === 'bad-length') {
        bytes = Buffer.from(good);
        bytes[8] = bytes[8] === 0x30 ? 0x31 : 0x30; // the last length digit; the CRC is still right
      } else if (spec.kind === 'bad-account') {
        bytes = wrapBody(`"SIA-DCS"${four(sequence)}L0#F0${String.fromCharCode(spec.byte)}1[#F001|Nri1/BA001]`);
      } else if (spec.kind === 'junk-after-data') {
        const junk = `Z${spec.junk}`.length === 20 ? `Z${spec.junk}Q` : `Z${spec.junk}`;
        bytes = wrapBody(`"SIA-DCS"${four(sequence)}L0#${account}[#${account}|Nri1/BA001]${junk}`);
        expected = { reply: 'DUH', sequence: four(sequence) };
      } else {
        bytes = buildFrame({
          id: 'SIA-DCS',
          sequence,
          account,
          message: 'Nri1/BA001',
          xdata: [`X${'x'.repeat(MAX_FRAME_BYTES)}`],
        });
      }
      sent.push({ bytes, expected, stored: false });
    }
  }
  for (const { bytes, stored: isStored } of sent) (isStored ? stored : refused).set(bytes.toString('hex'), bytes);
  return sent;
}

/** The frames with garbage (LF-free, so it never starts a frame) between some of them. */
function stream(sent: Sent[], garbage: string[]): Buffer {
  const pieces: Buffer[] = [];
  sent.forEach((s, i) => {
    const junk = garbage[i];
    if (junk) pieces.push(Buffer.from(junk, 'latin1'));
    pieces.push(s.bytes);
  });
  return Buffer.concat(pieces);
}

function describeReply(bytes: Buffer): string {
  const reply = parseReply(bytes, KEY);
  if (!reply.ok) return `unreadable: ${reply.message}`;
  const { type, account, sequence } = reply.value;
  return type === 'NAK' ? 'NAK' : type === 'DUH' ? `DUH ${sequence}` : `${type} ${account} ${sequence}`;
}

const describeExpected = (e: Expected) =>
  e.reply === 'NAK' ? 'NAK' : e.reply === 'DUH' ? `DUH ${e.sequence}` : `ACK ${e.account} ${e.sequence}`;

async function healthStatus(): Promise<number> {
  return (await fetch(`${env.url}/api/v1/health`)).status;
}

describe('DC-09 byte fuzz', () => {
  it('over TCP: every frame gets its reply in order, in one write or cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(run, async ({ parts, garbage, cuts }) => {
        const sent = makeFrames(parts);
        const bytes = stream(sent, garbage);
        const client = await Dc09TcpClient.open(env.tcpPort);
        try {
          let from = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            if (cut <= from || cut >= bytes.length) continue;
            client.send(bytes.subarray(from, cut));
            from = cut;
          }
          client.send(bytes.subarray(from));
          const got: string[] = [];
          for (let i = 0; i < sent.length; i += 1) {
            const reply = await client.nextFrame(15_000);
            got.push(reply ? describeReply(reply) : 'no reply');
          }
          expect(got).toEqual(sent.map((s) => describeExpected(s.expected)));
          expect(client.closed).toBe(false);
        } finally {
          client.close();
        }
        expect(await healthStatus()).toBe(200);
      }),
      { numRuns: 80, endOnFailure: true },
    );
  }, 180_000);

  it('over UDP: every frame of a datagram gets its reply', async () => {
    await fc.assert(
      fc.asyncProperty(run, async ({ parts, garbage }) => {
        const sent = makeFrames(parts);
        // Up to three frames per datagram.
        for (let i = 0; i < sent.length; i += 3) {
          const group = sent.slice(i, i + 3);
          const replies = await udpRequest(env.udpPort, stream(group, garbage), group.length, 15_000);
          expect(replies.map(describeReply).sort()).toEqual(group.map((s) => describeExpected(s.expected)).sort());
        }
        expect(await healthStatus()).toBe(200);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  }, 180_000);

  it('stored every well-formed frame exactly once, byte for byte, and no broken one', async () => {
    expect(stored.size).toBeGreaterThan(50);
    const counts = await env.query<{ hex: string; n: string }>(
      `SELECT encode(raw_bytes, 'hex') AS hex, count(*) AS n FROM signals
        WHERE account = ANY($1::text[]) GROUP BY raw_bytes`,
      [[...DIRTY_ACCOUNTS, ...CLEAN_ACCOUNTS, KEYED_ACCOUNT]],
    );
    const found = new Map(counts.map((row) => [row.hex, Number(row.n)]));
    const missing = [...stored.keys()].filter((hex) => found.get(hex) !== 1);
    expect(missing).toEqual([]);
    expect([...found.keys()].filter((hex) => !stored.has(hex))).toEqual([]);
    expect([...refused.keys()].filter((hex) => found.has(hex))).toEqual([]);
    const [texts] = await env.query<{ n: string }>(
      `SELECT count(*) AS n FROM signals WHERE strpos(raw || coalesce(text, '') || coalesce(array_to_string(xdata, ''), ''), chr(1)) > 0`,
    );
    expect(Number(texts!.n)).toBe(0);
    expect(await healthStatus()).toBe(200);
  });
});
