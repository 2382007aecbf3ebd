import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  closedLoop,
  closeFleet,
  createFleet,
  LatencySamples,
  type LatencySummary,
  type LinkOptions,
  type SendResult,
  type SequenceBook,
  storm,
  type Transmitter,
  type TransmitterSpec,
  warmUp,
} from '../src/simulator/index.js';

/**
 * The DC-09 side of `bench-storm`, as a child process of its own (`fork`), so that 5,000 panels
 * connecting and sending do not delay the consoles' clocks in the benchmark process. It runs
 * what the parent asks over IPC (a closed loop, a storm with fire alarms in it) and answers with
 * the figures; times are epoch milliseconds (`performance.timeOrigin + performance.now()`), the
 * same clock in both processes. Ends when the parent goes away.
 */

/** Epoch milliseconds with sub-millisecond resolution, comparable between processes (bench-storm has its own copy: import only types from here). */
const epochMs = (): number => performance.timeOrigin + performance.now();

export type EventMix = NonNullable<NonNullable<Parameters<typeof storm>[1]>['mix']>;

export interface ClosedLoopRequest {
  cmd: 'closed';
  specs: TransmitterSpec[];
  link: LinkOptions;
  durationMs: number;
}

export interface StormRequest {
  cmd: 'storm';
  /** The storm's panels: they share `signals` at random moments of the window. */
  specs: TransmitterSpec[];
  /** One fire alarm each, spread evenly through the window. */
  fires: TransmitterSpec[];
  link: LinkOptions;
  signals: number;
  windowMs: number;
  /** Epoch ms at which the window begins, so the parent can sample from the same moment. */
  startAt: number;
  mix: EventMix;
}

export type LoadRequest = ClosedLoopRequest | StormRequest;

/** One fire panel: when it began to connect, when the frame that was ACKed went out, and the ACK. */
export interface FireTiming {
  account: string;
  connectAt: number;
  /** When the first copy of the frame was written; NaN unless it was ACKed in the end. */
  writeAt: number;
  ackAt: number;
  outcome: string;
  attempts: number;
}

