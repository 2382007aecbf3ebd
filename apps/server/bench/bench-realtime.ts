import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { type LoginResponse } from '@arc/shared/auth';
import { type CaseChange, type QueueSnapshot } from '@arc/shared/case';
import {
  SOCKET_EVENTS,
  SOCKET_PROTOCOL,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@arc/shared/socket-events';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database.js';
import {
  accountAt,
  closeFleet,
  createFleet,
  LatencySamples,
  type LatencySummary,
  median,
  type SendResult,
  type Transmitter,
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
 * Realtime benchmark: from a DC-09 frame arriving to its case change reaching the connected
 * consoles. Starts the built server on its own database and Redis prefix, connects --consoles
 * socket.io clients as the demo operator, runs a steady DC-09 background load in a separate
 * simulator process (`dist/cli/simulate.js steady`) and, meanwhile, sends a probe alarm every
 * --probe-interval ms from probe transmitters with sites of their own. Each probe's latency is
 * measured at every console: from just before the frame is written to the arrival of the
 * `case.changed.v2` that carries the probe's signal. Prints every run and the medians, and
 * removes everything again, also on failure, Ctrl-C and at the time limit.
 *   node dist-bench/bench/bench-realtime.js [--runs 3]      (pnpm bench:realtime)
 *
 * The helpers (free port, cleanup, health wait) are in bench-support.ts.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '20' },
    'warmup-seconds': { type: 'string', default: '5' },
    consoles: { type: 'string', default: '50' },
    rate: { type: 'string', default: '500' },
    transmitters: { type: 'string', default: '2000' },
    'probe-interval': { type: 'string', default: '100' },
    /**
     * Probes go round-robin over this many transmitters, each with its own site: one transmitter
     * sending every 100 ms would pass the runaway threshold (30 signals in 60 s) within 3 s.
     */
    'probe-transmitters': { type: 'string', default: '40' },
    /** A console that has not seen a probe's change this long after the last probe counts it as lost. */
    'probe-timeout': { type: 'string', default: '5000' },
    /** Extra server settings, e.g. --env DATABASE_POOL_SIZE=20. */
    env: { type: 'string', multiple: true, default: [] },
    /** Extra Node.js options for the server process, e.g. --node-arg=--cpu-prof (not allowed in NODE_OPTIONS). */
    'node-arg': { type: 'string', multiple: true, default: [] },
    verbose: { type: 'boolean', default: false },
  },
});

