import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SecretBox } from '../src/common/secret-box.js';
import type { TransmitterSpec } from '../src/simulator/index.js';
import os from 'node:os';
import { machineBusySeconds, processCpuSeconds } from './bench-support.js';

/**
 * What `bench-storm` reads besides the consoles: the evaluation backlog, the CPU of the
 * PostgreSQL backends serving the benchmark's database, the kernel's listen overflows, and the
 * raw-insert baseline (the receiver's rows written straight into PostgreSQL).
 */

const TIMEOUT_MS = 10_000;

export interface BacklogProbe {
  /** Where the figure comes from, for the output. */
  source: string;
  /** Signals stored but not evaluated yet; NaN when it cannot be read. */
  read: () => Promise<number>;
}

/** A gauge of the server's /metrics that counts signals waiting for evaluation, if it has one. */
const BACKLOG_GAUGE = /^# TYPE (arc_\w*evaluat\w*(?:backlog|pending|queue|waiting)\w*) gauge$/m;

export async function scrape(httpUrl: string): Promise<string> {
  const response = await fetch(`${httpUrl}/api/v1/metrics`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  return response.text();
}

/**
 * The server's own ACK histogram (`arc_receiver_ack_seconds`: frame read → ACK written, storage
 * included) as cumulative counts per upper bound; empty when the build has none.
 */
export async function ackBuckets(httpUrl: string): Promise<Map<number, number>> {
  const text = await scrape(httpUrl).catch(() => '');
  const buckets = new Map<number, number>();
  for (const match of text.matchAll(/^arc_receiver_ack_seconds_bucket\{le="([^"]+)"\} (\S+)$/gm)) {
    buckets.set(match[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[1]), Number(match[2]));
  }
  return buckets;
}

/** The server's highest one-second event-loop utilisation of the last minute (NaN: the build has none). */
export async function loopUtilizationMax(httpUrl: string): Promise<number> {
  return metricSum(await scrape(httpUrl).catch(() => ''), 'arc_event_loop_utilization_max_1m');
}

/** A quantile of the frames between two scrapes of `ackBuckets`, as the bucket bound it falls under (ms). */
export function ackQuantileMs(before: Map<number, number>, after: Map<number, number>, q: number): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Number.POSITIVE_INFINITY) ?? 0) - (before.get(Number.POSITIVE_INFINITY) ?? 0);
  if (total <= 0) return Number.NaN;
  for (const bound of bounds) {
    if ((after.get(bound) ?? 0) - (before.get(bound) ?? 0) >= q * total) return bound * 1000;
  }
  return Number.POSITIVE_INFINITY;
}

/** The sum of a metric's series (all label sets). */
export function metricSum(text: string, name: string): number {
  const series = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm');
  let sum = 0;
  let found = false;
  for (const match of text.matchAll(series)) {
    sum += Number(match[1]);
    found = true;
  }
  return found ? sum : Number.NaN;
}

/**
 * The evaluation backlog as the on-call engineer sees it: the server's own gauge in /metrics
 * when it exposes one; else counted in PostgreSQL (`signal_backlog`, or signals without
 * `evaluated_at` in builds before it). `prefer`: 'metrics' or 'sql' to force one, 'auto' for that order.
 */
export async function backlogProbe(db: pg.Client, httpUrl: string, prefer: string): Promise<BacklogProbe> {
  if (prefer !== 'sql') {
    const gauge = BACKLOG_GAUGE.exec(await scrape(httpUrl))?.[1];
    if (gauge) {
      return { source: `/metrics ${gauge}`, read: async () => metricSum(await scrape(httpUrl), gauge) };
    }
    if (prefer === 'metrics') throw new Error('--backlog metrics: /metrics has no evaluation backlog gauge');
  }
  // Where the server records what is left to evaluate: a backlog table (since issue 17), or before
  // that, signal rows without evaluated_at.
  const { rows } = await db.query<{ backlog: boolean; column: boolean }>(
    `SELECT to_regclass('signal_backlog') IS NOT NULL AS backlog,
            EXISTS (SELECT 1 FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = 'signals'
                       AND column_name = 'evaluated_at') AS column`,
  );
  const sql = rows[0]!.backlog
    ? 'SELECT count(*) AS n FROM signal_backlog'
    : rows[0]!.column
      ? 'SELECT count(*) AS n FROM signals WHERE evaluated_at IS NULL'
      : null;
  if (sql !== null) {
    return {
      source: `${sql.replace(' AS n', '')} (${prefer === 'sql' ? '--backlog sql' : 'no backlog gauge in /metrics'})`,
      read: async () => Number((await db.query<{ n: string }>(sql)).rows[0]!.n),
    };
  }
  return {
    source: 'none: no backlog gauge in /metrics, no signal_backlog, no signals.evaluated_at',
    read: async () => Number.NaN,
  };
}

