import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildAck,
  buildAdmCidData,
  buildDuh,
  buildFrame,
  buildNak,
  FrameSplitter,
  openPayload,
  parseDc09Key,
  parseFrame,
  parseReply,
  type TransmitterInfo,
  interpretFrame,
  type ClockWindow,
  type FrameDecision,
} from '../src/ingest/index.js';
import { machine } from './bench-support.js';

/**
 * The DC-09 codec on its own, in process and on one thread: what the TCP receiver does per frame
 * (FrameSplitter, parseFrame, the directory's Map lookup, interpretFrame with decryption,
 * classification and the de-duplication key, then the reply's bytes) over a fixed mix of frames,
 * without sockets or a database. Prints the median of --runs runs for the whole path and for each
 * stage, and a digest of every deterministic output (decisions, signals, clear replies, what the
 * encrypted replies decrypt to): builds of different code that give the same digest answer alike.
 *   node dist-bench/bench/bench-codec.js [--runs 5] [--frames 100000]     (pnpm bench:codec)
 *   … --against /tmp/before/apps/server/dist    another build's codec (its ingest/dc09/*.js) too,
 *       its runs interleaved with this build's, on the same mix in the same process: before and
 *       after see the same machine at the same minutes.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    frames: { type: 'string', default: '100000' },
    transmitters: { type: 'string', default: '2000' },
    'encrypted-share': { type: 'string', default: '0.1' },
    'retransmit-share': { type: 'string', default: '0.03' },
    'null-share': { type: 'string', default: '0.2' },
    seed: { type: 'string', default: '17' },
    against: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const FRAMES = Number(values.frames);
const TRANSMITTERS = Number(values.transmitters);
const ENCRYPTED_SHARE = Number(values['encrypted-share']);
const RETRANSMIT_SHARE = Number(values['retransmit-share']);
const NULL_SHARE = Number(values['null-share']);
const TARGET = 80_000;
const ENCRYPTED_REPEAT = 5;
/**
 * The mix is built for one fixed moment, and the receiver's clock is that moment (the receiver's
 * default window, 40 s back and 20 s ahead): every checkout gets the same frames and decisions.
 */
const MIX_TIME = Date.UTC(2026, 11, 1, 12, 0, 0);
const CLOCK = { pastSeconds: 40, futureSeconds: 20 };

/** A small deterministic generator (mulberry32): the same mix in every checkout. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  /** The TCP chunk: one frame, as a panel sends it and waits for the ACK. */
  chunk: Buffer;
  /** Index of the panel's connection (its FrameSplitter). */
  connection: number;
}

interface Mix {
  samples: Sample[];
  directory: Map<string, TransmitterInfo>;
  counts: Record<string, number>;
}

/** SIA-DCS messages; `A` is replaced by an area (1–8) and `ZZZ` by a zone (001–128). */
const SIA_MESSAGES = [
  'NriA/BAZZZ',
  'NriA/FAZZZ',
  'NriA/AT000',
  'NriA/OP003',
  'Nti10:30/id3/riA/CL003',
  'NriA/BAZZZ/BA013/ri2/FAZZZ',
  'NriA/YT000^Battery low^',
  'Nri0/RP0000',
  'NriA/BRZZZ',
];
/** Contact ID events, with a zone (and partition) of their own or the system's 00/000. */
const CID_MESSAGES: [string, boolean][] = [
  ['1130', true],
  ['3130', true],
  ['1110', true],
  ['1301', false],
  ['1401', true],
  ['3401', true],
  ['1602', false],
];

/**
 * The transmitters as the directory holds them (keys opened from their hex form by
 * parseDc09Key, one Buffer per transmitter), and the frames they send in a busy hour.
 */