const int = (name: keyof typeof values, min = 0): number => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min}`);
  return value;
};
const RUNS = Math.max(1, Math.floor(int('runs', 1)));
const SECONDS = int('seconds', 1);
const WARMUP_SECONDS = int('warmup-seconds');
const CONSOLES = Math.floor(int('consoles', 1));
const RATE = int('rate', 1);
const TRANSMITTERS = Math.floor(int('transmitters', 1));
const PROBE_INTERVAL_MS = int('probe-interval', 10);
const PROBE_TRANSMITTERS = Math.floor(int('probe-transmitters', 1));
const PROBE_TIMEOUT_MS = int('probe-timeout', 100);
const DRAIN_MAX_MS = 120_000;
const TIMEOUT_MS = 10_000;
const TARGET_P50_MS = 20;
const TARGET_P99_MS = 100;
const OPERATOR = 'operator';

const write = (text: string): boolean => process.stdout.write(text);

interface Figure {
  label: string;
  unit: string;
  values: number[];
  digits: number;
  target?: { text: string; met: (value: number) => boolean };
}

function figureLine(figure: Figure): string[] {
  const fmt = (value: number): string =>
    Number.isNaN(value) ? '-' : value === Number.POSITIVE_INFINITY ? 'lost' : value.toFixed(figure.digits);
  const mid = median(figure.values);
  const met = figure.target ? figure.target.met(mid) : null;
  return [
    figure.label,
    figure.values.map(fmt).join(' / '),
    `${fmt(mid)} ${figure.unit}`.trim(),
    figure.target?.text ?? '',
    met === null ? '' : met ? 'met' : 'MISSED',
  ];
}

const ms = (value: number): string =>
  Number.isNaN(value) ? '-' : value === Number.POSITIVE_INFINITY ? 'lost' : value.toFixed(value < 10 ? 2 : 1);
const summaryText = (s: LatencySummary): string =>
  `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)} ms (n=${s.count})`;

type CpuGroup = 'server' | 'postgres' | 'benchmark' | 'simulator' | 'redis' | 'other';
const CPU_GROUPS: readonly CpuGroup[] = ['server', 'postgres', 'benchmark', 'simulator', 'redis', 'other'];
type CpuSnapshot = { machineBusy: number; processes: Map<number, { group: CpuGroup; seconds: number }> };

/**
 * CPU seconds used so far by the processes of the benchmark, grouped (from /proc; empty
 * elsewhere). What the machine did besides is `other`: on a shared machine, someone else's work.
 */
function cpuSnapshot(pids: { server?: number; simulator?: number }): CpuSnapshot {
  const processes = new Map<number, { group: CpuGroup; seconds: number }>();
  let machineBusy = Number.NaN;
  try {
    // user nice system idle iowait irq softirq steal, in USER_HZ (100 per second)
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    machineBusy = (ticks.reduce((sum, n) => sum + n, 0) - ticks[3]! - ticks[4]!) / 100;
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const pid = Number(name);
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, USER_HZ = 100
      const group: CpuGroup =
        pid === pids.server
          ? 'server'
          : pid === pids.simulator
            ? 'simulator'
            : pid === process.pid
              ? 'benchmark'
              : comm === 'postgres'
                ? 'postgres'
                : comm.startsWith('redis')
                  ? 'redis'
                  : 'other';
      processes.set(pid, { group, seconds });
    }
  } catch {
    // not Linux
  }
  return { machineBusy, processes };
}

/** Per group, and for the whole machine, the share of one CPU used between two snapshots. */
function cpuShares(before: CpuSnapshot, after: CpuSnapshot, wallSeconds: number): Record<CpuGroup | 'machine', number> {
  const used = Object.fromEntries([...CPU_GROUPS, 'machine'].map((g) => [g, 0])) as Record<
    CpuGroup | 'machine',
    number
  >;
  for (const [pid, { group, seconds }] of after.processes) {
    if (group !== 'other') used[group] += seconds - (before.processes.get(pid)?.seconds ?? 0);
  }
  used.machine = after.machineBusy - before.machineBusy;
  // The rest of the busy time: other processes (also those that started and ended meanwhile) and
  // the kernel's interrupt work. Approximate: the two kinds of counters are read a moment apart.
  used.other = used.machine - CPU_GROUPS.reduce((sum, group) => sum + used[group], 0);
  for (const key of Object.keys(used) as (CpuGroup | 'machine')[]) used[key] = (100 * used[key]) / wallSeconds;
  return used;
}

/** One probe alarm: when it was written, and when each console saw its case change. */
interface Probe {
  account: string;
  /** performance.now() just before the write, for the latency. */
  t0: number;
  /** Date.now() just before the write: the server's received_at (same clock) is never earlier. */
  wallMs: number;
  /** Per console, ms from t0 to the change; NaN until it arrives. */
  arrivals: Float64Array;
  missing: number;
}

/** A connected console: counts what it receives and checks that `seq` goes up by one. */
interface Console {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  lastSeq: number | null;
  changes: number;
  /** Socket messages: each carries the changes of one commit. */
  messages: number;
  seqGaps: number;
  errors: string[];
  disconnects: number;
}

type ArrivalHandler = (index: number, change: CaseChange, at: number) => void;

async function login(httpUrl: string, password: string): Promise<string> {
  const response = await fetch(`${httpUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: OPERATOR, password }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status !== 200) throw new Error(`login as ${OPERATOR} answered ${response.status}`);
  return ((await response.json()) as LoginResponse).accessToken;
}

