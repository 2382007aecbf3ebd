import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database.js';
import { accountAt, type LinkOptions, type TransmitterSpec } from '../src/simulator/index.js';
import {
  benchServerEnv,
  Cleanup,
  deleteRedisKeys,
  type Figure,
  figureLine,
  freePort,
  machine,
  run,
  serverDist,
  stopChild,
  table,
  useServerDist,
  waitForHealth,
  waitForTcpPort,
  applyEnvSettings,
} from './bench-support.js';
import { ConsoleBoard } from './bench-storm-consoles.js';
import type { EventMix } from './bench-storm-load.js';
import { backlogProbe, BackendCpu, cpuText, PhaseCpu, pgCpuMethod, provision, rawInsert } from './bench-storm-pg.js';
import { LoadWorker, runStorm, sampleWhile, type StormOutcome, stormTable } from './bench-storm-phase.js';

/**
 * Storm benchmark: what operators feel when 5,000 panels report at once. Starts the server build
 * (this one's `dist/`, or --server-dist / ARC_SERVER_DIST) on its own database and Redis prefix,
 * connects --consoles consoles, and per run measures
 *   closed: a closed loop of 500 links for --closed-seconds (ingest/s, evaluation after the last ACK);
 *   raw:    the same signal rows inserted straight into PostgreSQL (batches of 500, two connections);
 *   storm:  --signals signals from --transmitters panels in --seconds, with --fires fire alarms from
 *           sites without an open case spread evenly through it: fire → consoles, ACKs, backlog.
 * The DC-09 panels run in a child process (bench-storm-load.ts). Prints every run and a table of
 * the medians, and removes its database and Redis keys on every way out.
 *   node dist-bench/bench/bench-storm.js [--runs 3] [--server-dist /tmp/before/apps/server/dist]
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'server-dist': { type: 'string' },
    signals: { type: 'string', default: '20000' },
    transmitters: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '10' },
    fires: { type: 'string', default: '100' },
    consoles: { type: 'string', default: '20' },
    'closed-seconds': { type: 'string', default: '15' },
    'closed-links': { type: 'string', default: '500' },
    'raw-seconds': { type: 'string', default: '5' },
    'encrypted-share': { type: 'string', default: '0.1' },
    only: { type: 'string', default: 'closed,raw,storm' },
    /** Where the evaluation backlog is read: auto (/metrics gauge, else SQL), metrics, sql. */
    backlog: { type: 'string', default: 'auto' },
    env: { type: 'string', multiple: true, default: [] },
    'node-arg': { type: 'string', multiple: true, default: [] },
    verbose: { type: 'boolean', default: false },
  },
});

