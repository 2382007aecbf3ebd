import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFrame } from '../src/ingest/dc09/dc09-frame.js';
import { dropDatabase } from '../src/database/ensure-database.js';
import { Dc09TcpClient, udpExchange } from './support/dc09-client.js';
import { freePort } from './support/free-port.js';

/**
 * The built server as a real process, killed with SIGKILL between receiving a frame and
 * acknowledging it. The panel then resends the frame (new timestamp): it must be stored once.
 */
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const id = `${process.pid}_${randomBytes(3).toString('hex')}`;
const databaseUrl = `${process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432'}/arc_crash_${id}`;
let env: Record<string, string>;
let server: ChildProcess | null = null;
let db: pg.Client;

async function startServer(): Promise<void> {
  server = spawn(process.execPath, [`${DIST}main.js`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited: ${log}`);
    const ok = await fetch(`http://127.0.0.1:${env.HTTP_PORT}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not healthy: ${log}`);
}

async function killServer(): Promise<void> {
  const running = server;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
}

const rows = async (zone: string): Promise<number> =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM signals WHERE zone = $1`, [zone])).rows[0]!.n);

beforeAll(async () => {
  env = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: `arc-crash-${id}`,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(await freePort()),
    DC09_HOST: '127.0.0.1',
    DC09_TCP_PORT: String(await freePort()),
    DC09_UDP_PORT: String(await freePort('udp')),
    JWT_SECRET: 'crash-test-jwt-secret-long-enough-0123456',
    LOG_LEVEL: 'error',
  };
  await promisify(execFile)(process.execPath, [`${DIST}cli/migrate.js`], { env });
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const site = await db.query<{ id: string }>(
    `INSERT INTO sites (name, street, postcode, city, municipality) VALUES ('Crash site', 'Gatan 1', '111 11', 'Stad', 'Stad') RETURNING id`,
  );
  await db.query(`INSERT INTO transmitters (account, site_id) VALUES ('5150', $1)`, [site.rows[0]!.id]);
  await startServer();
});

afterAll(async () => {
  await killServer();
  await db?.end();
  await dropDatabase(databaseUrl);
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`arc-crash-${id}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('a server killed between receiving and acknowledging', () => {
  it('TCP: the frame was not committed when it died; the resent frame is stored once', async () => {
    const frame = (at: string) =>
      buildFrame({ id: 'SIA-DCS', sequence: 100, account: '5150', message: 'Nri1/BA100', timestamp: new Date(at) });
    // Hold the writer before its commit.
    const lock = new pg.Client({ connectionString: databaseUrl });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE signals IN ACCESS EXCLUSIVE MODE');
    const client = await Dc09TcpClient.open(Number(env.DC09_TCP_PORT));
    client.send(frame('2026-11-22T10:00:00Z'));
    expect(await client.nextReply(null, 1000)).toBeNull();
    await killServer();
    // The writer's statement is still waiting in its PostgreSQL backend, which would carry it out
    // once the lock goes although its client is dead. End that backend too, as a crash of the
    // whole machine would: nothing of the frame is committed.
    const waiting = await lock.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    expect(waiting.rowCount).toBe(1);
    await lock.query('ROLLBACK');
    await lock.end();
    expect(await rows('100')).toBe(0);

    await startServer();
    const again = await Dc09TcpClient.open(Number(env.DC09_TCP_PORT));
    again.send(frame('2026-11-22T10:00:30Z'));
    expect((await again.nextReply())?.type).toBe('ACK');
    again.send(frame('2026-11-22T10:00:45Z'));
    expect((await again.nextReply())?.type).toBe('ACK');
    again.close();
    expect(await rows('100')).toBe(1);
  });

  it('UDP: the frame was committed but the ACK was lost; the resent frame is stored once', async () => {
    const frame = (at: string) =>
      buildFrame({ id: 'ADM-CID', sequence: 101, account: '5150', message: '1130 01 101', timestamp: new Date(at) });
    const sent = udpExchange(Number(env.DC09_UDP_PORT), frame('2026-11-22T11:00:00Z'), 2000);
    // Kill the moment the row is committed, before the reply can be relied on.
    const deadline = Date.now() + 10_000;
    while ((await rows('101')) === 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    await killServer();
    await sent;
    expect(await rows('101')).toBe(1);

    await startServer();
    const replies = await udpExchange(Number(env.DC09_UDP_PORT), frame('2026-11-22T11:00:20Z'));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.toString('latin1')).toContain('"ACK"0101');
    expect(await rows('101')).toBe(1);
    // The stored signal was evaluated after the restart too.
    const deadlineEval = Date.now() + 10_000;
    let evaluated = false;
    while (!evaluated && Date.now() < deadlineEval) {
      evaluated =
        (await db.query(`SELECT 1 FROM signals_with_decisions WHERE zone = '101' AND evaluated_at IS NOT NULL`))
          .rowCount === 1;
      if (!evaluated) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(evaluated).toBe(true);
  });
});
