import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database.js';
import {
  accountAt,
  closeFleet,
  createFleet,
  LatencySamples,
  median,
  openLoop,
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
} from './bench-support.js';

/**
 * The DC-09 receiver while anonymous HTTP clients send oversized bodies: ACK latency at a fixed
 * rate of stored events, first quiet, then with --attackers clients each sending --body-mb MB
 * bodies without credentials, one after another, as fast as the server takes them. Also the
 * latency of GET /health/live and the server's resident memory. Loopback only; every phase has a
 * fixed length and the whole run a time limit; the database and Redis keys are removed after.
 *   node dist-bench/bench/bench-hostile.js [--runs 3] [--rate 1000] [--seconds 15]     (pnpm bench:hostile)
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '15' },
    links: { type: 'string', default: '200' },
    attackers: { type: 'string', default: '3' },
    'body-mb': { type: 'string', default: '190' },
    /** Where the attackers send, in turn: import (Content-Length), import-chunked, signals, login. */
    targets: { type: 'string', default: 'import,import-chunked,signals' },
    'http-port': { type: 'string', default: '0' },
    'dc09-port': { type: 'string', default: '0' },
    /** Another build to measure (e.g. the code before a change): its apps/server/dist directory. */
    'server-dist': { type: 'string', default: '' },
  },
});

const number = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
};
const RUNS = Math.max(1, Math.floor(number('runs')));
const RATE = number('rate');
const SECONDS = number('seconds');
const LINKS = Math.max(1, Math.floor(number('links')));
const ATTACKERS = Math.floor(number('attackers'));
const BODY_BYTES = Math.floor(number('body-mb') * 1024 * 1024);
const TARGETS = values.targets.split(',').filter(Boolean);
const SAMPLE_MS = 200;

const write = (text: string): boolean => process.stdout.write(text);
const dist = (file: string): string => (values['server-dist'] ? join(values['server-dist'], file) : serverDist(file));

