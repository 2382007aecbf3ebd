import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SecretBox } from '../src/common/secret-box.js';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database.js';
import {
  accountAt,
  closedLoop,
  closeFleet,
  createFleet,
  formatReport,
  type LinkOptions,
  type LoadResult,
  median,
  openLoop,
  type SequenceBook,
  storm,
  type TransmitterSpec,
  warmUp,
} from '../src/simulator/index.js';
import {
  benchServerEnv,
  Cleanup,
  deleteRedisKeys,
  freePort,
  machine,
  run,
  serverDist,
  stopChild,
  table,
  waitForHealth,
  applyEnvSettings,
} from './bench-support.js';

/**
 * Benchmark of the DC-09 receiver: starts the built server on its own database and Redis prefix,
 * drives it over loopback, prints medians of --runs runs, and removes everything again.
 *   node dist-bench/bench/bench-dc09.js [--runs 3]      (pnpm bench)
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    transmitters: { type: 'string', default: '5000' },
    connections: { type: 'string', default: '500' },
    'throughput-seconds': { type: 'string', default: '15' },
    'latency-rate': { type: 'string', default: '1000' },
    'latency-seconds': { type: 'string', default: '15' },
    'heartbeat-connections': { type: 'string', default: '50' },
    'heartbeat-in-flight': { type: 'string', default: '1' },
    'heartbeat-seconds': { type: 'string', default: '10' },
    'storm-signals': { type: 'string', default: '20000' },
    'storm-seconds': { type: 'string', default: '10' },
    'storm-retransmit-ratio': { type: 'string', default: '0.02' },
    'encrypted-share': { type: 'string', default: '0.1' },
    only: { type: 'string', default: 'throughput,latency,heartbeats,storm' },
    /** Extra server settings, e.g. --env DATABASE_POOL_SIZE=20. */
    env: { type: 'string', multiple: true, default: [] },
    /** Extra Node.js options for the server process, e.g. --node-arg=--cpu-prof (not allowed in NODE_OPTIONS). */
    'node-arg': { type: 'string', multiple: true, default: [] },
    verbose: { type: 'boolean', default: false },
  },
});

const int = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
};
const RUNS = Math.max(1, Math.floor(int('runs')));
const TRANSMITTERS = int('transmitters');
const CONNECTIONS = int('connections');
const HEARTBEAT_CONNECTIONS = int('heartbeat-connections');
const PHASES = new Set(values.only.split(','));
const DRAIN_MAX_MS = 120_000;
const TIMEOUT_MS = 10_000;

const write = (text: string): boolean => process.stdout.write(text);

interface Figure {
  label: string;
  unit: string;
  values: number[];
  digits: number;
  target?: { text: string; met: (value: number) => boolean; everyRun?: boolean };
}

