import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { LoginResponse } from '@arc/shared/auth';
import type { SupervisorSnapshot } from '@arc/shared/supervisor';
import pg from 'pg';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database.js';
import { LatencySamples, type LatencySummary, median } from '../src/simulator/index.js';
import {
  benchServerEnv,
  Cleanup,
  deleteRedisKeys,
  freePort,
  machine,
  run,
  serverDist,
  stopChild,
  waitForHealth,
  applyEnvSettings,
} from './bench-support.js';

/**
 * Metrics benchmark: how long a Prometheus scrape (`GET /api/v1/metrics`) and a supervisor's
 * snapshot request (`GET /api/v1/supervisor/snapshot`) take on a loaded centre. Starts the built
 * server on its own database and Redis prefix, stores --cases closed cases spread over the last
 * six hours (the snapshot's history and accept-time windows read them), --waiting queued cases,
 * and some failed caller verifications, then, while a trickle of alarms is posted over HTTP
 * (--signal-rate per second), sends --requests requests to each endpoint one after the other,
 * --runs times. Prints median, p95 and max per run and the medians over the runs, and removes
 * everything again, also on failure, Ctrl-C and at the time limit. Loopback only.
 *   node dist-bench/bench/bench-metrics.js [--runs 3] [--requests 200]      (pnpm bench:metrics)
 *
 * The snapshot endpoint answers with the snapshot computed last (every 5 s, in the background):
 * its latency is the cost of serving it, not of computing it. The helpers are in
 * bench-support.ts.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    cases: { type: 'string', default: '5000' },
    /** Closed cases from the 60 days before the window: the history a centre has after a while. */
    'history-cases': { type: 'string', default: '100000' },
    /** Snapshots forced per run (by setting the supervisor's state) to time their computation. */
    refreshes: { type: 'string', default: '10' },
    waiting: { type: 'string', default: '40' },
    sites: { type: 'string', default: '200' },
    'signal-rate': { type: 'string', default: '10' },
    env: { type: 'string', multiple: true, default: [] },
    /** Extra Node.js options for the server process, e.g. --node-arg=--cpu-prof (not allowed in NODE_OPTIONS). */
    'node-arg': { type: 'string', multiple: true, default: [] },
  },
});

const int = (name: keyof typeof values, min: number, max: number): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
};
// Bounded on purpose: this is a latency probe, not a load test.
const RUNS = int('runs', 1, 10);
const REQUESTS = int('requests', 1, 2000);
const WARMUP = int('warmup', 0, 500);
const CASES = int('cases', 0, 200_000);
const HISTORY_CASES = int('history-cases', 0, 1_000_000);
const REFRESHES = int('refreshes', 0, 100);
const WAITING = int('waiting', 0, 1000);
const SITES = int('sites', 1, 10_000);
const SIGNAL_RATE = int('signal-rate', 0, 200);
const TIMEOUT_MS = 10_000;