interface Figure {
  label: string;
  unit: string;
  digits: number;
  values: number[];
  target?: { text: string; met: (value: number) => boolean };
}

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  const abort = (reason: string, code: number): void => {
    process.stderr.write(`\nbench: ${reason}; cleaning up\n`);
    void cleanup.run().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  const limitSeconds = RUNS * (2 * SECONDS + 90) + 180;
  setTimeout(() => abort(`time limit of ${limitSeconds} s reached`, 3), limitSeconds * 1000).unref();

  const id = randomBytes(4).toString('hex');
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/arc_bench_hostile_${id}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `arc-bench-hostile-${id}`;
  const httpPort = number('http-port') || (await freePort());
  const dc09Port = number('dc09-port') || (await freePort());
  const logFile = join(os.tmpdir(), `arc-bench-hostile-${id}.log`);
  const env = benchServerEnv({ httpPort, dc09Port, databaseUrl, redisUrl, redisPrefix });

  write(`DC-09 receiver under hostile HTTP clients\nmachine: ${machine()}\n`);
  write(
    `database arc_bench_hostile_${id}, Redis prefix ${redisPrefix}, HTTP 127.0.0.1:${httpPort}, ` +
      `DC-09 127.0.0.1:${dc09Port}, server ${values['server-dist'] || 'this build'}, log ${logFile}\n`,
  );
  write(
    `${RATE} events/s over ${LINKS} TCP links for ${SECONDS} s quiet, then the same with ${ATTACKERS} ` +
      `anonymous clients sending ${number('body-mb')} MB bodies (${TARGETS.join(', ')})\n`,
  );

  try {
    cleanup.add('delete the Redis keys', () => deleteRedisKeys(redisUrl, redisPrefix));
    cleanup.add('drop the database', () => dropDatabase(databaseUrl));
    await ensureDatabase(databaseUrl);
    await run(process.execPath, [dist('cli/migrate.js')], env);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanup.add('close the database client', () => db.end());
    const specs: TransmitterSpec[] = Array.from({ length: LINKS }, (_, i) => ({
      account: accountAt('C00000', i),
      protocol: i % 2 === 0 ? 'SIA-DCS' : 'ADM-CID',
    }));
    await db.query(
      `WITH t AS (SELECT * FROM unnest($1::text[], $2::text[]) AS t(account, protocol)),
            s AS (INSERT INTO sites (name, street, postcode, city, municipality)
                  SELECT 'Bench ' || account, 'Provgatan 1', '100 00', 'Provstad', 'Provstad' FROM t
                  RETURNING id, name)
       INSERT INTO transmitters (account, site_id, protocol, supervision_interval_seconds)
       SELECT t.account, s.id, t.protocol, 90000 FROM t JOIN s ON s.name = 'Bench ' || t.account`,
      [specs.map((s) => s.account), specs.map((s) => s.protocol)],
    );

    const log = openSync(logFile, 'a');
    const server = spawn(process.execPath, [dist('main.js')], { env, stdio: ['ignore', log, log] });
    closeSync(log);
    cleanup.add('stop the server', () => stopChild(server));
    const httpUrl = `http://127.0.0.1:${httpPort}`;
    await waitForHealth(httpUrl, server, logFile);
    write('server is up\n\n');

    const figures = {
      quietP99: figure('ACK p99, quiet', 'ms', 2),
      hostileP99: figure('ACK p99, under attack', 'ms', 2),
      ratio: figure('under attack / quiet (p99)', '×', 2, { text: '≤ 2×', met: (v) => v <= 2 }),
      notAcked: figure('events not ACKed, under attack', '', 0, { text: '0', met: (v) => v === 0 }),
      liveQuiet: figure('GET /health/live p99, quiet', 'ms', 1),
      liveHostile: figure('GET /health/live p99, under attack', 'ms', 1),
      rssQuiet: figure('server RSS peak, quiet', 'MB', 0),
      rssHostile: figure('server RSS peak, under attack', 'MB', 0),
      taken: figure('attack bytes sent before refusal', 'MB', 1),
    };
    const link = { host: '127.0.0.1', port: dc09Port, transport: 'tcp' as const, timeoutMs: 10_000 };
    const book = new Map<string, number>();

    for (let r = 0; r < RUNS; r += 1) {
      const quiet = await measure(link, specs, book, httpUrl, server.pid!, null);
      const attack = startAttack(httpPort);
      const hostile = await measure(link, specs, book, httpUrl, server.pid!, attack);
      const attackReport = await attack.stop();
      figures.quietP99.values.push(quiet.p99);
      figures.hostileP99.values.push(hostile.p99);
      figures.ratio.values.push(hostile.p99 / quiet.p99);
      figures.notAcked.values.push(hostile.notAcked);
      figures.liveQuiet.values.push(quiet.liveP99);
      figures.liveHostile.values.push(hostile.liveP99);
      figures.rssQuiet.values.push(quiet.rssPeakMb);
      figures.rssHostile.values.push(hostile.rssPeakMb);
      figures.taken.values.push(attackReport.bytesTaken / (1024 * 1024));
      write(
        `run ${r + 1}: quiet p50/p99 ${quiet.p50.toFixed(2)}/${quiet.p99.toFixed(2)} ms, ` +
          `under attack ${hostile.p50.toFixed(2)}/${hostile.p99.toFixed(2)} ms (max ${hostile.max.toFixed(1)}), ` +
          `${hostile.notAcked} not ACKed; /health/live p99 ${quiet.liveP99.toFixed(1)} → ${hostile.liveP99.toFixed(1)} ms ` +
          `(max ${hostile.liveMax.toFixed(0)}); RSS peak ${quiet.rssPeakMb.toFixed(0)} → ${hostile.rssPeakMb.toFixed(0)} MB; ` +
          `attack: ${attackReport.attempts} requests, answers ${JSON.stringify(attackReport.answers)}, ` +
          `${(attackReport.bytesTaken / 1024 / 1024).toFixed(1)} MB sent; load average ${os.loadavg()[0]!.toFixed(1)}\n`,
      );
      await drain(db);
    }

    write(`\nmachine: ${machine()}\n\n`);
    const rows = Object.values(figures).map((f) => {
      const mid = median(f.values);
      const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(f.digits) : '-');
      return [
        f.label,
        f.values.map(fmt).join(' / '),
        `${fmt(mid)} ${f.unit}`.trim(),
        f.target?.text ?? '',
        f.target ? (f.target.met(mid) ? 'met' : 'MISSED') : '',
      ];
    });
    write(`${table(rows, RUNS)}\n`);
    if (rows.some((row) => row[4] === 'MISSED')) process.exitCode = 1;
  } finally {
    await cleanup.run();
  }
}

function figure(label: string, unit: string, digits: number, target?: Figure['target']): Figure {
  return { label, unit, digits, values: [], target };
}

interface Measurement {
  p50: number;
  p99: number;
  max: number;
  notAcked: number;
  liveP99: number;
  liveMax: number;
  rssPeakMb: number;
}

