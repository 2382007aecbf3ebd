import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { LatencySamples, type LatencySummary } from '../src/simulator/index.js';
import { type Figure, stopChild } from './bench-support.js';
import type { CaseSeen, ConsoleBoard } from './bench-storm-consoles.js';
import type { LoadFigures, LoadReply, LoadRequest, StormRequest } from './bench-storm-load.js';
import {
  ackBuckets,
  ackQuantileMs,
  type BacklogProbe,
  cpuText,
  listenOverflows,
  loopUtilizationMax,
  metricSum,
  type PhaseCpu,
  scrape,
} from './bench-storm-pg.js';

/**
 * The load process of `bench-storm` (bench-storm-load.ts), and one storm: the panels (in the load process) send, the consoles receive, and
 * meanwhile the evaluation backlog is sampled every 250 ms. What is measured, per fire alarm:
 * from the write of the frame that was ACKed (ACK time minus its latency) and from the panel's
 * first connection attempt to the fire's case on the first console and on all of them.
 */

const SAMPLE_MS = 250;
const CONSOLE_WAIT_MS = 30_000;
const epochMs = (): number => performance.timeOrigin + performance.now();

/** The child process that plays the panels; one request at a time. */
export class LoadWorker {
  private readonly child: ChildProcess;
  private waiting: ((reply: LoadReply) => void) | null = null;

