import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { runDemo } from '../simulator/index.js';
import {
  closeFleet,
  closedLoop,
  createFleet,
  fleetSpecs,
  steady,
  storm,
  warmUp,
  type LinkOptions,
  type LoadResult,
  type ProtocolChoice,
  type SequenceBook,
} from '../simulator/index.js';
import { EVENT_MIXES } from '../simulator/index.js';
import { MAX_SEQUENCE } from '../simulator/index.js';
import { formatReport } from '../simulator/index.js';
import type { Transport } from '../simulator/index.js';
import { DEMO_SITES, demoHeartbeatSeconds } from './demo-data.js';

const USAGE = `DC-09 transmitter simulator (loopback only)

  node dist/cli/simulate.js <scenario> [options]     (pnpm simulate <scenario> [options])

scenarios
  steady      N transmitters at a total rate, with link tests, retransmissions, broken frames
  storm       20,000 signals from 5,000 transmitters within 10 s; exit 1 unless every one is ACKed
  heartbeats  NULL link tests as fast as the receiver answers
  demo        the live feed of scripts/demo.sh: the demo accounts, until stopped

options (defaults)
  --host 127.0.0.1  --port $DC09_TCP_PORT|$DC09_UDP_PORT|12000  --transport tcp|udp
  --timeout 10000 (ms per reply)   --protocol sia|cid|mixed (mixed)   --first-account B00000
  steady:     --transmitters 10 --rate 10 (events/s in all) --duration 10 (s)
              --heartbeat-interval 0 (s per transmitter) --encrypted 0 --key K
              --retransmit-ratio 0 --malformed-ratio 0
  storm:      --signals 20000 --transmitters 5000 --window 10 (s) --retransmit-ratio 0.02 --encrypted 0 --key K
              --mix default|power-cut (default; power-cut: mostly AC loss with a few fire and hold-up alarms)
  heartbeats: --transmitters 20 --duration 10 (s) --in-flight 1 (frames per link)
  demo:       --interval 4000 (ms between signals) --duration (s; default until Ctrl-C)
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string' },
    transport: { type: 'string', default: 'tcp' },
    timeout: { type: 'string', default: '10000' },
    protocol: { type: 'string', default: 'mixed' },
    'first-account': { type: 'string', default: 'B00000' },
    transmitters: { type: 'string' },
    rate: { type: 'string', default: '10' },
    duration: { type: 'string' },
    'heartbeat-interval': { type: 'string', default: '0' },
    encrypted: { type: 'string', default: '0' },
    key: { type: 'string' },
    'retransmit-ratio': { type: 'string' },
    'malformed-ratio': { type: 'string', default: '0' },
    signals: { type: 'string', default: '20000' },
    window: { type: 'string', default: '10' },
    'in-flight': { type: 'string', default: '1' },
    interval: { type: 'string', default: '4000' },
    mix: { type: 'string', default: 'default' },
    help: { type: 'boolean', default: false },
  },
});

function number(name: string, text: string | undefined, fallback: number, min = 0): number {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min}`);
  return value;
}

const write = (text: string): boolean => process.stdout.write(text);