/** One open-loop phase of stored events, with /health/live and the server's RSS sampled meanwhile. */
async function measure(
  link: Parameters<typeof createFleet>[1],
  specs: TransmitterSpec[],
  book: Map<string, number>,
  httpUrl: string,
  pid: number,
  attack: Attack | null,
): Promise<Measurement> {
  const fleet = createFleet(specs, link, book);
  const warm = await warmUp(fleet);
  if (warm.total('ACK') !== fleet.length)
    throw new Error(`only ${warm.total('ACK')} of ${fleet.length} links answered`);
  // Under attack, measure once the attackers are sending.
  if (attack) await attack.started;
  const live = new LatencySamples();
  let rssPeak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      rssPeak = Math.max(rssPeak, rssOf(pid));
      const started = performance.now();
      try {
        await fetch(`${httpUrl}/api/v1/health/live`, { signal: AbortSignal.timeout(10_000) });
        live.add(performance.now() - started);
      } catch {
        live.add(10_000);
      }
      await sleep(SAMPLE_MS);
    }
  })();
  const result = await openLoop(fleet, { rate: RATE, durationMs: SECONDS * 1000 });
  sampling = false;
  await sampler;
  await closeFleet(fleet, book);
  const latency = result.tally.latency('event');
  const liveSummary = live.summary();
  return {
    p50: latency.p50,
    p99: latency.p99,
    max: latency.max,
    notAcked: result.ledger.notAcked,
    liveP99: liveSummary.p99,
    liveMax: liveSummary.max,
    rssPeakMb: rssPeak / 1024,
  };
}

/** VmRSS of a process in kB (Linux), 0 elsewhere. */
function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

interface Attack {
  started: Promise<void>;
  stop(): Promise<{ attempts: number; bytesTaken: number; answers: Record<string, number> }>;
}

/**
 * ATTACKERS clients, each sending one oversized body after another without credentials, each
 * as fast as the server reads it (the socket's backpressure), until stopped. "Taken" counts the
 * bytes the server's socket accepted before it answered or closed.
 */
function startAttack(port: number): Attack {
  let running = true;
  let attempts = 0;
  let bytesTaken = 0;
  const answers: Record<string, number> = {};
  const sockets = new Set<Socket>();
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const filler = Buffer.alloc(1024 * 1024, 'a');

  const once = (target: string): Promise<void> =>
    new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      sockets.add(socket);
      attempts += 1;
      let answered = false;
      let head = '';
      const finish = (): void => {
        sockets.delete(socket);
        socket.destroy();
        resolve();
      };
      socket.on('data', (chunk: Buffer) => {
        if (answered) return;
        head += chunk.toString('latin1');
        const status = /^HTTP\/1\.1 (\d{3})/.exec(head)?.[1];
        if (status) {
          answered = true;
          answers[status] = (answers[status] ?? 0) + 1;
          finish();
        }
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        if (!answered) answers.closed = (answers.closed ?? 0) + 1;
        finish();
      });
      const sendBody = async (): Promise<void> => {
        const path =
          target === 'signals'
            ? '/api/v1/signals'
            : target === 'login'
              ? '/api/v1/auth/login'
              : '/api/v1/directory/import';
        const chunked = target === 'import-chunked';
        const prefix = Buffer.from('{"customers":[],"padding":"');
        const suffix = Buffer.from('"}');
        const lines = [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Content-Type: application/json'];
        lines.push(chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${BODY_BYTES}`);
        socket.write(`${lines.join('\r\n')}\r\n\r\n`);
        const send = async (bytes: Buffer): Promise<boolean> => {
          if (socket.destroyed || answered || !running) return false;
          const framed = chunked
            ? Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')])
            : bytes;
          const flushed = socket.write(framed, (error) => {
            if (!error) bytesTaken += bytes.length;
          });
          if (!flushed) await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
          return !socket.destroyed;
        };
        markStarted();
        let sent = 0;
        if (!(await send(prefix))) return;
        sent += prefix.length;
        while (sent + filler.length + suffix.length <= BODY_BYTES) {
          if (!(await send(filler))) return;
          sent += filler.length;
        }
        const rest = BODY_BYTES - sent - suffix.length;
        if (rest > 0 && !(await send(filler.subarray(0, rest)))) return;
        if (!(await send(suffix))) return;
        if (chunked && !socket.destroyed) socket.write('0\r\n\r\n');
      };
      socket.on('connect', () => void sendBody());
    });

  const loops = Array.from({ length: ATTACKERS }, async (_, i) => {
    const target = TARGETS[i % TARGETS.length]!;
    while (running) {
      await once(target);
      // A client that is refused at once tries again at once: that is the attack.
      await sleep(10);
    }
  });
  if (ATTACKERS === 0) markStarted();
  return {
    started,
    async stop() {
      running = false;
      for (const socket of sockets) socket.destroy();
      await Promise.all(loops);
      return { attempts, bytesTaken, answers };
    },
  };
}

/** Lets the rules catch up after a run, so the next does not pay for this one's backlog. */
async function drain(db: pg.Client): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM signal_backlog');
    if (Number(rows[0]!.n) === 0) return;
    await sleep(500);
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