function buildMix(seed: number): Mix {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const directory = new Map<string, TransmitterInfo>();
  const infos: TransmitterInfo[] = [];
  const sequences: number[] = [];
  for (let i = 0; i < TRANSMITTERS; i += 1) {
    const account = (0x10000 + i).toString(16).toUpperCase();
    const keyed = random() < ENCRYPTED_SHARE;
    const keyBytes = [16, 24, 32][i % 3]!;
    const keyHex = Array.from({ length: keyBytes }, () =>
      Math.floor(random() * 256)
        .toString(16)
        .padStart(2, '0'),
    )
      .join('')
      .toUpperCase();
    const info: TransmitterInfo = {
      id: `t${i}`,
      account,
      siteId: `s${i}`,
      protocol: random() < 0.55 ? 'SIA-DCS' : 'ADM-CID',
      key: keyed ? parseDc09Key(keyHex) : null,
      requireEncryption: keyed && random() < 0.5,
      supervisionIntervalSeconds: 300,
    };
    directory.set(account, info);
    infos.push(info);
    sequences.push(Math.floor(random() * 9999));
  }
  const now = new Date(MIX_TIME);
  const pickPad = (max: number): number => Math.floor(random() * max);
  const samples: Sample[] = [];
  const counts: Record<string, number> = {};
  const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
  while (samples.length < FRAMES) {
    if (samples.length > 0 && random() < RETRANSMIT_SHARE) {
      // The ACK was lost: the panel sends the same bytes again on its connection.
      samples.push(samples[samples.length - 1 - Math.floor(random() * Math.min(50, samples.length))]!);
      count('retransmission');
      continue;
    }
    const index = Math.floor(random() * infos.length);
    const info = infos[index]!;
    const sequence = (sequences[index] = (sequences[index]! % 9999) + 1);
    const heartbeat = random() < NULL_SHARE;
    const sia = info.protocol === 'SIA-DCS';
    const area = String(1 + Math.floor(random() * 8));
    const zone = String(1 + Math.floor(random() * 128)).padStart(3, '0');
    const [cidCode, cidZoned] = pick(CID_MESSAGES);
    const message = sia
      ? pick(SIA_MESSAGES).replace('A', area).replaceAll('ZZZ', zone)
      : buildAdmCidData(cidCode, cidZoned ? area : '00', cidZoned ? zone : '000');
    const withTime = random() < 0.5;
    const chunk = buildFrame({
      id: heartbeat ? 'NULL' : info.protocol,
      sequence,
      receiver: random() < 0.3 ? '1' : null,
      line: random() < 0.3 ? '1' : '0',
      account: info.account,
      message: heartbeat ? '' : message,
      xdata: !heartbeat && random() < 0.1 ? ['X012W34.1', 'Y045N12.2'] : [],
      timestamp: info.key || withTime ? now : null,
      key: info.key,
      crcFormat: random() < 0.05 ? 'binary' : 'hex',
      pickPad,
    });
    samples.push({ chunk, connection: index });
    count(`${info.key ? `encrypted AES-${info.key.length * 8} ` : ''}${heartbeat ? 'NULL' : info.protocol}`);
  }
  return { samples, directory, counts };
}

/** What the bench calls per frame: this build's codec, or another build's (--against). */
const thisCodec = { parseFrame, interpretFrame, openPayload, buildAck, buildNak, buildDuh, parseReply, FrameSplitter };
type Codec = typeof thisCodec;

async function loadCodec(dist: string): Promise<Codec> {
  const load = async (file: string): Promise<Partial<Codec>> =>
    (await import(pathToFileURL(join(resolve(dist), 'ingest', 'dc09', file)).href)) as Partial<Codec>;
  const codec = {
    ...(await load('dc09-frame.js')),
    ...(await load('interpret-frame.js')),
    ...(await load('frame-splitter.js')),
  };
  for (const name of Object.keys(thisCodec)) {
    if (typeof codec[name as keyof Codec] !== 'function') throw new Error(`${dist} has no ${name}`);
  }
  return codec as Codec;
}

/** The handler takes `new Date()` per frame; here a Date of the mix's moment, at the same cost. */
const clockNow = (): ClockWindow => ({ now: new Date(MIX_TIME), ...CLOCK });

/** The reply the handler builds for a decision (dc09-handler.service.ts). */
function reply(codec: Codec, decision: FrameDecision, now: Date): Buffer {
  switch (decision.action) {
    case 'NAK':
      return codec.buildNak(now);
    case 'DUH':
      return codec.buildDuh(decision.header);
    case 'HEARTBEAT':
    case 'STORE':
      return codec.buildAck(decision.header, decision.key, now);
  }
}

/** How far a pass goes along the path: each goes as far as the one before it, then further. */
type Depth = 'parse' | 'open' | 'interpret' | 'full';

