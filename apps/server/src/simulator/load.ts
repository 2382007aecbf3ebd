import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { STORED_EVENT_MIX, pickEvent, type WeightedCode } from './events.js';
import { MALFORMED_KINDS, type Protocol } from './frames.js';
import { Tally } from './stats.js';
import { Transmitter, type SendResult, type Transport } from './transmitter.js';

export interface TransmitterSpec {
  account: string;
  protocol: Protocol;
  key?: string | null;
}

export interface LinkOptions {
  host: string;
  port: number;
  transport: Transport;
  timeoutMs: number;
}

/**
 * The next sequence number per account, kept across runs: a later run that started again at 0001
 * would repeat (account, sequence, message) and the receiver would rightly take it for a retransmission.
 */
export type SequenceBook = Map<string, number>;

/** Distinct events and what finally became of each, retries included. */
export interface Ledger {
  events: number;
  acked: number;
  notAcked: number;
}

export interface LoadResult {
  tally: Tally;
  ledger: Ledger;
  elapsedMs: number;
  unmatchedReplies: number;
}

export function createFleet(specs: TransmitterSpec[], link: LinkOptions, book?: SequenceBook): Transmitter[] {
  return specs.map(
    (spec) =>
      new Transmitter({
        ...link,
        account: spec.account,
        protocol: spec.protocol,
        key: spec.key ?? null,
        firstSequence: book?.get(spec.account.toUpperCase()) ?? 1,
      }),
  );
}

export async function closeFleet(fleet: Transmitter[], book?: SequenceBook): Promise<void> {
  for (const transmitter of fleet) book?.set(transmitter.account, transmitter.nextSequence);
  await Promise.all(fleet.map((transmitter) => transmitter.close()));
}

class Run {
  readonly tally = new Tally();
  readonly ledger: Ledger = { events: 0, acked: 0, notAcked: 0 };
  private readonly started = performance.now();

  constructor(private readonly fleet: Transmitter[]) {}

  record(result: SendResult): SendResult {
    this.tally.record(result);
    return result;
  }

  settle(result: SendResult): void {
    this.ledger.events += 1;
    if (result.outcome === 'ACK') this.ledger.acked += 1;
    else this.ledger.notAcked += 1;
  }

  finish(): LoadResult {
    return {
      tally: this.tally,
      ledger: this.ledger,
      elapsedMs: performance.now() - this.started,
      unmatchedReplies: this.fleet.reduce((sum, transmitter) => sum + transmitter.unmatchedReplies, 0),
    };
  }
}

/**
 * Sends an event and, as a panel does, the same frame again after a timeout, NAK or lost link,
 * up to `retries` times. A DUH is final: the receiver understood the frame and will not take it.
 */
async function deliver(
  run: Run,
  transmitter: Transmitter,
  mix: readonly WeightedCode[],
  retries: number,
  random: () => number,
): Promise<SendResult> {
  let result = run.record(await transmitter.sendEvent(pickEvent(transmitter.protocol, mix, random)));
  for (let attempt = 0; attempt < retries && result.outcome !== 'ACK' && result.outcome !== 'DUH'; attempt += 1) {
    if (result.outcome === 'closed') await sleep(250 * 2 ** attempt);
    result = run.record(await transmitter.resend('retry'));
  }
  run.settle(result);
  return result;
}

/** Opens every link with a NULL frame so a measurement does not include connecting. */
export async function warmUp(fleet: Transmitter[]): Promise<Tally> {
  const tally = new Tally();
  await Promise.all(fleet.map(async (transmitter) => tally.record(await transmitter.sendNull())));
  return tally;
}

export interface ClosedLoopOptions {
  durationMs: number;
  frame: 'event' | 'null';
  /** Frames in flight per link: 1 is a panel waiting for each ACK. */
  window?: number;
  mix?: readonly WeightedCode[];
  random?: () => number;
}

/** Each link sends its next frame as soon as the previous one is answered, until the time is up. */
export async function closedLoop(fleet: Transmitter[], options: ClosedLoopOptions): Promise<LoadResult> {
  const run = new Run(fleet);
  const end = performance.now() + options.durationMs;
  const mix = options.mix ?? STORED_EVENT_MIX;
  const random = options.random ?? Math.random;
  const loop = async (transmitter: Transmitter): Promise<void> => {
    while (performance.now() < end) {
      if (options.frame === 'null') run.record(await transmitter.sendNull());
      else await deliver(run, transmitter, mix, 0, random);
    }
  };
  const window = options.window ?? 1;
  await Promise.all(fleet.flatMap((transmitter) => Array.from({ length: window }, () => loop(transmitter))));
  return run.finish();
}

export interface OpenLoopOptions {
  /** Events per second over the whole fleet. */
  rate: number;
  durationMs: number;
  mix?: readonly WeightedCode[];
  random?: () => number;
}

/**
 * Sends events on a fixed schedule whatever the replies, round-robin over the links, so a slow
 * receiver shows up as latency instead of a lower rate.
 */