function figureLine(figure: Figure): string[] {
  const fmt = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(figure.digits));
  const mid = median(figure.values);
  const met = figure.target
    ? figure.target.everyRun
      ? figure.values.every(figure.target.met)
      : figure.target.met(mid)
    : null;
  return [
    figure.label,
    figure.values.map(fmt).join(' / '),
    `${fmt(mid)} ${figure.unit}`,
    figure.target?.text ?? '',
    met === null ? '' : met ? 'met' : 'MISSED',
  ];
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  const abort = (reason: string, code: number): void => {
    process.stderr.write(`\nbench: ${reason}; cleaning up\n`);
    void cleanup.run().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  const phaseSeconds =
    int('throughput-seconds') + int('latency-seconds') + int('heartbeat-seconds') + int('storm-seconds');
  const limitSeconds = RUNS * (phaseSeconds + (4 * DRAIN_MAX_MS) / 1000 + 4 * (TIMEOUT_MS / 1000) + 60) + 300;
  setTimeout(() => abort(`time limit of ${limitSeconds} s reached`, 3), limitSeconds * 1000).unref();

  const id = randomBytes(4).toString('hex');
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/arc_bench_${id}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `arc-bench-${id}`;
  const secretsKey = randomBytes(32).toString('base64url');
  const [httpPort, dc09Port] = [await freePort(), await freePort()];
  const logFile = join(os.tmpdir(), `arc-bench-${id}.log`);
  const env = benchServerEnv(
    { httpPort, dc09Port, databaseUrl, redisUrl, redisPrefix },
    {
      SECRETS_KEY: secretsKey,
      DC09_MAX_CONNECTIONS: String(Math.max(10_000, 2 * TRANSMITTERS)),
    },
  );
  applyEnvSettings(env, values.env);

  write(`DC-09 receiver benchmark\nmachine: ${machine()}\n`);
  write(`database arc_bench_${id}, Redis prefix ${redisPrefix}, DC-09 on 127.0.0.1:${dc09Port}, log ${logFile}\n`);

  try {
    cleanup.add('delete the Redis keys', () => deleteRedisKeys(redisUrl, redisPrefix));
    cleanup.add('drop the database', () => dropDatabase(databaseUrl));
    await ensureDatabase(databaseUrl);
    await run(process.execPath, [serverDist('cli/migrate.js')], env);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanup.add('close the database client', () => db.end());
    const { rows: version } = await db.query<{ server_version: string }>('SHOW server_version');
    write(`PostgreSQL ${version[0]?.server_version}\n`);

    // Provisioned before the server starts: the receiver loads its directory at start.
    const encryptEvery = Number(values['encrypted-share']) > 0 ? Math.round(1 / Number(values['encrypted-share'])) : 0;
    const keyLengths = [32, 48, 64];
    const specs: TransmitterSpec[] = Array.from({ length: TRANSMITTERS }, (_, i) => ({
      account: accountAt('B00000', i),
      protocol: i % 2 === 0 ? 'SIA-DCS' : 'ADM-CID',
      key:
        encryptEvery > 0 && i % encryptEvery === encryptEvery - 1
          ? randomBytes(keyLengths[i % 3]! / 2)
              .toString('hex')
              .toUpperCase()
          : null,
    }));
    const box = new SecretBox(secretsKey);
    await db.query(
      `WITH t AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(account, protocol, sealed)),
            s AS (INSERT INTO sites (name, street, postcode, city, municipality)
                  SELECT 'Bench ' || account, 'Provgatan 1', '100 00', 'Provstad', 'Provstad' FROM t
                  RETURNING id, name)
       INSERT INTO transmitters (account, site_id, protocol, encryption_key_sealed, supervision_interval_seconds)
       SELECT t.account, s.id, t.protocol, t.sealed, 90000 FROM t JOIN s ON s.name = 'Bench ' || t.account`,
      [specs.map((s) => s.account), specs.map((s) => s.protocol), specs.map((s) => (s.key ? box.seal(s.key) : null))],
    );
    write(
      `provisioned ${TRANSMITTERS} sites and transmitters (half SIA-DCS, half ADM-CID, ` +
        `${specs.filter((s) => s.key).length} with AES keys of 128/192/256 bits)\n`,
    );

    const log = openSync(logFile, 'a');
    const server = spawn(process.execPath, [...values['node-arg'], serverDist('main.js')], {
      env,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    cleanup.add('stop the server', () => stopChild(server));
    const httpUrl = `http://127.0.0.1:${httpPort}`;
    await waitForHealth(httpUrl, server, logFile);
    write('server is up\n\n');

    const link: LinkOptions = { host: '127.0.0.1', port: dc09Port, transport: 'tcp', timeoutMs: TIMEOUT_MS };
    const book: SequenceBook = new Map();
    const countSignals = async (): Promise<number> =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM signals')).rows[0]!.n);

    // Checkpoints and autovacuum runs during a measurement explain most of its latency outliers.
    const pgActivity = async (): Promise<number[]> => {
      const { rows } = await db.query<{ checkpoints: string; vacuums: string }>(
        `SELECT (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter) AS checkpoints,
                (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_user_tables) AS vacuums`,
      );
      return [Number(rows[0]!.checkpoints), Number(rows[0]!.vacuums)];
    };
    const pgSince = async (mark: number[]): Promise<string> => {
      const [checkpoints, vacuums] = (await pgActivity()).map((n, i) => n - mark[i]!);
      return `PostgreSQL meanwhile: ${checkpoints} checkpoint(s), ${vacuums} autovacuum/analyze run(s)`;
    };

    /** Lets the rules catch up between measurements, so one does not pay for the previous one's backlog. */
    const drain = async (): Promise<string> => {
      const started = Date.now();
      let last = Number.POSITIVE_INFINITY;
      let lastChange = started;
      for (;;) {
        const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM signal_backlog');
        const backlog = Number(rows[0]!.n);
        if (backlog === 0) return `evaluated all after ${((Date.now() - started) / 1000).toFixed(1)} s`;
        if (backlog < last) lastChange = Date.now();
        last = backlog;
        if (Date.now() - started > DRAIN_MAX_MS || Date.now() - lastChange > 15_000) {
          return `${backlog} still unevaluated after ${((Date.now() - started) / 1000).toFixed(0)} s`;
        }
        await sleep(500);
      }
    };

    // The simulator shares the CPUs with the server: a late event loop here inflates every latency.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const show = (title: string, result: LoadResult, extra: string): void => {
      write(
        `${title}: ${result.tally.total()} frames, ${result.tally.total('ACK')} ACKed in ` +
          `${(result.elapsedMs / 1000).toFixed(1)} s; simulator event-loop delay p99 ` +
          `${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms; ${extra}\n`,
      );
      loopDelay.reset();
      if (values.verbose) write(formatReport('', result));
    };

    const requireWarm = async (fleet: ReturnType<typeof createFleet>): Promise<void> => {
      const warm = await warmUp(fleet);
      if (warm.total('ACK') !== fleet.length) {
        throw new Error(`only ${warm.total('ACK')} of ${fleet.length} links answered a NULL link test`);
      }
    };

    const figures: Figure[] = [];
    const add = (figure: Omit<Figure, 'values'>): Figure => {
      const entry = { ...figure, values: [] };
      figures.push(entry);
      return entry;
    };

    if (PHASES.has('throughput')) {
      const rate = add({
        label: `(a) event signals/s, closed loop, ${CONNECTIONS} TCP links`,
        unit: '/s',
        digits: 0,
        target: { text: '≥ 5,000/s', met: (v) => v >= 5000 },
      });
      const p99 = add({ label: '(a) ACK p99 in that loop', unit: 'ms', digits: 1 });
      const ratio = add({
        label: '(a) rows stored / events ACKed',
        unit: '',
        digits: 4,
        target: { text: '= 1', met: (v) => v === 1, everyRun: true },
      });
      for (let r = 0; r < RUNS; r += 1) {
        const fleet = createFleet(specs.slice(0, CONNECTIONS), link, book);
        await requireWarm(fleet);
        const before = await countSignals();
        const mark = await pgActivity();
        const result = await closedLoop(fleet, { durationMs: int('throughput-seconds') * 1000, frame: 'event' });
        await closeFleet(fleet, book);
        const activity = await pgSince(mark);
        const stored = (await countSignals()) - before;
        rate.values.push(result.ledger.acked / (result.elapsedMs / 1000));
        p99.values.push(result.tally.latency('event').p99);
        ratio.values.push(stored / result.ledger.acked);
        show(`(a) run ${r + 1}`, result, `${stored} rows stored; ${activity}; ${await drain()}`);
      }
    }

    if (PHASES.has('latency')) {
      const rate = int('latency-rate');
      const label = `(b) ACK latency at ${rate}/s open loop, ${CONNECTIONS} links`;
      const p50 = add({ label: `${label}: p50`, unit: 'ms', digits: 2 });
      const p95 = add({ label: '(b) p95', unit: 'ms', digits: 2 });
      const p99 = add({ label: '(b) p99', unit: 'ms', digits: 2, target: { text: '< 50 ms', met: (v) => v < 50 } });
      const lost = add({ label: '(b) events not ACKed', unit: '', digits: 0 });
      for (let r = 0; r < RUNS; r += 1) {
        const fleet = createFleet(specs.slice(CONNECTIONS, 2 * CONNECTIONS), link, book);
        await requireWarm(fleet);
        const mark = await pgActivity();
        const result = await openLoop(fleet, { rate, durationMs: int('latency-seconds') * 1000 });
        await closeFleet(fleet, book);
        const activity = await pgSince(mark);
        const latency = result.tally.latency('event');
        p50.values.push(latency.p50);
        p95.values.push(latency.p95);
        p99.values.push(latency.p99);
        lost.values.push(result.ledger.notAcked);
        show(`(b) run ${r + 1}`, result, `max ${latency.max.toFixed(1)} ms; ${activity}; ${await drain()}`);
      }
    }

    if (PHASES.has('heartbeats')) {
      const rate = add({
        label: `(c) NULL link tests/s, ${HEARTBEAT_CONNECTIONS} TCP links`,
        unit: '/s',
        digits: 0,
        target: { text: '≥ 20,000/s', met: (v) => v >= 20000 },
      });
      const p99 = add({ label: '(c) ACK p99', unit: 'ms', digits: 2 });
      const start = 2 * CONNECTIONS;
      for (let r = 0; r < RUNS; r += 1) {
        const fleet = createFleet(specs.slice(start, start + HEARTBEAT_CONNECTIONS), link, book);
        await requireWarm(fleet);
        const mark = await pgActivity();
        const result = await closedLoop(fleet, {
          durationMs: int('heartbeat-seconds') * 1000,
          frame: 'null',
          window: int('heartbeat-in-flight'),
        });
        await closeFleet(fleet, book);
        const activity = await pgSince(mark);
        rate.values.push(result.tally.count('null', 'ACK') / (result.elapsedMs / 1000));
        p99.values.push(result.tally.latency('null').p99);
        show(
          `(c) run ${r + 1}`,
          result,
          `${result.tally.count('null') - result.tally.count('null', 'ACK')} not ACKed; ${activity}`,
        );
      }
    }

    if (PHASES.has('storm')) {
      const signals = int('storm-signals');
      const seconds = int('storm-seconds');
      const acked = add({
        label: `(d) storm: ${signals} signals from ${TRANSMITTERS} transmitters in ${seconds} s: ACKed`,
        unit: '',
        digits: 0,
        target: { text: `all ${signals}`, met: (v) => v === signals, everyRun: true },
      });
      const retransmitted = add({ label: '(d) deliberate retransmissions (ACKed)', unit: '', digits: 0 });
      const ratio = add({
        label: '(d) rows stored / distinct events ACKed',
        unit: '',
        digits: 4,
        target: { text: '= 1', met: (v) => v === 1, everyRun: true },
      });
      const lastAck = add({ label: '(d) last ACK after', unit: 's', digits: 2 });
      const p99 = add({ label: '(d) ACK p99', unit: 'ms', digits: 1 });
      for (let r = 0; r < RUNS; r += 1) {
        const fleet = createFleet(specs, link, book);
        const before = await countSignals();
        const mark = await pgActivity();
        const result = await storm(fleet, {
          signals,
          windowMs: seconds * 1000,
          retransmitRatio: Number(values['storm-retransmit-ratio']),
        });
        await closeFleet(fleet, book);
        const activity = await pgSince(mark);
        const stored = (await countSignals()) - before;
        acked.values.push(result.ledger.acked);
        retransmitted.values.push(result.tally.count('retransmit', 'ACK'));
        ratio.values.push(stored / result.ledger.acked);
        lastAck.values.push(result.elapsedMs / 1000);
        p99.values.push(result.tally.latency('event', 'retry', 'retransmit').p99);
        show(
          `(d) run ${r + 1}`,
          result,
          `${result.tally.count('retransmit')} retransmissions, ${result.tally.count('retry')} retries, ` +
            `${stored} rows stored; ${activity}; ${await drain()}`,
        );
      }
    }

    const health = (await (await fetch(`${httpUrl}/api/v1/health`)).json()) as { receivers?: unknown };
    write(`\nreceiver counters: ${JSON.stringify(health.receivers)}\n`);
    const logText = readFileSync(logFile, 'utf8');
    const complaints = logText.split('\n').filter((line) => /"level":(40|50|60)/.test(line));
    write(`server log: ${complaints.length} warning/error lines (${logFile})\n`);
    for (const line of [...new Set(complaints.map((l) => /"msg":"([^"]*)"/.exec(l)?.[1] ?? l))].slice(0, 8)) {
      write(`  ${line.slice(0, 200)}\n`);
    }
    write(`\nmachine: ${machine()}; PostgreSQL ${version[0]?.server_version}\n\n`);
    write(`${table(figures.map(figureLine), RUNS)}\n`);
    if (figures.some((figure) => figureLine(figure)[4] === 'MISSED')) process.exitCode = 1;
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