const num = (name: keyof typeof values, min = 0): number => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min}`);
  return value;
};
const RUNS = Math.floor(num('runs', 1));
const SIGNALS = Math.floor(num('signals', 1));
const FIRES = Math.floor(num('fires'));
const TRANSMITTERS = Math.floor(num('transmitters', FIRES + 1));
const WINDOW_MS = num('seconds', 0.1) * 1000;
const CONSOLES = Math.floor(num('consoles', 1));
const CLOSED_MS = num('closed-seconds', 1) * 1000;
const CLOSED_LINKS = Math.floor(num('closed-links', 1));
const RAW_SECONDS = num('raw-seconds', 0.5);
const PHASES = new Set(values.only.split(','));
const DRAIN_MAX_MS = 120_000;
const TIMEOUT_MS = 10_000;
const RAW_BATCH = 500;
if (SIGNALS < TRANSMITTERS) throw new Error('--signals must be at least --transmitters');
for (const phase of PHASES) {
  if (!['closed', 'raw', 'storm'].includes(phase)) throw new Error(`--only: unknown phase ${phase}`);
}
if (values['server-dist']) useServerDist(values['server-dist']);

/** AC losses and other technical trouble with burglaries among them; the fires come on their own. */
const STORM_MIX: EventMix = [
  { sia: 'AT', cid: '1301', weight: 50 },
  { sia: 'YT', cid: '1302', weight: 10 },
  { sia: 'YC', cid: '1350', weight: 10 },
  { sia: 'TA', cid: '1137', weight: 5 },
  { sia: 'BA', cid: '1130', weight: 25 },
];

const write = (text: string): boolean => process.stdout.write(text);
const epochMs = (): number => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  const abort = (reason: string, code: number): void => {
    process.stderr.write(`\nbench: ${reason}; cleaning up\n`);
    void cleanup.run().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  const perRun = (CLOSED_MS + WINDOW_MS + 3 * DRAIN_MAX_MS) / 1000 + RAW_SECONDS + 90;
  const limitSeconds = 300 + RUNS * perRun;
  setTimeout(() => abort(`time limit of ${limitSeconds.toFixed(0)} s reached`, 3), limitSeconds * 1000).unref();

  const id = randomBytes(4).toString('hex');
  const database = `arc_bench_storm_${id}`;
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `arc-bench-storm-${id}`;
  const secretsKey = randomBytes(32).toString('base64url');
  const operatorPassword = randomBytes(24).toString('base64url');
  const [httpPort, dc09Port] = [await freePort(), await freePort()];
  const logFile = join(os.tmpdir(), `arc-bench-storm-${id}.log`);
  const storms = PHASES.has('storm') ? RUNS : 0;
  const env = benchServerEnv(
    { httpPort, dc09Port, databaseUrl, redisUrl, redisPrefix },
    {
      SECRETS_KEY: secretsKey,
      JWT_TTL_SECONDS: '7200',
      DEMO_OPERATOR_PASSWORD: operatorPassword,
      DC09_MAX_CONNECTIONS: String(Math.max(10_000, 2 * TRANSMITTERS)),
    },
  );
  applyEnvSettings(env, values.env);

  write(`Storm benchmark: ${SIGNALS} signals from ${TRANSMITTERS} panels in ${WINDOW_MS / 1000} s, `);
  write(`${FIRES} fire alarms among them, ${CONSOLES} consoles\n`);
  write(
    `machine: ${machine()}; load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}\n`,
  );
  write(`server build: ${serverDist('main.js')}\n`);
  write(`database ${database}, Redis prefix ${redisPrefix}, DC-09 on 127.0.0.1:${dc09Port}, log ${logFile}\n`);

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

    // Every run's storm has panels and fire sites of its own, none with an open case. All are
    // provisioned before the server starts: the receiver loads its directory at start.
    const encryptEvery = Number(values['encrypted-share']) > 0 ? Math.round(1 / Number(values['encrypted-share'])) : 0;
    const spec = (account: string, i: number): TransmitterSpec => ({
      account,
      protocol: i % 2 === 0 ? 'SIA-DCS' : 'ADM-CID',
      key:
        encryptEvery > 0 && i % encryptEvery === encryptEvery - 1
          ? randomBytes([16, 24, 32][i % 3]!)
              .toString('hex')
              .toUpperCase()
          : null,
    });
    const closedSpecs = Array.from({ length: CLOSED_LINKS }, (_, i) => spec(accountAt('A00000', i), i));
    const background = TRANSMITTERS - FIRES;
    const stormSpecs = Array.from({ length: storms }, (_, r) =>
      Array.from({ length: background }, (_, i) => spec(accountAt('C00000', r * background + i), i)),
    );
    const fireSpecs = Array.from({ length: storms }, (_, r) =>
      Array.from({ length: FIRES }, (_, i) => spec(accountAt('F00000', r * FIRES + i), i)),
    );
    const all = [...closedSpecs, ...stormSpecs.flat(), ...fireSpecs.flat()];
    await provision(db, secretsKey, all);
    write(
      `provisioned ${all.length} sites and transmitters (${closedSpecs.length} closed loop; per storm ` +
        `${background} panels + ${FIRES} fire sites; half SIA-DCS, half ADM-CID, ` +
        `${all.filter((s) => s.key).length} with AES keys)\n`,
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
    await waitForTcpPort(dc09Port);

    const load = new LoadWorker();
    cleanup.add('stop the load process', () => load.stop());
    const board = new ConsoleBoard();
    cleanup.add('disconnect the consoles', async () => board.close());
    await board.connect(httpUrl, operatorPassword, CONSOLES);
    write(`server is up; ${CONSOLES} consoles signed in as operator and connected (socket.io, websocket)\n`);

    const backlog = await backlogProbe(db, httpUrl, values.backlog);
    write(`evaluation backlog: ${backlog.source}\n`);
    write(`${await pgCpuMethod(db)}\n`);
    const ownPid = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const cpu = new PhaseCpu(new BackendCpu(db, new Set([ownPid])), { server: server.pid!, panels: load.pid! });
    const link: LinkOptions = { host: '127.0.0.1', port: dc09Port, transport: 'tcp', timeoutMs: TIMEOUT_MS };
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();

    /** Polls the backlog until it is 0: the epoch ms of the first 0 read (an upper bound), or Infinity. */
    const evaluatedAt = async (pollMs: number, sample?: () => Promise<void>): Promise<number> => {
      const started = epochMs();
      while (epochMs() - started < DRAIN_MAX_MS) {
        const n = await backlog.read();
        const at = epochMs();
        await sample?.();
        if (n === 0) return at;
        if (Number.isNaN(n)) return Number.NaN;
        await sleep(pollMs);
      }
      return Number.POSITIVE_INFINITY;
    };

    const figures: Figure[] = [];
    const add = (figure: Omit<Figure, 'values'>): Figure => {
      const entry = { ...figure, values: [] };
      figures.push(entry);
      return entry;
    };
    const closedRate = add({
      label: `closed loop, ${CLOSED_LINKS} links: ingest (events ACKed/s)`,
      unit: '/s',
      digits: 0,
    });
    const closedEval = add({
      label: 'closed loop: every signal evaluated, after the last ACK',
      unit: 's',
      digits: 2,
      target: { text: '≤ 1 s', met: (v) => v <= 1 },
    });
    const closedAck = add({ label: 'closed loop: ACK p99', unit: 'ms', digits: 1 });
    const closedPg = add({ label: 'closed loop: PostgreSQL CPU per signal', unit: 'ms', digits: 3 });
    const closedServer = add({ label: 'closed loop: server CPU per signal', unit: 'ms', digits: 3 });
    const closedOther = add({ label: 'closed loop: CPU of other processes meanwhile', unit: '% of 1 CPU', digits: 0 });
    const rawRate = add({ label: `raw insert, batches of ${RAW_BATCH}, 2 connections`, unit: 'rows/s', digits: 0 });
    const rawPg = add({ label: 'raw insert: PostgreSQL CPU per row', unit: 'ms', digits: 3 });
    const ratio = add({
      label: 'closed-loop ingest / raw insert',
      unit: '',
      digits: 3,
      target: { text: '≥ 0.25', met: (v) => v >= 0.25 },
    });
    const stormFigures = PHASES.has('storm') ? stormTable(add) : null;

    for (let r = 0; r < RUNS; r += 1) {
      write(`\nrun ${r + 1} (load average ${os.loadavg()[0]!.toFixed(2)})\n`);
      let closedPerSecond = Number.NaN;
      if (PHASES.has('closed')) {
        await evaluatedAt(250);
        await cpu.start();
        loopDelay.reset();
        const loop = load.send({ cmd: 'closed', specs: closedSpecs, link, durationMs: CLOSED_MS });
        const timeline = await sampleWhile(loop, httpUrl);
        const result = await loop;
        const done = await evaluatedAt(100, () => cpu.sample());
        const use = await cpu.stop();
        const pgMs = (1000 * use.postgres) / result.acked;
        const serverMs = (1000 * use.server) / result.acked;
        closedPerSecond = result.acked / (result.elapsedMs / 1000);
        const after = (done - result.lastAckAt) / 1000;
        closedRate.values.push(closedPerSecond);
        closedEval.values.push(after);
        closedAck.values.push(result.ack.p99);
        closedPg.values.push(pgMs);
        closedServer.values.push(serverMs);
        closedOther.values.push((100 * use.other) / use.wallSeconds);
        write(
          `  closed loop: ${result.acked} of ${result.events} events ACKed in ${(result.elapsedMs / 1000).toFixed(1)} s ` +
            `= ${closedPerSecond.toFixed(0)}/s, ACK p99 ${result.ack.p99.toFixed(1)} ms; ` +
            `evaluation finished ${after.toFixed(2)} s after the last ACK; PostgreSQL CPU ${pgMs.toFixed(3)} ms/signal, ` +
            `server ${serverMs.toFixed(3)} ms/signal; load process event-loop delay p99 ${result.loopDelayP99Ms.toFixed(0)} ms\n` +
            `  ${cpuText(use)}\n` +
            `  each second, evaluation backlog / signals waiting to be stored (* ingest paced): ${timeline}\n`,
        );
      }
      if (PHASES.has('raw')) {
        await evaluatedAt(250);
        const raw = await rawInsert(databaseUrl, db, RAW_SECONDS, RAW_BATCH);
        if (raw) {
          rawRate.values.push(raw.rowsPerSecond);
          rawPg.values.push(raw.pgCpuMsPerRow);
          ratio.values.push(closedPerSecond / raw.rowsPerSecond);
          write(
            `  raw insert: ${raw.rows} rows in ${raw.seconds.toFixed(1)} s = ${raw.rowsPerSecond.toFixed(0)} rows/s, ` +
              `PostgreSQL CPU ${raw.pgCpuMsPerRow.toFixed(3)} ms/row; ` +
              `closed-loop ingest is ${(closedPerSecond / raw.rowsPerSecond).toFixed(3)} of it\n`,
          );
        } else write('  raw insert: skipped, no stored signals to copy yet (run the closed loop or a storm first)\n');
      }
      if (stormFigures) {
        await evaluatedAt(250);
        await sleep(1000);
        const outcome = await runStorm({
          db,
          load: (request) => load.send(request),
          board,
          backlog,
          cpu,
          evaluatedAt: (pollMs) => evaluatedAt(pollMs),
          request: {
            cmd: 'storm',
            specs: stormSpecs[r]!,
            fires: fireSpecs[r]!,
            link,
            signals: SIGNALS - FIRES,
            windowMs: WINDOW_MS,
            startAt: epochMs() + 1000,
            mix: STORM_MIX,
          },
          httpUrl,
          verbose: values.verbose,
          write,
        });
        for (const key of Object.keys(stormFigures) as (keyof StormOutcome)[]) {
          stormFigures[key].values.push(outcome[key]);
        }
      }
      const totals = board.totals();
      write(
        `  consoles: ${totals.changes} changes in ${totals.messages} messages so far, ${totals.seqGaps} seq gap(s), ` +
          `${totals.disconnected} disconnected; benchmark event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms\n`,
      );
      if (totals.disconnected > 0) throw new Error(`${totals.disconnected} console(s) lost their connection`);
    }

    const complaints = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => /"level":(40|50|60)/.test(line));
    write(`\nserver log: ${complaints.length} warning/error lines (${logFile})\n`);
    for (const line of [...new Set(complaints.map((l) => /"msg":"([^"]*)"/.exec(l)?.[1] ?? l))].slice(0, 8)) {
      write(`  ${line.slice(0, 200)}\n`);
    }
    write(`\nmachine: ${machine()}; PostgreSQL ${version[0]?.server_version}; load average now `);
    write(
      `${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}\n`,
    );
    write(
      'The panels, the consoles, the server, PostgreSQL and Redis share these CPUs; listen overflows are counted ' +
        'for the whole network namespace.\n\n',
    );
    const shown = figures.filter((figure) => figure.values.length > 0);
    write(`${table(shown.map(figureLine), RUNS)}\n`);
    if (shown.some((figure) => figureLine(figure)[4] === 'MISSED')) process.exitCode = 1;
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
