import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
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
  type LinkOptions,
  median,
  openLoop,
  type SequenceBook,
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
  waitForHealth,
  applyEnvSettings,
} from './bench-support.js';
import { provision } from './bench-storm-pg.js';

/**
 * ACK latency while a backlog drains (issue 17): per run the server is stopped, --backlog
 * signals are put into `signals` and `signal_backlog` as if a server had stored them and died
 * before evaluating them (AC losses of --backlog-panels panels, a power cut), the server is
 * started again — it evaluates that backlog at start — and at once --rate events/s arrive over
 * --connections links for --seconds. Prints the ACK p50/p99 and when the backlog was gone.
 *   node dist-bench/bench/bench-drain.js [--runs 3] [--backlog 20000]   (ARC_SERVER_DIST: another build)
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    backlog: { type: 'string', default: '20000' },
    'backlog-panels': { type: 'string', default: '2000' },
    connections: { type: 'string', default: '500' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '15' },
    env: { type: 'string', multiple: true, default: [] },
  },
});
const num = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 1) throw new Error(`--${name} must be a number >= 1`);
  return Math.floor(value);
};
const [RUNS, BACKLOG, BACKLOG_PANELS, CONNECTIONS, RATE, SECONDS] = (
  ['runs', 'backlog', 'backlog-panels', 'connections', 'rate', 'seconds'] as const
).map(num) as [number, number, number, number, number, number];
const write = (text: string): boolean => process.stdout.write(text);

async function main(): Promise<void> {
  const cleanup = new Cleanup();
  setTimeout(() => void cleanup.run().finally(() => process.exit(3)), (RUNS * (SECONDS + 180) + 120) * 1000).unref();
  const id = randomBytes(4).toString('hex');
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/arc_bench_drain_${id}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `arc-bench-drain-${id}`;
  const [httpPort, dc09Port] = [await freePort(), await freePort()];
  const logFile = join(os.tmpdir(), `arc-bench-drain-${id}.log`);
  const secretsKey = randomBytes(32).toString('base64url');
  const env = benchServerEnv({ httpPort, dc09Port, databaseUrl, redisUrl, redisPrefix }, { SECRETS_KEY: secretsKey });
  applyEnvSettings(env, values.env);
  write(`ACK latency while a backlog drains\nmachine: ${machine()}\nserver build: ${serverDist('main.js')}\n`);
  write(`${BACKLOG} signals waiting at start, then ${RATE} events/s over ${CONNECTIONS} links for ${SECONDS} s\n`);

  let server: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    const log = openSync(logFile, 'a');
    server = spawn(process.execPath, [serverDist('main.js')], { env, stdio: ['ignore', log, log] });
    closeSync(log);
    await waitForHealth(`http://127.0.0.1:${httpPort}`, server, logFile);
  };
  try {
    cleanup.add('delete the Redis keys', () => deleteRedisKeys(redisUrl, redisPrefix));
    cleanup.add('drop the database', () => dropDatabase(databaseUrl));
    cleanup.add('stop the server', () => (server ? stopChild(server) : Promise.resolve()));
    await ensureDatabase(databaseUrl);
    await run(process.execPath, [serverDist('cli/migrate.js')], env);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanup.add('close the database client', () => db.end());
    const specs: TransmitterSpec[] = Array.from({ length: CONNECTIONS + BACKLOG_PANELS }, (_, i) => ({
      account: accountAt('D00000', i),
      protocol: i % 2 === 0 ? 'SIA-DCS' : 'ADM-CID',
      key: null,
    }));
    await provision(db, secretsKey, specs);
    const link: LinkOptions = { host: '127.0.0.1', port: dc09Port, transport: 'tcp', timeoutMs: 10_000 };
    const book: SequenceBook = new Map();
    const p50s: number[] = [];
    const p99s: number[] = [];

    for (let r = 0; r < RUNS; r += 1) {
      if (server) await stopChild(server);
      await fillBacklog(
        db,
        specs.slice(CONNECTIONS).map((s) => s.account),
      );
      await start();
      // The panels connect now: the backlog is being evaluated meanwhile.
      const fleet = createFleet(specs.slice(0, CONNECTIONS), link, book);
      await warmUp(fleet);
      const startedAt = performance.now();
      let drainedAfter = Number.NaN;
      const watching = (async () => {
        while (Number.isNaN(drainedAfter) && performance.now() - startedAt < (SECONDS + 60) * 1000) {
          const { rows } = await db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM signal_backlog b JOIN signals s ON s.id = b.signal_id WHERE s.raw = $1',
            [BACKLOG_RAW],
          );
          if (rows[0]!.n === 0) drainedAfter = (performance.now() - startedAt) / 1000;
          else await sleep(200);
        }
      })();
      const result = await openLoop(fleet, { rate: RATE, durationMs: SECONDS * 1000 });
      await closeFleet(fleet, book);
      await watching;
      const latency = result.tally.latency('event');
      p50s.push(latency.p50);
      p99s.push(latency.p99);
      write(
        `run ${r + 1}: ${result.ledger.acked} ACKed, ${result.ledger.notAcked} not; ACK p50 ${latency.p50.toFixed(2)}  ` +
          `p99 ${latency.p99.toFixed(2)}  max ${latency.max.toFixed(1)} ms; the ${BACKLOG} waiting at start ` +
          `evaluated ${Number.isNaN(drainedAfter) ? 'not within the run' : `${drainedAfter.toFixed(1)} s after the panels connected`}\n`,
      );
    }
    write(
      `\nmedians of ${RUNS}: ACK at ${RATE}/s while the backlog drains p50 ${median(p50s).toFixed(2)} ms, ` +
        `p99 ${median(p99s).toFixed(2)} ms (target p99 ≤ 50 ms)\n`,
    );
  } finally {
    await cleanup.run();
  }
}

const BACKLOG_RAW = 'bench-drain backlog';

/** Signals stored but never evaluated, as a crash between ACK and evaluation leaves them. */
async function fillBacklog(db: pg.Client, accounts: string[]): Promise<void> {
  await db.query(
    `WITH s AS (
       INSERT INTO signals (received_at, source, raw, account, transmitter_id, protocol, code, zone, kind, category)
       SELECT now() - interval '1 minute', 'dc09-tcp', $3, t.account, t.id, 'SIA', 'AT', '000', 'ALARM', 'TECHNICAL'
         FROM generate_series(0, $1 - 1) g
         JOIN transmitters t ON t.account = ($2::text[])[1 + g % array_length($2::text[], 1)]
       RETURNING id, category, received_at)
     INSERT INTO signal_backlog (signal_id, category, received_at) SELECT id, category, received_at FROM s`,
    [BACKLOG, accounts, BACKLOG_RAW],
  );
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