/** Connects a console and resolves once its queue snapshot has arrived. */
function connectConsole(httpUrl: string, token: string, index: number, onChange: ArrivalHandler): Promise<Console> {
  return new Promise((resolve, reject) => {
    // forceNew: one connection each, as 50 browsers would have, not 50 namespaces on one.
    const socket: Console['socket'] = io(httpUrl, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { token, protocol: SOCKET_PROTOCOL },
      timeout: TIMEOUT_MS,
    });
    const client: Console = { socket, lastSeq: null, changes: 0, messages: 0, seqGaps: 0, errors: [], disconnects: 0 };
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`console ${index + 1} got no queue snapshot within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    socket.on('connect_error', (error) => {
      clearTimeout(timer);
      reject(new Error(`console ${index + 1} could not connect: ${error.message}`));
    });
    socket.on('disconnect', () => (client.disconnects += 1));
    socket.on(SOCKET_EVENTS.error, (error) => client.errors.push(`${error.code}: ${error.message}`));
    socket.on(SOCKET_EVENTS.queueSnapshot, (snapshot: QueueSnapshot) => {
      client.lastSeq = snapshot.seq;
      clearTimeout(timer);
      resolve(client);
    });
    socket.on(SOCKET_EVENTS.caseChanges, (changes: CaseChange[]) => {
      const at = performance.now();
      client.messages += 1;
      for (const change of changes) {
        client.changes += 1;
        if (client.lastSeq !== null && change.seq !== client.lastSeq + 1) client.seqGaps += 1;
        client.lastSeq = change.seq;
        onChange(index, change, at);
      }
    });
  });
}

interface Background {
  done: Promise<{ code: number | null; output: string }>;
  child: ChildProcess;
}

/** The DC-09 background load: `simulate.js steady` as its own process, so its work does not delay the consoles. */
function startBackground(dc09Port: number, durationSeconds: number, env: NodeJS.ProcessEnv): Background {
  const child = spawn(
    process.execPath,
    [
      serverDist('cli/simulate.js'),
      'steady',
      '--host',
      '127.0.0.1',
      '--port',
      String(dc09Port),
      '--transport',
      'tcp',
      '--transmitters',
      String(TRANSMITTERS),
      '--rate',
      String(RATE),
      '--duration',
      String(durationSeconds),
      '--first-account',
      'B00000',
      '--protocol',
      'mixed',
    ],
    { env: { PATH: env.PATH, HOME: env.HOME }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.once('exit', (code) => resolve({ code, output }));
    child.once('error', (error) => resolve({ code: -1, output: `${output}\n${error.message}` }));
  });
  return { done, child };
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  let aborted = false;
  const abort = (reason: string, code: number): void => {
    aborted = true;
    process.stderr.write(`\nbench: ${reason}; cleaning up\n`);
    void cleanup.run().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  const perRun = WARMUP_SECONDS + SECONDS + PROBE_TIMEOUT_MS / 1000 + TIMEOUT_MS / 1000 + DRAIN_MAX_MS / 1000 + 30;
  const limitSeconds = 240 + RUNS * perRun;
  setTimeout(() => abort(`time limit of ${limitSeconds.toFixed(0)} s reached`, 3), limitSeconds * 1000).unref();

  const id = randomBytes(4).toString('hex');
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/arc_bench_${id}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `arc-bench-${id}`;
  const [httpPort, dc09Port] = [await freePort(), await freePort()];
  const logFile = join(os.tmpdir(), `arc-bench-${id}.log`);
  const secret = (): string => randomBytes(24).toString('base64url');
  const operatorPassword = secret();
  const env = benchServerEnv(
    { httpPort, dc09Port, databaseUrl, redisUrl, redisPrefix },
    {
      // Longer than the benchmark: an expiring token would reconnect every console mid-run.
      JWT_TTL_SECONDS: '7200',
      DEMO_OPERATOR_PASSWORD: operatorPassword,
      DC09_MAX_CONNECTIONS: String(Math.max(10_000, 2 * (TRANSMITTERS + PROBE_TRANSMITTERS))),
    },
  );
  applyEnvSettings(env, values.env);

  write(`Realtime benchmark: DC-09 frame to case change on ${CONSOLES} connected consoles\n`);
  write(`machine: ${machine()}\n`);
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

    // Provisioned before the server starts: the receiver loads its directory at start. The
    // background fleet is what `simulate.js steady --first-account B00000 --protocol mixed` sends as.
    const background: TransmitterSpec[] = Array.from({ length: TRANSMITTERS }, (_, i) => ({
      account: accountAt('B00000', i),
      protocol: i % 2 === 0 ? 'SIA-DCS' : 'ADM-CID',
    }));
    const probes: TransmitterSpec[] = Array.from({ length: PROBE_TRANSMITTERS }, (_, i) => ({
      account: accountAt('C00000', i),
      protocol: 'SIA-DCS',
    }));
    const all = [...background, ...probes];
    await db.query(
      `WITH t AS (SELECT * FROM unnest($1::text[], $2::text[]) AS t(account, protocol)),
            s AS (INSERT INTO sites (name, street, postcode, city, municipality)
                  SELECT 'Bench ' || account, 'Provgatan 1', '100 00', 'Provstad', 'Provstad' FROM t
                  RETURNING id, name)
       INSERT INTO transmitters (account, site_id, protocol, supervision_interval_seconds)
       SELECT t.account, s.id, t.protocol, 90000 FROM t JOIN s ON s.name = 'Bench ' || t.account`,
      [all.map((s) => s.account), all.map((s) => s.protocol)],
    );
    write(
      `provisioned ${TRANSMITTERS} background and ${PROBE_TRANSMITTERS} probe transmitters, each with its own site\n`,
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
    write('server is up\n');

    // ---- the consoles ------------------------------------------------------------------------
    /** Probes whose change has not reached every console yet, per probe account. */
    const pending = new Map<string, Probe[]>();
    const onChange: ArrivalHandler = (index, change, at) => {
      const list = pending.get(change.summary.account);
      if (!list) return;
      // The change carries the probe's signal when the case's last signal was received at or
      // after the probe's write. A change that also covers an earlier probe this console had
      // not seen yet counts for that one too, with its (longer) latency.
      const lastSignal = Date.parse(change.summary.lastSignalAt);
      for (const probe of list) {
        if (probe.wallMs > lastSignal || !Number.isNaN(probe.arrivals[index]!)) continue;
        probe.arrivals[index] = at - probe.t0;
        probe.missing -= 1;
      }
      const open = list.filter((probe) => probe.missing > 0);
      if (open.length === 0) pending.delete(change.summary.account);
      else if (open.length !== list.length) pending.set(change.summary.account, open);
    };

    const consoles: Console[] = [];
    cleanup.add('disconnect the consoles', async () => {
      for (const client of consoles) client.socket.close();
    });
    for (let i = 0; i < CONSOLES; i += 1) {
      const token = await login(httpUrl, operatorPassword);
      consoles.push(await connectConsole(httpUrl, token, i, onChange));
    }
    write(`${CONSOLES} consoles logged in as ${OPERATOR} and connected (socket.io, websocket transport)\n`);

    // ---- the probe transmitters --------------------------------------------------------------
    const link = { host: '127.0.0.1', port: dc09Port, transport: 'tcp' as const, timeoutMs: TIMEOUT_MS };
    const probeFleet: Transmitter[] = createFleet(probes, link);
    cleanup.add('close the probe transmitters', () => closeFleet(probeFleet));
    const warm = await warmUp(probeFleet);
    if (warm.total('ACK') !== probeFleet.length) {
      throw new Error(`only ${warm.total('ACK')} of ${probeFleet.length} probe links answered a NULL link test`);
    }
    write(`\n`);

    /**
     * Where a probe's time went, from the server's own timestamps (same clock): `received_at` is
     * taken as the frame is handed to storage, `evaluated_at` is the start of the evaluation
     * transaction, which waits for the signal's commit and for the batch before it.
     */
    const probeStages = async (sent: Probe[]): Promise<{ queued: LatencySummary; rest: LatencySummary }> => {
      const { rows } = await db.query<{ account: string; received_at: Date; evaluated_at: Date | null }>(
        `SELECT account, received_at, evaluated_at FROM signals_with_decisions
          WHERE account = ANY($1::text[]) AND received_at >= $2 ORDER BY received_at`,
        [probes.map((p) => p.account), new Date(Math.min(...sent.map((p) => p.wallMs)))],
      );
      const queued = new LatencySamples();
      const rest = new LatencySamples();
      for (const probe of sent) {
        const row = rows.find((r) => r.account === probe.account && r.received_at.getTime() >= probe.wallMs);
        if (!row?.evaluated_at) continue;
        queued.add(row.evaluated_at.getTime() - row.received_at.getTime());
        const arrivals = Float64Array.from(probe.arrivals)
          .map((v) => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v))
          .sort();
        rest.add(arrivals[Math.floor(arrivals.length / 2)]! - (row.evaluated_at.getTime() - probe.wallMs));
      }
      return { queued: queued.summary(), rest: rest.summary() };
    };
    const countSignals = async (from: Date, to: Date): Promise<number> =>
      Number(
        (
          await db.query<{ n: string }>(
            'SELECT count(*) AS n FROM signals WHERE received_at >= $1 AND received_at < $2',
            [from, to],
          )
        ).rows[0]!.n,
      );
    /** Lets the rules catch up between runs, so one does not pay for the previous one's backlog. */
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

    const figures: Figure[] = [];
    const add = (figure: Omit<Figure, 'values'>): Figure => {
      const entry = { ...figure, values: [] };
      figures.push(entry);
      return entry;
    };
    const load = `${RATE}/s background, ${CONSOLES} consoles`;
    const p50 = add({
      label: `frame → console, every console, ${load}: p50`,
      unit: 'ms',
      digits: 2,
      target: { text: `< ${TARGET_P50_MS} ms`, met: (v) => v < TARGET_P50_MS },
    });
    const p95 = add({ label: 'frame → console: p95', unit: 'ms', digits: 2 });
    const p99 = add({
      label: 'frame → console: p99',
      unit: 'ms',
      digits: 2,
      target: { text: `< ${TARGET_P99_MS} ms`, met: (v) => v < TARGET_P99_MS },
    });
    const max = add({ label: 'frame → console: max', unit: 'ms', digits: 1 });
    const slowestP50 = add({ label: 'slowest console per probe: p50', unit: 'ms', digits: 2 });
    const slowestP99 = add({ label: 'slowest console per probe: p99', unit: 'ms', digits: 2 });
    const lost = add({ label: 'arrivals lost (of probes × consoles)', unit: '', digits: 0 });
    const gaps = add({ label: 'seq gaps seen by the consoles', unit: '', digits: 0 });
    const ackP99 = add({ label: 'probe ACK p99 (frame → DC-09 ACK)', unit: 'ms', digits: 2 });
    const afterAckP50 = add({ label: 'ACK → console (rules + fan-out): p50', unit: 'ms', digits: 2 });
    const afterAckP99 = add({ label: 'ACK → console (rules + fan-out): p99', unit: 'ms', digits: 2 });
    const stageFigures = {
      queued: {
        p50: add({ label: 'per probe, received → its evaluation began: p50', unit: 'ms', digits: 1 }),
        p99: add({ label: 'per probe, received → its evaluation began: p99', unit: 'ms', digits: 1 }),
      },
      rest: {
        p50: add({ label: 'per probe, evaluation began → median console: p50', unit: 'ms', digits: 1 }),
        p99: add({ label: 'per probe, evaluation began → median console: p99', unit: 'ms', digits: 1 }),
      },
    };
    const cpuFigures = Object.fromEntries(
      [...CPU_GROUPS, 'machine' as const].map((group) => [
        group,
        add({
          label:
            group === 'machine'
              ? `CPU busy, whole machine (${os.availableParallelism()} CPUs = ${100 * os.availableParallelism()} %)`
              : `CPU: ${group === 'other' ? 'other processes and kernel' : group}`,
          unit: '% of 1 CPU',
          digits: 0,
        }),
      ]),
    ) as Record<CpuGroup | 'machine', Figure>;
    const stored = add({ label: 'signals stored per s during the probes', unit: '/s', digits: 0 });
    const perConsole = add({ label: 'changes received per console per s', unit: '/s', digits: 0 });
    const messagesPerConsole = add({ label: 'socket messages per console per s', unit: '/s', digits: 0 });
    const loopP99 = add({ label: 'benchmark process event-loop delay p99', unit: 'ms', digits: 1 });

    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    let probeCursor = 0;

    for (let r = 0; r < RUNS; r += 1) {
      // The background starts first so its links are open and its rate steady before the probes.
      const backgroundSeconds = WARMUP_SECONDS + SECONDS + 1;
      const feed = startBackground(dc09Port, backgroundSeconds, env);
      cleanup.add('stop the background simulator', () => stopChild(feed.child));
      await sleep(WARMUP_SECONDS * 1000);

      const changesBefore = consoles.reduce((sum, c) => sum + c.changes, 0);
      const messagesBefore = consoles.reduce((sum, c) => sum + c.messages, 0);
      const gapsBefore = consoles.reduce((sum, c) => sum + c.seqGaps, 0);
      loopDelay.reset();
      const cpuBefore = cpuSnapshot({ server: server.pid, simulator: feed.child.pid });
      const sent: Probe[] = [];
      const replies: Promise<SendResult>[] = [];
      const fromWall = new Date();
      const start = performance.now();
      const count = Math.floor((SECONDS * 1000) / PROBE_INTERVAL_MS);
      for (let i = 0; i < count; i += 1) {
        const wait = start + i * PROBE_INTERVAL_MS - performance.now();
        if (wait > 0) await sleep(wait);
        if (aborted) break; // the cleanup closes the probe transmitters
        const transmitter = probeFleet[probeCursor % probeFleet.length]!;
        probeCursor += 1;
        const probe: Probe = {
          account: transmitter.account,
          t0: 0,
          wallMs: 0,
          arrivals: new Float64Array(CONSOLES).fill(Number.NaN),
          missing: CONSOLES,
        };
        const list = pending.get(probe.account);
        if (list) list.push(probe);
        else pending.set(probe.account, [probe]);
        probe.wallMs = Date.now();
        probe.t0 = performance.now();
        const event = { code: 'BA', zone: String(1 + (i % 24)).padStart(3, '0'), area: '1' };
        replies.push(
          transmitter.sendEvent(event).catch((): SendResult => ({
            kind: 'event',
            sequence: null,
            outcome: 'closed',
            latencyMs: null,
            reply: null,
          })),
        );
        sent.push(probe);
      }
      const probeSeconds = (performance.now() - start) / 1000;
      const cpu = cpuShares(cpuBefore, cpuSnapshot({ server: server.pid, simulator: feed.child.pid }), probeSeconds);
      const toWall = new Date();
      const loopP99Ms = loopDelay.percentile(99) / 1e6;

      // Every console gets until --probe-timeout after the last probe to see each change.
      const deadline = performance.now() + PROBE_TIMEOUT_MS;
      while (sent.some((probe) => probe.missing > 0) && performance.now() < deadline) await sleep(50);
      for (const probe of sent) {
        const list = pending.get(probe.account);
        if (list)
          pending.set(
            probe.account,
            list.filter((p) => p !== probe),
          );
        if (pending.get(probe.account)?.length === 0) pending.delete(probe.account);
      }
      const acks = await Promise.all(replies);
      const bg = await feed.done;

      const every = new LatencySamples();
      const slowest = new LatencySamples();
      const ack = new LatencySamples();
      const afterAck = new LatencySamples();
      let lostArrivals = 0;
      sent.forEach((probe, i) => {
        const reply = acks[i]!;
        let worst = 0;
        for (const latency of probe.arrivals) {
          const value = Number.isNaN(latency) ? Number.POSITIVE_INFINITY : latency;
          if (Number.isNaN(latency)) lostArrivals += 1;
          every.add(value);
          // The simulator's ACK latency runs from the same moment as t0, give or take a microtask.
          if (reply.outcome === 'ACK' && reply.latencyMs !== null) afterAck.add(value - reply.latencyMs);
          worst = Math.max(worst, value);
        }
        slowest.add(worst);
      });
      for (const result of acks) if (result.outcome === 'ACK' && result.latencyMs !== null) ack.add(result.latencyMs);
      const everySummary = every.summary();
      const slowestSummary = slowest.summary();
      const ackSummary = ack.summary();
      const afterAckSummary = afterAck.summary();
      const stages = await probeStages(sent);
      const storedPerSecond = (await countSignals(fromWall, toWall)) / ((toWall.getTime() - fromWall.getTime()) / 1000);
      const changes = consoles.reduce((sum, c) => sum + c.changes, 0) - changesBefore;
      const messages = consoles.reduce((sum, c) => sum + c.messages, 0) - messagesBefore;
      const seqGaps = consoles.reduce((sum, c) => sum + c.seqGaps, 0) - gapsBefore;
      const disconnected = consoles.filter((c) => c.disconnects > 0).length;

      p50.values.push(everySummary.p50);
      p95.values.push(everySummary.p95);
      p99.values.push(everySummary.p99);
      max.values.push(everySummary.max);
      slowestP50.values.push(slowestSummary.p50);
      slowestP99.values.push(slowestSummary.p99);
      lost.values.push(lostArrivals);
      gaps.values.push(seqGaps);
      ackP99.values.push(ackSummary.p99);
      afterAckP50.values.push(afterAckSummary.p50);
      afterAckP99.values.push(afterAckSummary.p99);
      stageFigures.queued.p50.values.push(stages.queued.p50);
      stageFigures.queued.p99.values.push(stages.queued.p99);
      stageFigures.rest.p50.values.push(stages.rest.p50);
      stageFigures.rest.p99.values.push(stages.rest.p99);
      for (const [group, figure] of Object.entries(cpuFigures)) figure.values.push(cpu[group as CpuGroup]);
      stored.values.push(storedPerSecond);
      perConsole.values.push(changes / CONSOLES / probeSeconds);
      messagesPerConsole.values.push(messages / CONSOLES / probeSeconds);
      loopP99.values.push(loopP99Ms);

      const background = /events: (\d+) distinct, (\d+) ACKed, (\d+) not ACKed/.exec(bg.output);
      write(
        `run ${r + 1}: ${sent.length} probes in ${probeSeconds.toFixed(1)} s, ` +
          `${acks.filter((a) => a.outcome === 'ACK').length} ACKed (ACK ${summaryText(ackSummary)})\n` +
          `  frame → console, all ${CONSOLES} consoles: ${summaryText(everySummary)}\n` +
          `  slowest console per probe:    ${summaryText(slowestSummary)}\n` +
          `  ACK → console (rules + fan-out): ${summaryText(afterAckSummary)}\n` +
          `  per probe, received → its evaluation began: ${summaryText(stages.queued)}\n` +
          `  per probe, evaluation began → median console: ${summaryText(stages.rest)}\n` +
          `  CPU in % of one CPU: ${CPU_GROUPS.map((g) => `${g} ${cpu[g].toFixed(0)}`).join(', ')}; ` +
          `whole machine ${cpu.machine.toFixed(0)} busy\n` +
          `  ${lostArrivals} arrival(s) lost, ${seqGaps} seq gap(s), ${disconnected} console(s) disconnected; ` +
          `${(changes / CONSOLES / probeSeconds).toFixed(0)} changes/s per console in ` +
          `${(messages / CONSOLES / probeSeconds).toFixed(0)} messages/s; ` +
          `benchmark event-loop delay p99 ${loopP99Ms.toFixed(1)} ms; ` +
          `load average ${os.loadavg()[0]!.toFixed(2)}\n` +
          `  background: ${storedPerSecond.toFixed(0)} signals stored/s during the probes; simulator ` +
          (background
            ? `${background[1]} events, ${background[2]} ACKed, ${background[3]} not ACKed`
            : `exited with ${bg.code}`) +
          `; ${await drain()}\n`,
      );
      if (values.verbose) write(bg.output);
      if (disconnected > 0) throw new Error(`${disconnected} console(s) lost their connection; see ${logFile}`);
    }

    const errors = consoles.flatMap((c) => c.errors);
    if (errors.length > 0) write(`\nsocket errors: ${[...new Set(errors)].slice(0, 5).join('; ')}\n`);
    const logText = readFileSync(logFile, 'utf8');
    const complaints = logText.split('\n').filter((line) => /"level":(40|50|60)/.test(line));
    write(`\nserver log: ${complaints.length} warning/error lines (${logFile})\n`);
    for (const line of [...new Set(complaints.map((l) => /"msg":"([^"]*)"/.exec(l)?.[1] ?? l))].slice(0, 8)) {
      write(`  ${line.slice(0, 200)}\n`);
    }
    write(`\nmachine: ${machine()}; PostgreSQL ${version[0]?.server_version}\n`);
    write(
      'The simulator, the consoles, the server, PostgreSQL and Redis share these CPUs: the figures are upper bounds.\n\n',
    );
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