/** How PostgreSQL CPU is measured here, and why not from pg_stat_statements. */
export async function pgCpuMethod(db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ available: boolean; preload: string }>(
    `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_stat_statements') AS available,
            current_setting('shared_preload_libraries') AS preload`,
  );
  const { available, preload } = rows[0]!;
  const why = !available
    ? 'pg_stat_statements is not installed'
    : preload.includes('pg_stat_statements')
      ? 'pg_stat_statements is loaded, but it times statements (waits included), not CPU'
      : 'pg_stat_statements is installed but not in shared_preload_libraries, so it cannot count';
  return (
    `PostgreSQL CPU: user+system CPU (/proc/<pid>/stat) of the backends of this database (pg_stat_activity), ` +
    `sampled during each phase; the shared WAL writer, checkpointer and bgwriter are not counted (${why})`
  );
}

/**
 * CPU used by the PostgreSQL backends of the benchmark's database since `start`. Backends are
 * sampled repeatedly, so one that ends during the phase still counts up to its last sample; one
 * that starts during it counts from zero. The benchmark's own connections are left out.
 */
export class BackendCpu {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private started = false;

  constructor(
    private readonly db: pg.Client,
    private readonly exclude: ReadonlySet<number>,
  ) {}

  async start(): Promise<void> {
    this.first.clear();
    this.last.clear();
    this.started = false;
    await this.sample();
    this.started = true;
  }

  async sample(): Promise<void> {
    const { rows } = await this.db.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    for (const { pid } of rows) {
      if (this.exclude.has(pid)) continue;
      const seconds = processCpuSeconds(pid);
      if (Number.isNaN(seconds)) continue;
      if (!this.first.has(pid)) this.first.set(pid, this.started ? 0 : seconds);
      this.last.set(pid, seconds);
    }
  }

  /** CPU seconds since start, after a last sample. */
  async seconds(): Promise<number> {
    await this.sample();
    let total = 0;
    for (const [pid, seconds] of this.last) total += seconds - this.first.get(pid)!;
    return total;
  }
}

/** CPU seconds used during a phase, by whom; `other` is everything else the machine did (other helpers, the kernel, PostgreSQL's shared processes). */
export interface CpuUse {
  wallSeconds: number;
  server: number;
  postgres: number;
  panels: number;
  consoles: number;
  /** The machine's Redis, shared with whoever else uses it. */
  redis: number;
  other: number;
}

/** The pids of the Redis servers on this machine (their `comm` starts with "redis"). */
function redisPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('redis');
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** Accounts a phase's CPU: the server, the PostgreSQL backends, the load process and this one. */
export class PhaseCpu {
  private mark = { at: 0, machine: 0, server: 0, panels: 0, consoles: 0, redis: 0 };
  private readonly redis = redisPids();

  constructor(
    private readonly backends: BackendCpu,
    private readonly pids: { server: number; panels: number },
  ) {}

  async start(): Promise<void> {
    await this.backends.start();
    this.mark = {
      at: performance.now(),
      machine: machineBusySeconds(),
      server: processCpuSeconds(this.pids.server),
      panels: processCpuSeconds(this.pids.panels),
      consoles: processCpuSeconds(process.pid),
      redis: this.redisSeconds(),
    };
  }

  /** Keeps track of backends that may end before the phase does. */
  sample(): Promise<void> {
    return this.backends.sample();
  }

  async stop(): Promise<CpuUse> {
    const postgres = await this.backends.seconds();
    const server = processCpuSeconds(this.pids.server) - this.mark.server;
    const panels = processCpuSeconds(this.pids.panels) - this.mark.panels;
    const consoles = processCpuSeconds(process.pid) - this.mark.consoles;
    const redis = this.redisSeconds() - this.mark.redis;
    const machine = machineBusySeconds() - this.mark.machine;
    return {
      wallSeconds: (performance.now() - this.mark.at) / 1000,
      server,
      postgres,
      panels,
      consoles,
      redis,
      other: machine - server - postgres - panels - consoles - redis,
    };
  }

  private redisSeconds(): number {
    return this.redis.reduce((sum, pid) => sum + (processCpuSeconds(pid) || 0), 0);
  }
}

export function cpuText(use: CpuUse): string {
  const share = (seconds: number): string => `${((100 * seconds) / use.wallSeconds).toFixed(0)} %`;
  return (
    `CPU over ${use.wallSeconds.toFixed(1)} s in % of one CPU (${os.availableParallelism()} CPUs): ` +
    `server ${share(use.server)}, PostgreSQL backends ${share(use.postgres)}, panels ${share(use.panels)}, ` +
    `consoles (this process) ${share(use.consoles)}, Redis ${share(use.redis)}, other processes and kernel ${share(use.other)}`
  );
}