/**
 * One pass over the samples (all, or the indexes given) up to `depth`: FrameSplitter.push and
 * parseFrame; then the directory lookup and openPayload (decryption) alone ('open'), or
 * interpretFrame ('interpret'), then also the reply bytes ('full'). Nothing of a frame is kept
 * past its turn, as in the receiver: kept results would make V8 allocate them in the old
 * generation and make every later pass pay for it in garbage collection.
 */
function pass(codec: Codec, mix: Mix, splitters: FrameSplitter[], depth: Depth, only?: number[]): number {
  let sink = 0;
  const count = only ? only.length : mix.samples.length;
  for (let n = 0; n < count; n += 1) {
    const sample = mix.samples[only ? only[n]! : n]!;
    const { items } = splitters[sample.connection]!.push(sample.chunk);
    for (const item of items) {
      if (!('frame' in item)) continue;
      const parsed = codec.parseFrame(item.frame);
      if (depth === 'parse' || !parsed.ok) {
        sink += parsed.ok ? 1 : 0;
        continue;
      }
      const info = mix.directory.get(parsed.value.account) ?? null;
      if (depth === 'open') {
        sink += codec.openPayload(parsed.value, info?.key ?? null).ok ? 1 : 0;
        continue;
      }
      const clock = clockNow();
      const decision = codec.interpretFrame(parsed, info, clock, 'dc09-tcp');
      if (depth === 'interpret') sink += decision.action === 'STORE' ? decision.signals.length : 0;
      else sink += reply(codec, decision, clock.now).length;
    }
  }
  return sink;
}

type StageName = 'full' | 'parse' | 'decrypt' | 'classify' | 'ack';
type Timing = Record<StageName, { ms: number; frames: number }>;

/**
 * Times the passes of one run. A stage is the difference between two passes: classify is
 * interpret − parse, ack is full − interpret, decrypt is open − parse over the encrypted frames.
 */
function measure(codec: Codec, mix: Mix, splitters: FrameSplitter[], encrypted: number[]): Timing {
  let sink = 0;
  const time = (depth: Depth, only?: number[]): number => {
    const started = performance.now();
    sink += pass(codec, mix, splitters, depth, only);
    return performance.now() - started;
  };
  const n = mix.samples.length;
  const full = time('full');
  const parse = time('parse');
  const interpret = time('interpret');
  // The encrypted frames are few: their passes go over them several times, to be long enough to time.
  const encryptedTimes = [...Array<number[]>(ENCRYPTED_REPEAT)].flatMap(() => encrypted);
  const open = time('open', encryptedTimes);
  const parseEncrypted = time('parse', encryptedTimes);
  if (sink < 0) process.stdout.write('');
  return {
    full: { ms: full, frames: n },
    parse: { ms: parse, frames: n },
    decrypt: { ms: open - parseEncrypted, frames: encryptedTimes.length },
    classify: { ms: interpret - parse, frames: n },
    ack: { ms: full - interpret, frames: n },
  };
}

/**
 * A digest of everything deterministic the codec produced for the mix: the decision of every
 * frame with its signals (de-duplication keys included), every clear reply byte for byte, and
 * for an encrypted reply its length and what it decrypts to (its pad is random by design).
 * Also the indexes of the encrypted samples.
 */
function outputDigest(
  codec: Codec,
  mix: Mix,
  splitters: FrameSplitter[],
): { digest: string; outcomes: Record<string, number>; encrypted: number[] } {
  const hash = createHash('sha256');
  const outcomes: Record<string, number> = {};
  const encrypted: number[] = [];
  mix.samples.forEach((sample, i) => {
    const frames = splitters[sample.connection]!.push(sample.chunk).frames;
    if (frames.length !== 1) throw new Error('every sample must be one frame');
    const parsed = codec.parseFrame(frames[0]!);
    const info = parsed.ok ? (mix.directory.get(parsed.value.account) ?? null) : null;
    if (parsed.ok && parsed.value.encrypted) encrypted.push(i);
    const decision = codec.interpretFrame(parsed, info, clockNow(), 'dc09-tcp');
    const name = decision.action === 'NAK' || decision.action === 'DUH' ? decision.outcome : decision.action;
    outcomes[name] = (outcomes[name] ?? 0) + 1;
    const bytes = reply(codec, decision, new Date(0));
    const encryptedReply = decision.action !== 'NAK' && decision.action !== 'DUH' && decision.key !== null;
    const replyText = encryptedReply
      ? JSON.stringify({ length: bytes.length, reply: codec.parseReply(bytes, info?.key ?? null) })
      : bytes.toString('hex');
    // The key Buffer is left out (it is the transmitter's); the header is the parsed frame.
    hash.update(JSON.stringify({ ...decision, key: undefined, replyText }));
    hash.update('\n');
  });
  return { digest: hash.digest('hex').slice(0, 16), outcomes, encrypted };
}

