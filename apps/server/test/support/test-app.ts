import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { type CaseChange } from '@arc/shared/case';
import { errorAnswerProblems, type KeyedErrorAnswer } from '@arc/shared/i18n';
import {
  SOCKET_EVENTS,
  SOCKET_PROTOCOL,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@arc/shared/socket-events';
import type { DataSource } from 'typeorm';
import { startServer } from '../../src/app.factory.js';
import type { AppModuleOptions } from '../../src/app.module.js';
import { loadConfig, type AppConfig } from '../../src/config/config.schema.js';
import { SecretBox } from '../../src/common/secret-box.js';
import { dropDatabase } from '../../src/database/ensure-database.js';
import { Dc09TcpReceiver } from '../../src/ingest/dc09-tcp.receiver.js';
import { Dc09UdpReceiver } from '../../src/ingest/dc09-udp.receiver.js';

export const TEST_API_KEY = 'test-ingest-key-0123456789';
export const TEST_SECRETS_KEY = 'test-secrets-key-that-is-long-enough-0123';
export const TEST_PASSWORDS = {
  admin: 'admin-test-password',
  operator: 'operator-test-password',
  supervisor: 'supervisor-test-password',
} as const;

const PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const FLUSH_PREFIX_SCRIPT = `
local cursor = '0'
repeat
  local answer = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
  cursor = answer[1]
  for _, key in ipairs(answer[2]) do redis.call('DEL', key) end
until cursor == '0'
return 0`;

export type ArcClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** An API answer: its status, the parsed body and the raw text. */
export interface ApiAnswer<T> {
  status: number;
  body: T;
  text: string;
}

/** The body of an answer with the expected status; otherwise a failure naming both. */
export async function expectStatus<T>(answer: Promise<ApiAnswer<T>>, status: number): Promise<T> {
  const { status: got, body } = await answer;
  if (got !== status) throw new Error(`expected ${status}, got ${got}: ${JSON.stringify(body)}`);
  return body;
}

/**
 * Every error answer must be wordable in every language (docs/i18n.md, "Server errors"): it has
 * a messageKey, and that key, its issues' keys and their params' keys exist in the en and sv
 * catalogues with every argument they use. Checked on every answer `call` gets.
 */
export function checkErrorAnswer(what: string, status: number, body: unknown): void {
  const answer = body as KeyedErrorAnswer | undefined;
  const problems = answer?.messageKey === undefined ? ['no messageKey'] : errorAnswerProblems(answer);
  if (problems.length > 0) {
    throw new Error(
      `${what} answered ${status} with a text the console cannot word: ${problems.join('; ')}\n${JSON.stringify(body)}`,
    );
  }
}

/** Each test file gets its own database and Redis prefix, removed again by `destroy`. */
export class TestEnvironment {
  readonly config: AppConfig;
  app: INestApplication | null = null;
  url = '';

  constructor(
    overrides: Record<string, string> = {},
    private readonly options: AppModuleOptions = {},
  ) {
    const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
    this.config = loadConfig({
      NODE_ENV: 'test',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      DATABASE_URL: `${PG_BASE}/arc_test_${id}`,
      DATABASE_POOL_SIZE: '20',
      REDIS_URL,
      REDIS_PREFIX: `arc-test-${id}`,
      JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123',
      INGEST_API_KEYS: TEST_API_KEY,
      DEMO_ADMIN_PASSWORD: TEST_PASSWORDS.admin,
      DEMO_OPERATOR_PASSWORD: TEST_PASSWORDS.operator,
      DEMO_SUPERVISOR_PASSWORD: TEST_PASSWORDS.supervisor,
      LOG_LEVEL: 'warn',
      DC09_HOST: '127.0.0.1',
      DC09_TCP_PORT: '0',
      DC09_UDP_PORT: '0',
      SECRETS_KEY: TEST_SECRETS_KEY,
      ...overrides,
    });
  }

  async start(): Promise<void> {
    this.app = await startServer(this.config, { checkResponseContracts: true, ...this.options });
    this.url = (await this.app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
  }

  get dataSource(): DataSource {
    if (!this.app) throw new Error('app not started');
    return this.app.get<DataSource>(getDataSourceToken());
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  /** A request to the API as the token's user (null: without a token); JSON in and out. */
  async call<T = { message: string }>(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : undefined) as T;
    if (response.status >= 400) checkErrorAnswer(`${method} ${path}`, response.status, parsed);
    return { status: response.status, body: parsed, text };
  }

  /**
   * Deletes every Redis key of this environment at one instant, as a flush would: a Lua script
   * runs atomically, so the running server never sees a half-deleted state (a job's hash gone
   * but its queue entry left, or a rebuild's new keys deleted by the rest of a SCAN loop).
   */
  async flushRedis(): Promise<void> {
    const redis = new Redis(REDIS_URL);
    try {
      await redis.eval(FLUSH_PREFIX_SCRIPT, 0, `${this.config.redis.prefix}:*`);
    } finally {
      redis.disconnect();
    }
  }

  async destroy(): Promise<void> {
    await this.stop();
    await this.flushRedis();
    await dropDatabase(this.config.database.url);
  }

  async login(username: keyof typeof TEST_PASSWORDS): Promise<string> {
    const response = await fetch(`${this.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: TEST_PASSWORDS[username] }),
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  postSignal(body: unknown, apiKey: string | null = TEST_API_KEY): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (apiKey !== null) headers['x-api-key'] = apiKey;
    return fetch(`${this.url}/api/v1/signals`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  socket(token: string | undefined): ArcClientSocket {
    return io(this.url, {
      auth: token === undefined ? { protocol: SOCKET_PROTOCOL } : { token, protocol: SOCKET_PROTOCOL },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
  }

  get tcpPort(): number {
    return this.app!.get(Dc09TcpReceiver).port!;
  }

  get udpPort(): number {
    return this.app!.get(Dc09UdpReceiver).port!;
  }

  /** Creates a site with one transmitter and returns their ids. */
  async createSite(
    account: string,
    name = 'Storgatan 5',
    options: { key?: string; supervisionIntervalSeconds?: number; protocol?: string; requireEncryption?: boolean } = {},
  ): Promise<{ siteId: string; transmitterId: string }> {
    const [site] = await this.query<{ id: string }>(
      `INSERT INTO sites (name, street, postcode, city, municipality)
       VALUES ($1, 'Storgatan 5', '722 15', 'Västerås', 'Västerås') RETURNING id`,
      [name],
    );
    const [transmitter] = await this.query<{ id: string }>(
      `INSERT INTO transmitters (account, site_id, encryption_key_sealed, supervision_interval_seconds, protocol,
                                 require_encryption)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        account,
        site!.id,
        options.key ? new SecretBox(this.config.secretsKey).seal(options.key) : null,
        options.supervisionIntervalSeconds ?? null,
        options.protocol ?? 'ANY',
        options.requireEncryption ?? false,
      ],
    );
    return { siteId: site!.id, transmitterId: transmitter!.id };
  }
}

/** Polls until the check returns a value that is not undefined, or fails after the timeout. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves with the first event of that name, or rejects after a timeout. */
/** Calls `handler` for every case change the socket receives, one by one (they come in batches). */
export function onCaseChange(socket: ArcClientSocket, handler: (change: CaseChange) => void): void {
  socket.on(SOCKET_EVENTS.caseChanges, (changes: CaseChange[]) => {
    for (const change of changes) handler(change);
  });
}

/** The first case change of the next batch the socket receives. */
export async function nextCaseChange(socket: ArcClientSocket, timeoutMs = 5000): Promise<CaseChange> {
  const changes = await nextEvent<CaseChange[]>(socket, SOCKET_EVENTS.caseChanges, timeoutMs);
  return changes[0]!;
}

export function nextEvent<T>(socket: ArcClientSocket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as { once(e: string, cb: (v: T) => void): void }).once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
