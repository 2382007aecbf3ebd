import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const API_KEY = 'e2e-ingest-key-0123456789';
export const OPERATOR_PASSWORD = 'operator-e2e-password';
export const ADMIN_PASSWORD = 'admin-e2e-password';
export const SUPERVISOR_PASSWORD = 'supervisor-e2e-password';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The real thing: the built server as its own process (so it can be killed and restarted)
 * and the built console served by Vite's preview server with its proxy to the server.
 * `serverEnv` adds or overrides server settings, e.g. `new Stack({ SUPERVISOR_OLDEST_WAITING_SECONDS: '3' })`;
 * they apply on every (re)start.
 */
export class Stack {
  readonly id = `e2e_${process.pid}_${randomBytes(3).toString('hex')}`;
  readonly databaseUrl = `${PG_BASE}/arc_${this.id}`;
  serverPort = 0;
  serverUrl = '';
  consoleUrl = '';
  private server: ChildProcess | null = null;
  private console: PreviewServer | null = null;
  private serverLog = '';

  private readonly serverEnv: Readonly<Record<string, string>>;

  constructor(serverEnv: Readonly<Record<string, string>> = {}) {
    this.serverEnv = serverEnv;
  }

  async start(): Promise<void> {
    this.serverPort = await freePort();
    this.serverUrl = `http://127.0.0.1:${this.serverPort}`;
    await this.startServer();
    process.env.ARC_SERVER_URL = this.serverUrl;
    this.console = await preview({
      root: `${ROOT}apps/console`,
      logLevel: 'warn',
      preview: { port: await freePort(), host: '127.0.0.1', strictPort: true },
    });
    this.consoleUrl = this.console.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  }

  async startServer(): Promise<void> {
    this.server = spawn(process.execPath, [`${ROOT}apps/server/dist/main.js`], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(this.serverPort),
        DATABASE_URL: this.databaseUrl,
        REDIS_URL,
        REDIS_PREFIX: `arc-${this.id}`,
        JWT_SECRET: 'e2e-jwt-secret-that-is-long-enough-012345',
        INGEST_API_KEYS: API_KEY,
        DEMO_OPERATOR_PASSWORD: OPERATOR_PASSWORD,
        DEMO_ADMIN_PASSWORD: ADMIN_PASSWORD,
        DEMO_SUPERVISOR_PASSWORD: SUPERVISOR_PASSWORD,
        LOG_LEVEL: 'warn',
        ...this.serverEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.server.stdout?.on('data', (chunk: Buffer) => (this.serverLog += chunk.toString()));
    this.server.stderr?.on('data', (chunk: Buffer) => (this.serverLog += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.server.exitCode !== null) throw new Error(`server exited:\n${this.serverLog}`);
      const healthy = await fetch(`${this.serverUrl}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`server did not become healthy:\n${this.serverLog}`);
  }

  /** SIGKILL: no graceful shutdown, as in a crash. */
  async killServer(): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  }

  async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  postSignal(body: Record<string, unknown>): Promise<Response> {
    return fetch(`${this.serverUrl}/api/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify(body),
    });
  }

  async stop(): Promise<void> {
    await this.console?.close();
    await this.killServer();
    const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "arc_${this.id}" WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`arc-${this.id}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

/**
 * Pages of this context open in `locale` (the console's own choice before sign-in, kept in
 * localStorage), unless a page chose another meanwhile: Swedish is the console's default, and
 * specs and the soak read English texts unless they ask for Swedish.
 */
export async function pinLocale(context: BrowserContext, locale: 'sv' | 'en'): Promise<void> {
  await context.addInitScript((initial: string) => {
    if (!localStorage.getItem('arc.locale')) localStorage.setItem('arc.locale', initial);
  }, locale);
}

/**
 * Debian's chromium, headless, with nothing that reaches for the network on its own. Every page
 * starts in `locale` (the console's own default is Swedish; most specs read English texts): the
 * sign-in page shows it, and a user who never chose a language keeps it and has it remembered.
 * A page that picks another language keeps its pick across reloads.
 */
export async function launchBrowser(locale: 'sv' | 'en' = 'en'): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await pinLocale(context, locale);
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}