async function run(scenario: string): Promise<number> {
  const transport = values.transport as Transport;
  if (transport !== 'tcp' && transport !== 'udp') throw new Error('--transport must be tcp or udp');
  const protocol = values.protocol as ProtocolChoice;
  if (!['sia', 'cid', 'mixed'].includes(protocol)) throw new Error('--protocol must be sia, cid or mixed');
  const envPort = transport === 'tcp' ? process.env.DC09_TCP_PORT : process.env.DC09_UDP_PORT;
  const link: LinkOptions = {
    host: values.host,
    port: number('port', values.port ?? envPort, 12000, 1),
    transport,
    timeoutMs: number('timeout', values.timeout, 10000, 1),
  };
  const encrypted = number('encrypted', values.encrypted, 0);
  if (encrypted > 0 && !values.key) throw new Error('--encrypted needs --key');
  const specs = (count: number) =>
    fleetSpecs({ count, firstAccount: values['first-account'], protocol, encrypted, key: values.key ?? null });
  // Panels keep counting across connections. Starting each run at 0001 would repeat (sequence,
  // message) pairs of an earlier run, which the receiver rightly takes for retransmissions.
  const randomStart = (count: number): SequenceBook =>
    new Map(specs(count).map((spec) => [spec.account, randomInt(1, MAX_SEQUENCE + 1)]));
  const where = `${link.transport} ${link.host}:${link.port}`;

  // Bounded: whatever the receiver does, the process ends.
  const guard = (seconds: number): void => {
    setTimeout(() => {
      write(`simulate: gave up after ${seconds.toFixed(0)} s\n`);
      process.exit(2);
    }, seconds * 1000).unref();
  };
  const retrySeconds = (link.timeoutMs / 1000) * 4 + 10;

  switch (scenario) {
    case 'steady': {
      const durationMs = number('duration', values.duration, 10, 0.1) * 1000;
      guard(durationMs / 1000 + retrySeconds);
      const count = number('transmitters', values.transmitters, 10, 1);
      const fleet = createFleet(specs(count), link, randomStart(count));
      const result = await steady(fleet, {
        rate: number('rate', values.rate, 10, 0.001),
        durationMs,
        heartbeatMs: number('heartbeat-interval', values['heartbeat-interval'], 0) * 1000,
        retransmitRatio: number('retransmit-ratio', values['retransmit-ratio'], 0),
        malformedRatio: number('malformed-ratio', values['malformed-ratio'], 0),
      });
      await closeFleet(fleet);
      return finish(`steady: ${fleet.length} transmitters over ${where}`, result);
    }
    case 'storm': {
      const windowMs = number('window', values.window, 10, 0.1) * 1000;
      const mix = EVENT_MIXES[values.mix];
      if (!mix) throw new Error(`--mix must be one of ${Object.keys(EVENT_MIXES).join(', ')}`);
      guard(windowMs / 1000 + retrySeconds + 30);
      const count = number('transmitters', values.transmitters, 5000, 1);
      const fleet = createFleet(specs(count), link, randomStart(count));
      const result = await storm(fleet, {
        signals: number('signals', values.signals, 20000, 1),
        windowMs,
        retransmitRatio: number('retransmit-ratio', values['retransmit-ratio'], 0.02),
        mix,
      });
      await closeFleet(fleet);
      return finish(`storm: ${result.ledger.events} signals from ${fleet.length} transmitters over ${where}`, result);
    }
    case 'heartbeats': {
      const durationMs = number('duration', values.duration, 10, 0.1) * 1000;
      guard(durationMs / 1000 + retrySeconds);
      const count = number('transmitters', values.transmitters, 20, 1);
      const fleet = createFleet(specs(count), link, randomStart(count));
      await warmUp(fleet);
      const result = await closedLoop(fleet, {
        durationMs,
        frame: 'null',
        window: number('in-flight', values['in-flight'], 1, 1),
      });
      await closeFleet(fleet);
      write(formatReport(`heartbeats: ${fleet.length} links over ${where}`, result));
      return result.tally.count('null') === result.tally.count('null', 'ACK') ? 0 : 1;
    }
    case 'demo': {
      const controller = new AbortController();
      for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => controller.abort());
      if (values.duration) {
        const seconds = number('duration', values.duration, 0, 1);
        setTimeout(() => controller.abort(), seconds * 1000).unref();
        guard(seconds + retrySeconds);
      }
      const stamp = (): string => new Date().toISOString().slice(11, 19);
      write(`[demo] ${DEMO_SITES.length} demo transmitters over ${where}; Ctrl-C stops\n`);
      const tally = await runDemo({
        link,
        transmitters: DEMO_SITES.map((site) => ({
          account: site.account,
          protocol: site.protocol,
          key: site.key,
          heartbeatSeconds: demoHeartbeatSeconds(site.supervisionSeconds),
        })),
        unknownAccount: 'DEAD01',
        unknownShare: 0.05,
        intervalMs: number('interval', values.interval, 4000, 200),
        signal: controller.signal,
        log: (line) => write(`[demo ${stamp()}] ${line}\n`),
      });
      write(`[demo] stopped: ${tally.total()} frames, ${tally.total('ACK')} ACKed\n`);
      return 0;
    }
    default:
      write(USAGE);
      return 64;
  }
}

function finish(title: string, result: LoadResult): number {
  write(formatReport(title, result));
  return result.ledger.notAcked === 0 ? 0 : 1;
}

if (values.help || positionals.length !== 1) {
  write(USAGE);
  process.exitCode = values.help ? 0 : 64;
} else {
  run(positionals[0]!).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`simulate: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