  constructor() {
    const file = fileURLToPath(new URL('./bench-storm-load.js', import.meta.url));
    this.child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (reply: LoadReply) => this.waiting?.(reply));
    this.child.once('exit', (code) => this.waiting?.({ ok: false, error: `the load process exited with ${code}` }));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async send(request: LoadRequest): Promise<LoadFigures> {
    const reply = await new Promise<LoadReply>((resolve) => {
      this.waiting = resolve;
      this.child.send(request);
    });
    this.waiting = null;
    if (!reply.ok) throw new Error(`load process: ${reply.error}`);
    return reply.figures;
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

export interface StormContext {
  db: pg.Client;
  load: (request: StormRequest) => Promise<LoadFigures>;
  board: ConsoleBoard;
  backlog: BacklogProbe;
  cpu: PhaseCpu;
  /** Epoch ms at which the backlog was first read as 0 (Infinity when it never was, NaN when unknown). */
  evaluatedAt: (pollMs: number) => Promise<number>;
  request: StormRequest;
  /** The server's HTTP address, for its own ACK histogram. */
  httpUrl: string;
  verbose: boolean;
  write: (text: string) => unknown;
}

export interface StormOutcome {
  fireP50: number;
  fireP95: number;
  fireP99: number;
  fireMax: number;
  connectP99: number;
  allConsolesP99: number;
  ackP99: number;
  ackMax: number;
  notAcked: number;
  lastAck: number;
  overflows: number;
  casesOnConsoles: number;
  evaluated: number;
  peakBacklog: number;
  pgMs: number;
  serverMs: number;
  /** What the rest of the machine used meanwhile, % of one CPU: on a shared machine, the noise. */
  otherCpu: number;
}

const ms = (value: number): string =>
  Number.isNaN(value) ? '-' : value === Number.POSITIVE_INFINITY ? 'lost' : value.toFixed(value < 10 ? 1 : 0);
const summaryText = (s: LatencySummary): string =>
  `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)} ms (n=${s.count})`;
/** A time that never came (never ACKed, never on a console) counts as infinitely late. */
const lateness = (value: number): number => (Number.isFinite(value) ? value : Number.POSITIVE_INFINITY);

export async function runStorm(context: StormContext): Promise<StormOutcome> {
  const { request, board, write } = context;
  await context.cpu.start();
  const overflowsBefore = listenOverflows();
  const acksBefore = await ackBuckets(context.httpUrl);

  const timeline: { at: number; backlog: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    const wait = request.startAt - epochMs();
    if (wait > 0) await sleep(wait);
    for (let tick = 1; sampling; tick += 1) {
      const backlog = await context.backlog.read().catch(() => Number.NaN);
      timeline.push({ at: (epochMs() - request.startAt) / 1000, backlog });
      await context.cpu.sample();
      const next = request.startAt + tick * SAMPLE_MS - epochMs();
      if (next > 0) await sleep(next);
    }
  })();

  let result: LoadFigures;
  let done: number;
  try {
    result = await context.load(request);
    done = await context.evaluatedAt(100);
  } finally {
    sampling = false;
    await sampler;
  }
  const overflows = listenOverflows() - overflowsBefore;
  const acksAfter = await ackBuckets(context.httpUrl);
  const busiest = await loopUtilizationMax(context.httpUrl);
  const serverAck = (q: number): string => {
    const bound = ackQuantileMs(acksBefore, acksAfter, q);
    return Number.isNaN(bound) ? '-' : `≤ ${ms(bound)}`;
  };
  const use = await context.cpu.stop();
  const pgMs = (1000 * use.postgres) / result.acked;
  const serverMs = (1000 * use.server) / result.acked;

  // The cases the storm opened, and when each had reached every console.
  const accounts = [...request.specs, ...request.fires].map((spec) => spec.account);
  const { rows: cases } = await context.db.query<{ id: string }>(
    'SELECT id FROM cases WHERE account = ANY($1::text[])',
    [accounts],
  );
  const { rows: stored } = await context.db.query<{ n: string }>(
    'SELECT count(*) AS n FROM signals WHERE account = ANY($1::text[])',
    [accounts],
  );
  const onAll = (id: string): boolean => Number.isFinite(board.cases.get(id)?.allAt ?? Number.NaN);
  const deadline = epochMs() + CONSOLE_WAIT_MS;
  while (cases.some((c) => !onAll(c.id)) && epochMs() < deadline) await sleep(100);
  const missing = cases.filter((c) => !onAll(c.id)).length;
  let lastOnAll = Number.NEGATIVE_INFINITY;
  for (const c of cases) lastOnAll = Math.max(lastOnAll, board.cases.get(c.id)?.allAt ?? Number.NaN);
  const casesOnConsoles = missing > 0 ? Number.POSITIVE_INFINITY : (lastOnAll - result.lastAckAt) / 1000;

  // Each fire site has one case: its fire.
  const fireAccounts = new Set(request.fires.map((spec) => spec.account));
  const fireCases = new Map<string, CaseSeen>();
  for (const seen of board.cases.values()) {
    if (seen.category !== 'FIRE' || !fireAccounts.has(seen.account)) continue;
    const known = fireCases.get(seen.account);
    if (!known || seen.firstAt < known.firstAt) fireCases.set(seen.account, seen);
  }
  const first = new LatencySamples();
  const fromConnect = new LatencySamples();
  const toAll = new LatencySamples();
  const connecting = new LatencySamples();
  for (const fire of result.fires) {
    const seen = fireCases.get(fire.account);
    first.add(lateness((seen?.firstAt ?? Number.NaN) - fire.writeAt));
    fromConnect.add(lateness((seen?.firstAt ?? Number.NaN) - fire.connectAt));
    toAll.add(lateness((seen?.allAt ?? Number.NaN) - fire.writeAt));
    connecting.add(lateness(fire.writeAt - fire.connectAt));
  }
  const fireSummary = first.summary();
  const connectSummary = fromConnect.summary();
  const connectTimes = connecting.summary();
  const slowConnects = result.fires.filter((f) => !(f.writeAt - f.connectAt < 900)).length;

  const valid = timeline.filter((point) => !Number.isNaN(point.backlog));
  const peak = valid.reduce((best, point) => (point.backlog > best.backlog ? point : best), { at: 0, backlog: 0 });
  const shown = context.verbose ? timeline : timeline.filter((_, i) => i % (1000 / SAMPLE_MS) === 0);
  const lastAckS = (result.lastAckAt - result.startedAt) / 1000;
  const evaluated = (done - result.lastAckAt) / 1000;

  write(
    `  storm: ${result.acked} of ${result.events} events ACKed (${result.retries} retries, ${result.connects} connections), ` +
      `last ACK ${lastAckS.toFixed(2)} s after the start; ACK ${summaryText(result.ack)}; ` +
      `load process event-loop delay p99 ${result.loopDelayP99Ms.toFixed(0)} ms, max ${result.loopDelayMaxMs.toFixed(0)} ms\n` +
      `  fires: frame → first console ${summaryText(fireSummary)}\n` +
      `         first connection attempt → first console ${summaryText(connectSummary)}\n` +
      `         frame → all ${board.count} consoles ${summaryText(toAll.summary())}\n` +
      `         first connection attempt → frame written ${summaryText(connectTimes)}; ${slowConnects} of ` +
      `${result.fires.length} fire panels needed ≥ 0.9 s to connect (or never got an ACK); ` +
      `${result.fires.filter((f) => f.attempts > 1).length} sent the frame more than once\n` +
      `  kernel listen overflows during the storm: ${overflows} (TcpExt ListenOverflows of the network namespace)\n` +
      `  the server's own ACK time (arc_receiver_ack_seconds, frame read → ACK written): p50 ${serverAck(0.5)}  ` +
      `p95 ${serverAck(0.95)}  p99 ${serverAck(0.99)} ms; busiest second of its event loop ` +
      `${Number.isNaN(busiest) ? '-' : `${(busiest * 100).toFixed(0)} %`} (arc_event_loop_utilization_max_1m)\n` +
      `  evaluation backlog (${context.backlog.source.split(' (')[0]}), s: ` +
      `${shown.map((p) => `${p.at.toFixed(context.verbose ? 2 : 0)}:${Number.isNaN(p.backlog) ? '-' : p.backlog}`).join(' ')}\n` +
      `  peak backlog ${peak.backlog} at ${peak.at.toFixed(2)} s; every signal evaluated ${evaluated.toFixed(2)} s after the last ACK\n` +
      `  ${cases.length} cases opened by the storm (${stored[0]!.n} signals stored); ` +
      (missing > 0
        ? `${missing} not on all consoles ${CONSOLE_WAIT_MS / 1000} s after evaluation\n`
        : `all on all consoles ${casesOnConsoles.toFixed(2)} s after the last ACK\n`) +
      `  CPU per signal: PostgreSQL ${pgMs.toFixed(3)} ms, server ${serverMs.toFixed(3)} ms; ${cpuText(use)}\n`,
  );

  return {
    fireP50: fireSummary.p50,
    fireP95: fireSummary.p95,
    fireP99: fireSummary.p99,
    fireMax: fireSummary.max,
    connectP99: connectSummary.p99,
    allConsolesP99: toAll.summary().p99,
    ackP99: result.ack.p99,
    ackMax: result.ack.max,
    notAcked: result.notAcked,
    lastAck: lastAckS,
    overflows,
    casesOnConsoles,
    evaluated,
    peakBacklog: valid.length > 0 ? peak.backlog : Number.NaN,
    pgMs,
    serverMs,
    otherCpu: (100 * use.other) / use.wallSeconds,
  };
}

/** The storm's rows of the table, with the targets of issue 17. */
export function stormTable(add: (figure: Omit<Figure, 'values'>) => Figure): Record<keyof StormOutcome, Figure> {
  const ms = (label: string, target?: Figure['target']): Figure => add({ label, unit: 'ms', digits: 0, target });
  return {
    fireP50: ms('storm: fire frame → first console p50'),
    fireP95: ms('storm: fire frame → first console p95'),
    fireP99: ms('storm: fire frame → first console p99', { text: '≤ 500 ms', met: (v) => v <= 500 }),
    fireMax: ms('storm: fire frame → first console max'),
    connectP99: ms('storm: fire, first connection attempt → first console p99', {
      text: '≤ 1,000 ms',
      met: (v) => v <= 1000,
    }),
    allConsolesP99: ms('storm: fire frame → all consoles p99'),
    ackP99: ms('storm: ACK p99, all frames', { text: '≤ 200 ms', met: (v) => v <= 200 }),
    ackMax: ms('storm: ACK max, all frames'),
    notAcked: add({ label: 'storm: events not ACKed', unit: '', digits: 0 }),
    lastAck: add({ label: 'storm: last ACK after the start', unit: 's', digits: 2 }),
    overflows: add({
      label: 'storm: kernel listen overflows',
      unit: '',
      digits: 0,
      target: { text: '0', met: (v) => v === 0 },
    }),
    casesOnConsoles: add({
      label: 'storm: every case on all consoles, after the last ACK',
      unit: 's',
      digits: 2,
      target: { text: '≤ 1 s', met: (v) => v <= 1 },
    }),
    evaluated: add({ label: 'storm: every signal evaluated, after the last ACK', unit: 's', digits: 2 }),
    peakBacklog: add({ label: 'storm: peak evaluation backlog', unit: 'signals', digits: 0 }),
    pgMs: add({ label: 'storm: PostgreSQL CPU per signal', unit: 'ms', digits: 3 }),
    serverMs: add({ label: 'storm: server CPU per signal', unit: 'ms', digits: 3 }),
    otherCpu: add({ label: 'storm: CPU of other processes meanwhile', unit: '% of 1 CPU', digits: 0 }),
  };
}

/** Once a second until `work` settles: the evaluation backlog and the signals waiting in the writer. */
export async function sampleWhile(work: Promise<unknown>, httpUrl: string): Promise<string> {
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  const points: string[] = [];
  const started = performance.now();
  for (let second = 1; !done; second += 1) {
    await Promise.race([sleep(Math.max(0, started + second * 1000 - performance.now())), work.catch(() => undefined)]);
    if (done) break;
    const text = await scrape(httpUrl).catch(() => '');
    const paced = metricSum(text, 'arc_ingest_paced') > 0 ? '*' : '';
    points.push(
      `${second}:${metricSum(text, 'arc_evaluation_backlog_signals')}/${metricSum(text, 'arc_ingest_waiting_signals')}${paced}`,
    );
  }
  return points.join(' ');
}