export async function openLoop(fleet: Transmitter[], options: OpenLoopOptions): Promise<LoadResult> {
  const run = new Run(fleet);
  const mix = options.mix ?? STORED_EVENT_MIX;
  const random = options.random ?? Math.random;
  const start = performance.now();
  const total = Math.floor((options.rate * options.durationMs) / 1000);
  const inFlight: Promise<SendResult>[] = [];
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * options.rate) / 1000));
    for (; sent < due; sent += 1) inFlight.push(deliver(run, fleet[sent % fleet.length]!, mix, 0, random));
    await sleep(1);
  }
  await Promise.all(inFlight);
  return run.finish();
}

export interface StormOptions {
  signals: number;
  windowMs: number;
  /** Share of ACKed events sent once more, as after a lost ACK. */
  retransmitRatio?: number;
  retries?: number;
  mix?: readonly WeightedCode[];
  random?: () => number;
}

/**
 * Many transmitters report within a short window (a power cut over a town): each gets an equal
 * share of the signals at random moments and sends them one after another, as a panel queues
 * them. Links open at the first signal, as panels connect when they have something to say.
 */
export async function storm(fleet: Transmitter[], options: StormOptions): Promise<LoadResult> {
  const run = new Run(fleet);
  const mix = options.mix ?? STORED_EVENT_MIX;
  const random = options.random ?? Math.random;
  const start = performance.now();
  await Promise.all(
    fleet.map(async (transmitter, index) => {
      const count = Math.floor(options.signals / fleet.length) + (index < options.signals % fleet.length ? 1 : 0);
      const times = Array.from({ length: count }, () => random() * options.windowMs).sort((a, b) => a - b);
      for (const at of times) {
        const wait = start + at - performance.now();
        if (wait > 0) await sleep(wait);
        const result = await deliver(run, transmitter, mix, options.retries ?? 3, random);
        if (result.outcome === 'ACK' && random() < (options.retransmitRatio ?? 0)) {
          run.record(await transmitter.resend('retransmit'));
        }
      }
    }),
  );
  return run.finish();
}

export interface SteadyOptions {
  /** Events per second over the whole fleet. */
  rate: number;
  durationMs: number;
  /** NULL link test per transmitter every this many ms; 0 for none. */
  heartbeatMs?: number;
  retransmitRatio?: number;
  /** Share of the scheduled events replaced by a malformed frame. */
  malformedRatio?: number;
  retries?: number;
  mix?: readonly WeightedCode[];
  random?: () => number;
}

/**
 * Each transmitter sends at its share of the rate, with NULL link tests in between; it waits for
 * each reply, so when the receiver is slower than the schedule the rate drops and shows it.
 */
export async function steady(fleet: Transmitter[], options: SteadyOptions): Promise<LoadResult> {
  const run = new Run(fleet);
  const mix = options.mix ?? STORED_EVENT_MIX;
  const random = options.random ?? Math.random;
  const start = performance.now();
  const end = start + options.durationMs;
  const eventGap = (1000 * fleet.length) / options.rate;
  const heartbeatMs = options.heartbeatMs ?? 0;
  await Promise.all(
    fleet.map(async (transmitter) => {
      let nextEvent = start + random() * eventGap;
      let nextBeat = heartbeatMs > 0 ? start + random() * heartbeatMs : Number.POSITIVE_INFINITY;
      const kinds = MALFORMED_KINDS.filter((kind) => kind !== 'stale-time' || transmitter.encrypted);
      for (;;) {
        const due = Math.min(nextEvent, nextBeat);
        if (due >= end) break;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        if (due === nextBeat) {
          run.record(await transmitter.sendNull());
          nextBeat += heartbeatMs;
          continue;
        }
        // After a stall (timeouts) carry on at the rate instead of sending the backlog in a burst.
        nextEvent = Math.max(nextEvent + eventGap, performance.now());
        if (random() < (options.malformedRatio ?? 0)) {
          const kind = kinds[Math.floor(random() * kinds.length)]!;
          run.record(await transmitter.sendMalformed(kind, pickEvent(transmitter.protocol, mix, random)));
          continue;
        }
        const result = await deliver(run, transmitter, mix, options.retries ?? 3, random);
        if (result.outcome === 'ACK' && random() < (options.retransmitRatio ?? 0)) {
          run.record(await transmitter.resend('retransmit'));
        }
      }
    }),
  );
  return run.finish();
}

export type ProtocolChoice = 'sia' | 'cid' | 'mixed';

export interface FleetSpecOptions {
  count: number;
  /** Hex account of the first transmitter; the others count up from it. */
  firstAccount: string;
  protocol: ProtocolChoice;
  /** How many of the first transmitters encrypt, all with `key`. */
  encrypted?: number;
  key?: string | null;
}

export function accountAt(firstAccount: string, index: number): string {
  return (parseInt(firstAccount, 16) + index).toString(16).toUpperCase().padStart(firstAccount.length, '0');
}

export function fleetSpecs(options: FleetSpecOptions): TransmitterSpec[] {
  if (!/^[0-9A-Fa-f]{3,16}$/.test(options.firstAccount)) throw new Error('the first account must be 3-16 hex digits');
  return Array.from({ length: options.count }, (_, index) => ({
    account: accountAt(options.firstAccount, index),
    protocol:
      options.protocol === 'sia' || (options.protocol === 'mixed' && index % 2 === 0)
        ? ('SIA-DCS' as const)
        : ('ADM-CID' as const),
    key: index < (options.encrypted ?? 0) ? (options.key ?? null) : null,
  }));
}