export interface LoadFigures {
  startedAt: number;
  lastAckAt: number;
  elapsedMs: number;
  events: number;
  acked: number;
  notAcked: number;
  /** Frames sent again after a timeout, NAK or lost link. */
  retries: number;
  /** ACK latency of every ACKed frame, the fires' included. */
  ack: LatencySummary;
  fires: FireTiming[];
  connects: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export type LoadReply = { ok: true; figures: LoadFigures } | { ok: false; error: string };

/** Keeps every ACK latency and the time of the last ACK of the fleet's events (the simulator's tally keeps no samples). */
function recordAcks(fleet: Transmitter[], samples: LatencySamples, last: { at: number }): void {
  for (const transmitter of fleet) {
    const sendEvent = transmitter.sendEvent.bind(transmitter);
    const resend = transmitter.resend.bind(transmitter);
    const keep = (result: SendResult): SendResult => {
      if (result.outcome === 'ACK' && result.latencyMs !== null) {
        samples.add(result.latencyMs);
        last.at = Math.max(last.at, epochMs());
      }
      return result;
    };
    transmitter.sendEvent = (event) => sendEvent(event).then(keep);
    transmitter.resend = (kind) => resend(kind).then(keep);
  }
}

/**
 * A fire alarm as a panel sends it: connect, send, and the same frame again (up to 3 times) until
 * ACKed. `writeAt` is when the first copy went out: reply time minus latency, or for a copy that
 * timed out, the timeout's time minus the timeout; a copy whose link failed first was not written.
 */
async function sendFire(transmitter: Transmitter, timeoutMs: number): Promise<FireTiming> {
  const connectAt = epochMs();
  const code = transmitter.protocol === 'SIA-DCS' ? 'FA' : '1110';
  let writeAt = Number.NaN;
  const attempt = async (send: () => Promise<SendResult>): Promise<SendResult> => {
    const result = await send();
    const at = epochMs();
    if (Number.isNaN(writeAt) && result.latencyMs !== null) writeAt = at - result.latencyMs;
    else if (Number.isNaN(writeAt) && result.outcome === 'timeout') writeAt = at - timeoutMs;
    return result;
  };
  let result = await attempt(() => transmitter.sendEvent({ code, zone: '001', area: '1' }));
  let attempts = 1;
  for (; attempts <= 3 && result.outcome !== 'ACK' && result.outcome !== 'DUH'; attempts += 1) {
    if (result.outcome === 'closed') await sleep(250 * 2 ** (attempts - 1));
    result = await attempt(() => transmitter.resend('retry'));
  }
  const acked = result.outcome === 'ACK';
  return {
    account: transmitter.account,
    connectAt,
    writeAt: acked ? writeAt : Number.NaN,
    ackAt: acked ? epochMs() : Number.NaN,
    outcome: result.outcome,
    attempts,
  };
}

const book: SequenceBook = new Map();
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

async function runClosedLoop(request: ClosedLoopRequest): Promise<LoadFigures> {
  const fleet = createFleet(request.specs, request.link, book);
  try {
    const warm = await warmUp(fleet);
    if (warm.total('ACK') !== fleet.length) {
      const kinds: NonNullable<Parameters<typeof warm.total>[0]>[] = ['NAK', 'DUH', 'timeout', 'closed', 'bad-reply'];
      const outcomes = kinds.map((outcome) => `${outcome} ${warm.total(outcome)}`).join(', ');
      throw new Error(`only ${warm.total('ACK')} of ${fleet.length} links ACKed a NULL link test (${outcomes})`);
    }
    const samples = new LatencySamples();
    const last = { at: Number.NEGATIVE_INFINITY };
    recordAcks(fleet, samples, last);
    loopDelay.reset();
    const startedAt = epochMs();
    const result = await closedLoop(fleet, { durationMs: request.durationMs, frame: 'event' });
    return {
      startedAt,
      lastAckAt: last.at,
      elapsedMs: result.elapsedMs,
      events: result.ledger.events,
      acked: result.ledger.acked,
      notAcked: result.ledger.notAcked,
      retries: result.tally.count('retry'),
      ack: samples.summary(),
      fires: [],
      connects: fleet.reduce((sum, t) => sum + t.connects, 0),
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
    };
  } finally {
    await closeFleet(fleet, book);
  }
}

async function runStorm(request: StormRequest): Promise<LoadFigures> {
  const fleet = createFleet(request.specs, request.link, book);
  const fireFleet = createFleet(request.fires, request.link, book);
  try {
    const samples = new LatencySamples();
    const last = { at: Number.NEGATIVE_INFINITY };
    recordAcks([...fleet, ...fireFleet], samples, last);
    const wait = request.startAt - epochMs();
    if (wait > 0) await sleep(wait);
    loopDelay.reset();
    const startedAt = epochMs();
    const gap = request.windowMs / Math.max(1, fireFleet.length);
    const fires = Promise.all(
      fireFleet.map(async (transmitter, i) => {
        const wait = startedAt + (i + 0.5) * gap - epochMs();
        if (wait > 0) await sleep(wait);
        return sendFire(transmitter, request.link.timeoutMs);
      }),
    );
    const result = await storm(fleet, {
      signals: request.signals,
      windowMs: request.windowMs,
      retransmitRatio: 0,
      mix: request.mix,
    });
    const fireTimes = await fires;
    const firesAcked = fireTimes.filter((fire) => fire.outcome === 'ACK').length;
    return {
      startedAt,
      lastAckAt: last.at,
      elapsedMs: last.at - startedAt,
      events: result.ledger.events + fireTimes.length,
      acked: result.ledger.acked + firesAcked,
      notAcked: result.ledger.notAcked + fireTimes.length - firesAcked,
      retries: result.tally.count('retry') + fireTimes.reduce((sum, f) => sum + f.attempts - 1, 0),
      ack: samples.summary(),
      fires: fireTimes,
      connects: [...fleet, ...fireFleet].reduce((sum, t) => sum + t.connects, 0),
      loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loopDelayMaxMs: loopDelay.max / 1e6,
    };
  } finally {
    await closeFleet([...fleet, ...fireFleet], book);
  }
}

if (process.send) {
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: LoadRequest) => {
    const work = request.cmd === 'closed' ? runClosedLoop(request) : runStorm(request);
    work.then(
      (figures) => process.send!({ ok: true, figures } satisfies LoadReply),
      (error: unknown) =>
        process.send!({ ok: false, error: (error as Error).stack ?? String(error) } satisfies LoadReply),
    );
  });
}