/** TcpExt ListenOverflows of this network namespace (the whole machine's loopback, not only the server's socket). */
export function listenOverflows(): number {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    for (let i = 0; i + 1 < lines.length; i += 2) {
      const names = lines[i]!.split(/\s+/);
      if (names[0] !== 'TcpExt:') continue;
      const at = names.indexOf('ListenOverflows');
      return at < 0 ? Number.NaN : Number(lines[i + 1]!.split(/\s+/)[at]);
    }
  } catch {
    // not Linux
  }
  return Number.NaN;
}

/** A site and a transmitter for each spec, AES keys sealed as the server stores them. */
export async function provision(db: pg.Client, secretsKey: string, specs: TransmitterSpec[]): Promise<void> {
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
}

/** The columns the receiver writes (signal-writer.service.ts), with the types it sends them as. */
const COLUMNS: [name: string, type: string][] = [
  ['received_at', 'timestamptz'],
  ['source', 'text'],
  ['raw', 'text'],
  ['account', 'text'],
  ['transmitter_id', 'uuid'],
  ['protocol', 'text'],
  ['code', 'text'],
  ['zone', 'text'],
  ['area', 'text'],
  ['text', 'text'],
  ['kind', 'text'],
  ['category', 'text'],
  ['occurred_at', 'timestamptz'],
  ['dedup_key', 'text'],
  ['sequence', 'text'],
  ['encrypted', 'boolean'],
  ['xdata', 'text'],
  ['raw_bytes', 'bytea'],
  ['unencrypted_from_keyed', 'boolean'],
];
export const RAW_TABLE = 'bench_raw_signals';

export interface RawInsertResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** PostgreSQL CPU of the two inserting backends, ms per row. */
  pgCpuMsPerRow: number;
}

/**
 * The baseline: signal rows the receiver stored, inserted again straight into PostgreSQL by two
 * connections in batches of `batch`, for `seconds`, into a copy of `signals` in the same
 * database (same columns, defaults, checks, indexes and foreign keys; a copy so that the
 * server never evaluates them), dropped again afterwards. Null when there are no stored signals to copy.
 */
export async function rawInsert(
  databaseUrl: string,
  db: pg.Client,
  seconds: number,
  batch: number,
): Promise<RawInsertResult | null> {
  const names = COLUMNS.map(([name]) => name).join(', ');
  const sample = await db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS.map(([name]) => (name === 'xdata' ? 'array_to_json(xdata)::text AS xdata' : name)).join(', ')}
       FROM signals ORDER BY id DESC LIMIT 5000`,
  );
  if (sample.rows.length === 0) return null;
  await db.query(`DROP TABLE IF EXISTS ${RAW_TABLE}`);
  await db.query(`CREATE TABLE ${RAW_TABLE} (LIKE signals INCLUDING ALL)`);
  const { rows: keys } = await db.query<{ conname: string; def: string }>(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'signals'::regclass AND contype = 'f'`,
  );
  for (const key of keys) await db.query(`ALTER TABLE ${RAW_TABLE} ADD CONSTRAINT raw_${key.conname} ${key.def}`);

  const unnest = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const select = COLUMNS.map(([name]) =>
    name === 'xdata'
      ? 'CASE WHEN xdata IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(xdata::jsonb)) END'
      : name,
  ).join(', ');
  const sql = `INSERT INTO ${RAW_TABLE} (${names}) SELECT ${select} FROM unnest(${unnest}) AS t(${names})`;
  const rows = sample.rows;
  const clients = [new pg.Client({ connectionString: databaseUrl }), new pg.Client({ connectionString: databaseUrl })];
  try {
    await Promise.all(clients.map((client) => client.connect()));
    const pids = await Promise.all(
      clients.map(
        async (client) => (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid,
      ),
    );
    const cpuBefore = pids.map(processCpuSeconds);
    const started = performance.now();
    const end = started + seconds * 1000;
    let inserted = 0;
    await Promise.all(
      clients.map(async (client, c) => {
        for (let offset = c * batch; performance.now() < end; offset += 2 * batch) {
          const receivedAt = new Date();
          const chunk = Array.from({ length: batch }, (_, i) => rows[(offset + i) % rows.length]!);
          const parameters = COLUMNS.map(([name]) =>
            name === 'received_at' ? chunk.map(() => receivedAt) : chunk.map((row) => row[name] ?? null),
          );
          await client.query(sql, parameters);
          inserted += batch;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpu = pids.reduce((sum, pid, i) => sum + processCpuSeconds(pid) - cpuBefore[i]!, 0);
    return {
      rows: inserted,
      seconds: elapsed,
      rowsPerSecond: inserted / elapsed,
      pgCpuMsPerRow: (1000 * cpu) / inserted,
    };
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    // Its autovacuum must not land in the next phase.
    await db.query(`DROP TABLE IF EXISTS ${RAW_TABLE}`);
  }
}