const write = (text: string): boolean => process.stdout.write(text);
/** Body sizes of the last answers, for the report. */
const lastBytes = { metrics: 0, snapshot: 0 };

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  const abort = (reason: string, code: number): void => {
    process.stderr.write(`\nbench: ${reason}; cleaning up\n`);
    void cleanup.run().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  const limitSeconds = 180 + RUNS * 120;
  setTimeout(() => abort(`time limit of ${limitSeconds.toFixed(0)} s reached`, 3), limitSeconds * 1000).unref();

  const id = randomBytes(4).toString('hex');
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/arc_bench_${id}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `arc-bench-${id}`;
  const [httpPort, dc09Port] = [await freePort(), await freePort()];
  const logFile = join(os.tmpdir(), `arc-bench-${id}.log`);
  const secret = (): string => randomBytes(24).toString('base64url');
  const supervisorPassword = secret();
  const ingestKey = secret();
  const env = benchServerEnv(
    { httpPort, dc09Port, databaseUrl, redisUrl, redisPrefix },
    {
      JWT_TTL_SECONDS: '7200',
      INGEST_API_KEYS: ingestKey,
      DEMO_SUPERVISOR_PASSWORD: supervisorPassword,
    },
  );
  applyEnvSettings(env, values.env);

  write('Metrics benchmark: GET /api/v1/metrics and GET /api/v1/supervisor/snapshot on a loaded centre\n');
  write(`machine: ${machine()}\n`);
  write(`database arc_bench_${id}, Redis prefix ${redisPrefix}, log ${logFile}\n`);

  try {
    cleanup.add('delete the Redis keys', () => deleteRedisKeys(redisUrl, redisPrefix));
    cleanup.add('drop the database', () => dropDatabase(databaseUrl));
    await ensureDatabase(databaseUrl);
    await run(process.execPath, [serverDist('cli/migrate.js')], env);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanup.add('close the database client', () => db.end());
    const { rows: version } = await db.query<{ server_version: string }>('SHOW server_version');

    // Sites and transmitters before the server starts: the receiver loads its directory at start.
    await db.query(
      `WITH s AS (
         INSERT INTO sites (name, street, postcode, city, municipality)
         SELECT 'Bench ' || n, 'Provgatan ' || n, '100 00', 'Provstad', 'Provstad' FROM generate_series(1, $1) n
         RETURNING id, name)
       INSERT INTO transmitters (account, site_id, supervision_interval_seconds)
       SELECT 'D' || lpad(substring(s.name FROM 7), 5, '0'), s.id, 90000 FROM s`,
      [SITES],
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

    // Closed cases over the last six hours, round-robin over the sites, accept times of 2–120 s
    // (skewed short), each closed by the demo operator; queued ones waiting up to ten minutes.
    const transmitters = `(SELECT account, site_id, row_number() OVER (ORDER BY account) - 1 AS i FROM transmitters)`;
    await db.query(
      `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, queued_at, created_at,
                          last_signal_at, accepted_at, closed_at, closed_by_user_id)
       SELECT 'bench:' || g.n, t.site_id, t.account, g.category, g.priority, 'CLOSED', 'Bench alarm', g.at, g.at, g.at,
              g.at + make_interval(secs => 2 + 118 * power(random(), 3)),
              g.at + make_interval(secs => 150 + 600 * random()), u.id
         FROM (SELECT n, now() - make_interval(secs => 800 + random() * (6 * 3600 - 800)) AS at,
                      (ARRAY['FIRE','HOLDUP','INTRUSION','INTRUSION','TECHNICAL','SERVICE'])[1 + n % 6] AS category,
                      (ARRAY[1, 2, 3, 3, 4, 5])[1 + n % 6] AS priority
                 FROM generate_series(1, $1::int) n) g
         JOIN ${transmitters} t ON t.i = g.n % $2::int
        CROSS JOIN (SELECT id FROM users WHERE username = 'operator') u`,
      [CASES, SITES],
    );
    await db.query(
      `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, queued_at, created_at,
                          last_signal_at)
       SELECT 'bench-waiting:' || g.n, t.site_id, t.account, 'INTRUSION', 3, 'QUEUED', 'Bench alarm', g.at, g.at, g.at
         FROM (SELECT n, now() - make_interval(secs => random() * 600) AS at FROM generate_series(1, $1::int) n) g
         JOIN ${transmitters} t ON t.i = g.n % $2::int`,
      [WAITING, SITES],
    );
    await db.query(
      `INSERT INTO cases (case_key, site_id, account, category, priority, status, title, queued_at, created_at,
                          last_signal_at, accepted_at, closed_at, closed_by_user_id)
       SELECT 'bench-history:' || g.n, t.site_id, t.account, 'INTRUSION', 3, 'CLOSED', 'Bench alarm', g.at, g.at, g.at,
              g.at + make_interval(secs => 2 + 60 * random()), g.at + make_interval(secs => 300), u.id
         FROM (SELECT n, now() - interval '1 day' - make_interval(secs => random() * 60 * 86400) AS at
                 FROM generate_series(1, $1::int) n) g
         JOIN ${transmitters} t ON t.i = g.n % $2::int
        CROSS JOIN (SELECT id FROM users WHERE username = 'operator') u`,
      [HISTORY_CASES, SITES],
    );
    await db.query(
      `INSERT INTO caller_verifications (operator_user_id, person_name, site_id, result, locked_until, at)
       SELECT (SELECT id FROM users WHERE username = 'operator'), 'Caller ' || n, (SELECT id FROM sites LIMIT 1),
              CASE WHEN n % 5 = 0 THEN 'LOCKED' ELSE 'WRONG_PASSWORD' END,
              CASE WHEN n % 5 = 0 THEN now() + interval '10 minutes' END, now() - make_interval(mins => n)
         FROM generate_series(1, 30) n`,
    );
    await db.query('ANALYZE');
    write(
      `server is up; stored ${CASES} closed cases over the last 6 h, ${HISTORY_CASES} over the 60 days before, ` +
        `${WAITING} waiting, 30 failed verifications, ${SITES} sites; PostgreSQL ${version[0]?.server_version}\n`,
    );

    const token = await login(httpUrl, 'supervisor', supervisorPassword);
    // The first snapshot is computed on demand; after that the server keeps one fresh every 5 s.
    await waitForSnapshot(httpUrl, token);

    const scrape = (): Promise<number> => timedGet(`${httpUrl}/api/v1/metrics`);
    const snapshot = (): Promise<number> => timedGet(`${httpUrl}/api/v1/supervisor/snapshot`, token);
    for (let i = 0; i < WARMUP; i += 1) {
      await scrape();
      await snapshot();
    }

    const figures = {
      metricsP50: [] as number[],
      metricsP95: [] as number[],
      snapshotP50: [] as number[],
      snapshotP95: [] as number[],
      computeP50: [] as number[],
      computeMax: [] as number[],
    };
    let metricsBytes = 0;
    let snapshotBytes = 0;
    for (let r = 0; r < RUNS; r += 1) {
      const trickle = startTrickle(httpUrl, ingestKey, SIGNAL_RATE, SITES);
      const metrics = new LatencySamples();
      const snapshots = new LatencySamples();
      // Interleaved, one request at a time: each figure is a latency, not a throughput.
      for (let i = 0; i < REQUESTS; i += 1) {
        metrics.add(await scrape());
        snapshots.add(await snapshot());
      }
      const computed = new LatencySamples();
      for (let i = 0; i < REFRESHES; i += 1) computed.add(await forcedSnapshot(httpUrl, token, i));
      const posted = await trickle.stop();
      const m = metrics.summary();
      const s = snapshots.summary();
      const c = computed.summary();
      figures.metricsP50.push(m.p50);
      figures.metricsP95.push(m.p95);
      figures.snapshotP50.push(s.p50);
      figures.snapshotP95.push(s.p95);
      figures.computeP50.push(c.p50);
      figures.computeMax.push(c.max);
      metricsBytes = lastBytes.metrics;
      snapshotBytes = lastBytes.snapshot;
      write(
        `run ${r + 1}: GET /metrics ${summaryText(m)}\n` +
          `       GET /supervisor/snapshot ${summaryText(s)}\n` +
          `       snapshot computation ${summaryText(c)}\n` +
          `       ${posted} alarms posted meanwhile (${SIGNAL_RATE}/s)\n`,
      );
    }

    const logText = readFileSync(logFile, 'utf8');
    const complaints = logText.split('\n').filter((line) => /"level":(40|50|60)/.test(line));
    write(`\nserver log: ${complaints.length} warning/error lines (${logFile})\n`);
    write(
      `response sizes: /metrics ${(metricsBytes / 1024).toFixed(1)} KiB, snapshot ${(snapshotBytes / 1024).toFixed(1)} KiB\n`,
    );
    write(`machine: ${machine()}\nThe server, PostgreSQL, Redis and this client share these CPUs.\n\n`);
    const row = (label: string, runs: number[]): string =>
      `| ${label.padEnd(34)} | ${runs.map(ms).join(' / ').padEnd(24)} | ${ms(median(runs)).padStart(8)} ms |`;
    write(`| ${'measurement'.padEnd(34)} | ${`runs (${RUNS})`.padEnd(24)} | ${'median'.padStart(11)} |\n`);
    write(`|${'-'.repeat(36)}|${'-'.repeat(26)}|${'-'.repeat(13)}|\n`);
    write(`${row('GET /metrics p50', figures.metricsP50)}\n`);
    write(`${row('GET /metrics p95', figures.metricsP95)}\n`);
    write(`${row('GET /supervisor/snapshot p50', figures.snapshotP50)}\n`);
    write(`${row('GET /supervisor/snapshot p95', figures.snapshotP95)}\n`);
    if (REFRESHES > 0) {
      write(`${row('snapshot computation p50', figures.computeP50)}\n`);
      write(`${row('snapshot computation max', figures.computeMax)}\n`);
    }
  } finally {
    await cleanup.run();
  }
}

/** ms from sending the request to the whole body read; fails on anything but 200. */
async function timedGet(url: string, token?: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  if (url.endsWith('/metrics')) lastBytes.metrics = body.byteLength;
  else lastBytes.snapshot = body.byteLength;
  return elapsed;
}

/** The server's own count and total time of snapshot computations, from its Prometheus histogram. */
async function snapshotTimer(httpUrl: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${httpUrl}/api/v1/metrics`, { signal: AbortSignal.timeout(TIMEOUT_MS) })).text();
  const value = (name: string): number => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { sum: value('arc_supervisor_snapshot_seconds_sum'), count: value('arc_supervisor_snapshot_seconds_count') };
}

/**
 * Makes the server compute a snapshot now (setting one's state does) and returns how long the
 * computation took, in ms, as the server measured it. If the 5-second timer's computation was
 * under way, that one is measured instead: the same work.
 */
async function forcedSnapshot(httpUrl: string, token: string, i: number): Promise<number> {
  const before = await snapshotTimer(httpUrl);
  const response = await fetch(`${httpUrl}/api/v1/operators/me/state`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(i % 2 === 0 ? { state: 'AWAY', reason: 'Benchmark' } : { state: 'AVAILABLE' }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status !== 204) throw new Error(`POST /operators/me/state answered ${response.status}`);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    // Not too often: every scrape costs the server a few ms of the CPU the computation also needs.
    await sleep(100);
    const after = await snapshotTimer(httpUrl);
    if (after.count > before.count) return ((after.sum - before.sum) / (after.count - before.count)) * 1000;
  }
  throw new Error('no snapshot was computed within 30 s of a state change');
}

async function login(httpUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${httpUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.status !== 200) throw new Error(`login as ${username} answered ${response.status}`);
  return ((await response.json()) as LoginResponse).accessToken;
}

/** Until the snapshot holds the stored cases (the first one may have been computed before they were stored). */
async function waitForSnapshot(httpUrl: string, token: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${httpUrl}/api/v1/supervisor/snapshot`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 200) {
      const snapshot = (await response.json()) as SupervisorSnapshot;
      if (snapshot.acceptTimes.today.count > 0 || CASES === 0) return;
    }
    await sleep(500);
  }
  throw new Error('the supervisor snapshot did not show the stored cases within 30 s');
}

/** Posts alarms at a steady rate over HTTP, round-robin over the bench transmitters, until stopped. */
function startTrickle(httpUrl: string, apiKey: string, rate: number, sites: number): { stop: () => Promise<number> } {
  if (rate === 0) return { stop: () => Promise.resolve(0) };
  let stopped = false;
  let posted = 0;
  const loop = (async () => {
    const interval = 1000 / rate;
    let next = performance.now();
    while (!stopped) {
      const account = `D${String(1 + (posted % sites)).padStart(5, '0')}`;
      await fetch(`${httpUrl}/api/v1/signals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ account, code: 'BA', zone: String(1 + (posted % 8)).padStart(3, '0') }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      posted += 1;
      next += interval;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return posted;
    },
  };
}

const ms = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(2));
const summaryText = (s: LatencySummary): string =>
  `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)} ms (n=${s.count})`;

main().then(
  () => process.exit(),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