function median(list: number[]): number {
  if (list.length === 0) return NaN;
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const WHAT: Record<StageName, string> = {
  full: 'full path: split, parse, lookup, interpret, reply bytes',
  parse: 'FrameSplitter.push + parseFrame',
  decrypt: 'openPayload of the encrypted frames (decrypt, pad strip, tail)',
  classify: 'lookup + interpretFrame (decrypt, events, dedup key)',
  ack: 'reply bytes (buildAck, *ACK encrypted)',
};

/** Frames per second; NaN for a stage whose difference of passes was lost in the noise (≤ 0 ms). */
const rate = (t: { ms: number; frames: number }): number => (t.ms > 0 ? (t.frames / t.ms) * 1000 : NaN);
const thousands = (n: number): string => (Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en-US'));

function report(name: string, runs: Timing[]): number {
  const header = ['stage', 'what', 'frames', `frames/s per run (${runs.length})`, 'median frames/s', 'median µs/frame'];
  const rows = (Object.keys(WHAT) as StageName[]).map((stage) => {
    const rates = runs.map((r) => rate(r[stage]));
    const middle = median(rates.filter((r) => !Number.isNaN(r)));
    const frames = String(runs[0]![stage].frames);
    return [
      stage,
      WHAT[stage],
      frames,
      rates.map(thousands).join(', '),
      thousands(middle),
      Number.isNaN(middle) ? 'n/a' : (1e6 / middle).toFixed(2),
    ];
  });
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const line = (row: string[]): string => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  const full = median(runs.map((r) => rate(r.full)));
  process.stdout.write(
    `\n${name}\n${[line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')}\n` +
      `Full path: ${thousands(full)} frames/s (target ≥ ${thousands(TARGET)}): ${full >= TARGET ? 'met' : 'MISSED'}\n`,
  );
  return full;
}

async function main(): Promise<void> {
  const codecs: [string, Codec][] = [['this build', thisCodec]];
  if (values.against) codecs.push([`against ${values.against}`, await loadCodec(values.against)]);
  const mix = buildMix(Number(values.seed));
  process.stdout.write(`DC-09 codec benchmark (in process, one thread)\n${machine()}\n`);
  process.stdout.write(`Mix of ${mix.samples.length} frames from ${TRANSMITTERS} transmitters:\n`);
  for (const [name, n] of Object.entries(mix.counts).sort()) process.stdout.write(`  ${name}: ${n}\n`);
  const prepared = codecs.map(([name, codec]) => {
    const splitters = Array.from({ length: TRANSMITTERS }, () => new codec.FrameSplitter(1024));
    const { digest, outcomes, encrypted } = outputDigest(codec, mix, splitters);
    process.stdout.write(`${name}: decisions ${JSON.stringify(outcomes)}, output digest ${digest}\n`);
    pass(codec, mix, splitters, 'full'); // warm-up
    return { name, codec, splitters, digest, encrypted, runs: [] as Timing[] };
  });
  const digests = new Set(prepared.map((p) => p.digest));
  if (digests.size > 1) process.stdout.write('The builds DIFFER in what they produce for the mix.\n');
  else if (prepared.length > 1) process.stdout.write('The builds produce the same decisions and replies.\n');
  for (let run = 0; run < RUNS; run += 1) {
    // Interleaved, each build first in every other run.
    const order = run % 2 === 0 ? prepared : [...prepared].reverse();
    for (const p of order) p.runs.push(measure(p.codec, mix, p.splitters, p.encrypted));
  }
  const fulls = prepared.map((p) => report(p.name, p.runs));
  if (fulls.length > 1) process.stdout.write(`\nThis build / the other: ${(fulls[0]! / fulls[1]!).toFixed(2)}×\n`);
  if (digests.size > 1) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
