import { setTimeout as sleep } from 'node:timers/promises';
import { EVENT_MIX, pickEvent } from './events.js';
import type { LinkOptions } from './load.js';
import { Tally } from './stats.js';
import { Transmitter, type SendResult } from './transmitter.js';
import type { Protocol } from './frames.js';

export interface DemoTransmitter {
  account: string;
  protocol: Protocol;
  key: string | null;
  /** NULL link test every this many seconds, so the centre's supervision sees the link alive. */
  heartbeatSeconds: number;
}

export interface DemoOptions {
  link: LinkOptions;
  transmitters: DemoTransmitter[];
  /** An account the directory does not know, used for `unknownShare` of the signals. */
  unknownAccount: string;
  unknownShare: number;
  intervalMs: number;
  signal: AbortSignal;
  log: (line: string) => void;
}

const describeResult = (result: SendResult): string =>
  `${result.outcome}${result.latencyMs !== null ? ` ${result.latencyMs.toFixed(1)} ms` : ''}`;

/** The live feed of the demo: a signal every few seconds and link tests, until aborted. */
export async function runDemo(options: DemoOptions): Promise<Tally> {
  const tally = new Tally();
  const fleet = options.transmitters.map((spec) => ({
    spec,
    transmitter: new Transmitter({ ...options.link, account: spec.account, protocol: spec.protocol, key: spec.key }),
  }));
  const unknown = new Transmitter({ ...options.link, account: options.unknownAccount, protocol: 'SIA-DCS' });
  const stopped = new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve()));
  const pause = (ms: number): Promise<void> => Promise.race([sleep(ms), stopped]);

  const heartbeats = fleet.map(async ({ spec, transmitter }) => {
    // Spread the first link tests so they do not all arrive at once.
    await pause(Math.random() * spec.heartbeatSeconds * 1000);
    while (!options.signal.aborted) {
      const result = await transmitter.sendNull();
      tally.record(result);
      if (result.outcome !== 'ACK' && !options.signal.aborted)
        options.log(`link test ${spec.account} -> ${describeResult(result)}`);
      await pause(spec.heartbeatSeconds * 1000);
    }
  });

  let sent = 0;
  while (!options.signal.aborted) {
    await pause(options.intervalMs * (0.5 + Math.random()));
    if (options.signal.aborted) break;
    sent += 1;
    const fromUnknown = Math.random() < options.unknownShare;
    const chosen = fromUnknown ? null : fleet[Math.floor(Math.random() * fleet.length)]!;
    const transmitter = chosen?.transmitter ?? unknown;
    const event = pickEvent(transmitter.protocol, EVENT_MIX);
    let result = await transmitter.sendEvent(event);
    tally.record(result);
    // As a panel does: the same frame again until it is ACKed, a few times.
    for (let attempt = 0; attempt < 3 && result.outcome !== 'ACK' && result.outcome !== 'DUH'; attempt += 1) {
      await pause(1000 * 2 ** attempt);
      if (options.signal.aborted) break;
      result = await transmitter.resend('retry');
      tally.record(result);
    }
    const notes = [chosen?.spec.key ? 'encrypted' : null, fromUnknown ? 'unknown account' : null].filter(Boolean);
    options.log(
      `#${sent} ${transmitter.account} ${transmitter.protocol} ${event.code} zone ${event.zone}` +
        `${notes.length > 0 ? ` (${notes.join(', ')})` : ''} -> ${describeResult(result)}`,
    );
  }
  // Closing first ends the link tests still waiting for a reply.
  await Promise.all([...fleet.map(({ transmitter }) => transmitter.close()), unknown.close()]);
  await Promise.all(heartbeats);
  return tally;
}
