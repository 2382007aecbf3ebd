import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

/**
 * What the benchmarks (`bench-dc09`, `bench-realtime`, `bench-metrics`, `bench-hostile`, `bench-search`, `bench-storm`)
 * share: where the server build is, the machine line,
 * free loopback ports, child processes, the server's health wait, cleanup of the database and
 * Redis keys on every way out, and the Markdown table of the figures.
 */

/**
 * Another server build to measure instead of this one's `dist/` (e.g. the landed code's, for
 * "before" figures in the same hour): set by a benchmark's `--server-dist`, or `ARC_SERVER_DIST`.
 */
let otherServerDist: string | null = process.env.ARC_SERVER_DIST ? resolve(process.env.ARC_SERVER_DIST) : null;

export function useServerDist(dir: string): void {
  otherServerDist = resolve(dir);
}

/**
 * A file of the server's production build, `apps/server/dist/<file>`: the benchmarks start and
 * measure the server exactly as it ships. They are compiled on their own (`tsconfig.bench.json`,
 * into `dist-bench/bench/`) so that none of them lands in `dist/`.
 */
export function serverDist(file: string): string {
  if (otherServerDist !== null) return join(otherServerDist, file);
  return fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));
}

/** CPU seconds (user + system) a process has used so far, from /proc; NaN when it is gone or not Linux. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ = 100
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds the whole machine has been busy (all CPUs, iowait not counted), from /proc/stat; NaN elsewhere. */
export function machineBusySeconds(): number {
  try {
    // user nice system idle iowait irq softirq steal, in USER_HZ (100 per second)
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return (ticks.reduce((sum, n) => sum + n, 0) - ticks[3]! - ticks[4]!) / 100;
  } catch {
    return Number.NaN;
  }
}

export function machine(): string {
  let model = 'unknown CPU';
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch {
    // not Linux
  }
  return (
    `${os.availableParallelism()} CPUs (nproc), ${model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, ${os.type()} ${os.release()}`
  );
}

/** A port free for both TCP and UDP on loopback, so DC-09 can use one number for both, as by default. */
export async function freePort(): Promise<number> {
  for (;;) {
    const tcp = createServer();
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const port = (tcp.address() as { port: number }).port;
    await new Promise((resolve) => tcp.close(resolve));
    const udp = createSocket('udp4');
    const ok = await new Promise<boolean>((resolve) => {
      udp.once('error', () => resolve(false));
      udp.bind(port, '127.0.0.1', () => resolve(true));
    });
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (ok) return port;
  }
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** Undo steps, run once in reverse order whatever happened (failure, Ctrl-C, time limit). */
export class Cleanup {
  private steps: { what: string; step: () => Promise<unknown> }[] = [];
  private done: Promise<void> | null = null;

  add(what: string, step: () => Promise<unknown>): void {
    this.steps.push({ what, step });
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const { what, step } of this.steps.reverse()) {
        try {
          await step();
        } catch (error) {
          process.stderr.write(`cleanup: could not ${what}: ${(error as Error).message}\n`);
        }
      }
    })();
    return this.done;
  }
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the server was not healthy within 90 s; see ${logFile}`);
}

/** Waits until a loopback TCP port accepts connections (the DC-09 listener may open after /health answers). */
export async function waitForTcpPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/** Where a benchmark's own server listens and keeps its data. */
export interface BenchServerPlace {
  httpPort: number;
  dc09Port: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

/**
 * The environment of a benchmark's server: production mode on loopback with fresh secrets and
 * passwords; `overrides` for what one benchmark needs to know or change (a password it signs in
 * with, a longer token life, more connections). Read the generated values back from the result.
 */
export function benchServerEnv(place: BenchServerPlace, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const secret = (): string => randomBytes(24).toString('base64url');
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(place.httpPort),
    DATABASE_URL: place.databaseUrl,
    REDIS_URL: place.redisUrl,
    REDIS_PREFIX: place.redisPrefix,
    JWT_SECRET: secret() + secret(),
    INGEST_API_KEYS: secret(),
    SECRETS_KEY: secret() + secret(),
    DEMO_ADMIN_PASSWORD: secret(),
    DEMO_OPERATOR_PASSWORD: secret(),
    DEMO_SUPERVISOR_PASSWORD: secret(),
    DC09_HOST: '127.0.0.1',
    DC09_TCP_PORT: String(place.dc09Port),
    DC09_UDP_PORT: String(place.dc09Port),
    LOG_LEVEL: 'warn',
    ...overrides,
  };
}

/** Applies a benchmark's `--env NAME=value` settings to the server's environment. */
export function applyEnvSettings(env: NodeJS.ProcessEnv, settings: string[]): void {
  for (const setting of settings) {
    const eq = setting.indexOf('=');
    if (eq < 1) throw new Error(`--env ${setting}: expected NAME=value`);
    env[setting.slice(0, eq)] = setting.slice(eq + 1);
  }
}

/** The figures as a Markdown table: one row per figure, its runs, their median and the target. */
export function table(rows: string[][], runs: number): string {
  const header = ['measurement', `runs (${runs})`, 'median', 'target', ''];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const line = (row: string[]): string => `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** One figure of a benchmark's table: its value in each run, and the target its median must meet. */
export interface Figure {
  label: string;
  unit: string;
  values: number[];
  digits: number;
  /** `everyRun`: every run must meet it, not only the median. */
  target?: { text: string; met: (value: number) => boolean; everyRun?: boolean };
}

/** A figure as a row of `table`: infinity (something never arrived) prints as "lost". */
export function figureLine(figure: Figure): string[] {
  const fmt = (value: number): string =>
    Number.isNaN(value) ? '-' : value === Number.POSITIVE_INFINITY ? 'lost' : value.toFixed(figure.digits);
  const sorted = [...figure.values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const mid =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? sorted[middle]!
        : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const target = figure.target;
  const met = target ? (target.everyRun ? figure.values.every(target.met) : target.met(mid)) : null;
  return [
    figure.label,
    figure.values.map(fmt).join(' / '),
    `${fmt(mid)} ${figure.unit}`.trim(),
    target?.text ?? '',
    met === null ? '' : met ? 'met' : 'MISSED',
  ];
}
