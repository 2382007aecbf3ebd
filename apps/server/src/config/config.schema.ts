import { isTimeZone } from '@arc/shared/settings';
import { z } from 'zod';

const DEV_JWT_SECRET = 'development-only-jwt-secret-do-not-use-in-production';
const DEV_INGEST_KEY = 'development-only-ingest-key';
const DEV_SECRETS_KEY = 'development-only-secrets-key-do-not-use-in-production';

const port = z.coerce.number().int().min(0).max(65535);
const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * Every setting of the server, read once at boot. Defaults work on a developer machine
 * with PostgreSQL and Redis on localhost; production (NODE_ENV=production) must set the
 * secrets itself.
 */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HTTP_HOST: z.string().min(1).default('0.0.0.0'),
    HTTP_PORT: port.default(3000),
    HTTP_TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d{1,2}|[\w.:/, -]+)$/, 'must be true, false, a hop count or addresses/subnets')
      .default('false'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .default('postgres://postgres@127.0.0.1:5432/arc'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    MIGRATIONS_RUN: bool.default(true),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only')
      .default('arc'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    INGEST_API_KEYS: z.string().optional(),
    SECRETS_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    DC09_ENABLED: bool.default(true),
    DC09_HOST: z.string().min(1).default('0.0.0.0'),
    DC09_TCP_PORT: port.default(12000),
    DC09_UDP_PORT: port.default(12000),
    DC09_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(10_000),
    DC09_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
    // The kernel's accept queue: in a storm thousands of panels connect within a second. Linux
    // caps it at net.core.somaxconn (4096 on current kernels); Node's default is 511.
    DC09_LISTEN_BACKLOG: z.coerce.number().int().min(16).max(65_535).default(4096),
    // LF + CRC (4) + length (4) + the largest body the `0LLL` length field can state (0x0FFF) + CR.
    DC09_MAX_FRAME_BYTES: z.coerce.number().int().min(256).max(65_536).default(4105),
    DC09_CLOCK_PAST_SECONDS: z.coerce.number().int().min(0).max(3600).default(40),
    DC09_CLOCK_FUTURE_SECONDS: z.coerce.number().int().min(0).max(3600).default(20),
    DEDUP_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 86_400)
      .default(3600),
    SIGNAL_BATCH_MAX: z.coerce.number().int().min(1).max(5000).default(500),
    // From this evaluation backlog on, ingest of signals that are not urgent is paced by evaluation; 0: never.
    EVALUATION_BACKLOG_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(2000),
    SERVICE_MODE_DEFAULT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
    SERVICE_MODE_MAX_MINUTES: z.coerce.number().int().min(1).max(10_080).default(720),
    SUPERVISION_GRACE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    SUPERVISION_SWEEP_SECONDS: z.coerce.number().min(0.2).max(300).default(5),
    RUNAWAY_THRESHOLD: z.coerce.number().int().min(2).max(100_000).default(30),
    RUNAWAY_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    AC_LOSS_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(900),
    AUTH_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    AUTH_ACCOUNT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    AUTH_ACCOUNT_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    AUTH_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(50),
    AUTH_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    AUTH_ADDRESS_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    AUTH_USER_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(10),
    AUTH_USER_STALE_SECONDS: z.coerce.number().min(0).max(3600).default(300),
    AUTH_TOTP_ISSUER: z.string().trim().min(1).max(60).default('ARC'),
    VERIFICATION_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    VERIFICATION_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    VERIFICATION_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    VERIFICATION_VALID_MINUTES: z.coerce.number().int().min(1).max(240).default(10),
    SUPERVISOR_OLDEST_WAITING_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    COMPLIANCE_TARGETS: z
      .string()
      .regex(/^\d+:(0|1|0?\.\d+)(,\d+:(0|1|0?\.\d+))*$/, 'must be like 30:0.8,60:0.985 (seconds:share, …)')
      .default('30:0.8,60:0.985'),
    CASE_RETURN_SECONDS: z.coerce.number().min(2).max(3600).default(30),
    CASE_ASSIGN_ACK_SECONDS: z.coerce.number().min(2).max(3600).default(30),
    RULES_SWEEP_SECONDS: z.coerce.number().min(0.2).max(600).default(5),
    DEMO_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    DEMO_OPERATOR_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    DEMO_SUPERVISOR_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    CENTRE_TIME_ZONE: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Stockholm')
      .default('Europe/Stockholm'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.default(false),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
    }
    if (!env.INGEST_API_KEYS) {
      ctx.addIssue({ code: 'custom', path: ['INGEST_API_KEYS'], message: 'is required in production' });
    }
    if (env.SERVICE_MODE_DEFAULT_MINUTES > env.SERVICE_MODE_MAX_MINUTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['SERVICE_MODE_DEFAULT_MINUTES'],
        message: 'must not exceed SERVICE_MODE_MAX_MINUTES',
      });
    }
    if (!env.SECRETS_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SECRETS_KEY'], message: 'is required in production' });
    }
  });

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  http: {
    host: string;
    port: number;
    /** Express "trust proxy": which proxies' X-Forwarded-For gives a client's address. */
    trustProxy: boolean | number | string;
  };
  database: { url: string; poolSize: number; migrationsRun: boolean };
  redis: { url: string; prefix: string };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    usingDevSecret: boolean;
    /** Failed sign-ins per username within the window that lock it (also for names with no account). */
    accountMaxFailures: number;
    accountWindowMinutes: number;
    accountLockMinutes: number;
    /** Failed sign-ins per source address within the window that block the address. */
    addressMaxFailures: number;
    addressWindowMinutes: number;
    addressLockMinutes: number;
    /** How long a user's state (active, role, token version) is trusted without asking PostgreSQL. */
    userCacheSeconds: number;
    /** With PostgreSQL unreachable, a user state known this recently is still used. */
    userStaleSeconds: number;
    totpIssuer: string;
  };
  ingest: {
    apiKeys: string[];
    dedupWindowSeconds: number;
    batchMax: number;
    /** Evaluation backlog from which signals that are not urgent are stored only as fast as evaluated; 0: off. */
    evaluationBacklogLimit: number;
  };
  dc09: {
    enabled: boolean;
    host: string;
    tcpPort: number;
    udpPort: number;
    maxConnections: number;
    idleTimeoutSeconds: number;
    listenBacklog: number;
    maxFrameBytes: number;
    clockPastSeconds: number;
    clockFutureSeconds: number;
  };
  rules: {
    serviceModeDefaultMinutes: number;
    serviceModeMaxMinutes: number;
    supervisionGraceSeconds: number;
    supervisionSweepSeconds: number;
    runawayThreshold: number;
    runawayWindowSeconds: number;
    acLossDelaySeconds: number;
    /** How often timers kept in PostgreSQL (deferred alarms, overdue ends) are checked. */
    sweepSeconds: number;
  };
  intake: {
    /** Failed verifications of one person within the window that lock them. */
    maxFailures: number;
    windowMinutes: number;
    lockMinutes: number;
    /** How long a successful verification allows actions for its site. */
    validMinutes: number;
  };
  supervisor: {
    /** The alert fires when a case has waited this long. */
    oldestWaitingSeconds: number;
    /** Accepted within `withinSeconds` for at least `share` of the cases. */
    targets: { withinSeconds: number; share: number }[];
  };
  cases: {
    /** A held case whose operator's console has been gone this long goes back to the queue. */
    returnSeconds: number;
    /** A case given to an operator (site sticks, supervisor) goes back to the queue unless acknowledged this soon. */
    assignAckSeconds: number;
  };
  /** The centre's IANA time zone: every time shown to users is in it. */
  centre: { timeZone: string };
  secretsKey: string;
  demoUsers: { admin?: string; operator?: string; supervisor?: string };
  log: { level: string; pretty: boolean };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig {
  // Empty strings count as unset, so `FOO=` in a .env file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const apiKeys = (env.INGEST_API_KEYS ?? DEV_INGEST_KEY)
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
  const shortKey = apiKeys.find((key) => key.length < 16);
  if (apiKeys.length === 0 || shortKey !== undefined) {
    throw new ConfigError(['INGEST_API_KEYS: each comma-separated key must be at least 16 characters']);
  }
  return {
    env: env.NODE_ENV,
    http: { host: env.HTTP_HOST, port: env.HTTP_PORT, trustProxy: trustProxyOf(env.HTTP_TRUST_PROXY) },
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, migrationsRun: env.MIGRATIONS_RUN },
    redis: { url: env.REDIS_URL, prefix: env.REDIS_PREFIX },
    auth: {
      jwtSecret: env.JWT_SECRET ?? DEV_JWT_SECRET,
      jwtTtlSeconds: env.JWT_TTL_SECONDS,
      usingDevSecret: env.JWT_SECRET === undefined,
      accountMaxFailures: env.AUTH_ACCOUNT_MAX_FAILURES,
      accountWindowMinutes: env.AUTH_ACCOUNT_WINDOW_MINUTES,
      accountLockMinutes: env.AUTH_ACCOUNT_LOCK_MINUTES,
      addressMaxFailures: env.AUTH_ADDRESS_MAX_FAILURES,
      addressWindowMinutes: env.AUTH_ADDRESS_WINDOW_MINUTES,
      addressLockMinutes: env.AUTH_ADDRESS_LOCK_MINUTES,
      userCacheSeconds: env.AUTH_USER_CACHE_SECONDS,
      userStaleSeconds: env.AUTH_USER_STALE_SECONDS,
      totpIssuer: env.AUTH_TOTP_ISSUER,
    },
    ingest: {
      apiKeys,
      dedupWindowSeconds: env.DEDUP_WINDOW_SECONDS,
      batchMax: env.SIGNAL_BATCH_MAX,
      evaluationBacklogLimit: env.EVALUATION_BACKLOG_LIMIT,
    },
    dc09: {
      enabled: env.DC09_ENABLED,
      host: env.DC09_HOST,
      tcpPort: env.DC09_TCP_PORT,
      udpPort: env.DC09_UDP_PORT,
      maxConnections: env.DC09_MAX_CONNECTIONS,
      idleTimeoutSeconds: env.DC09_IDLE_TIMEOUT_SECONDS,
      listenBacklog: env.DC09_LISTEN_BACKLOG,
      maxFrameBytes: env.DC09_MAX_FRAME_BYTES,
      clockPastSeconds: env.DC09_CLOCK_PAST_SECONDS,
      clockFutureSeconds: env.DC09_CLOCK_FUTURE_SECONDS,
    },
    rules: {
      serviceModeDefaultMinutes: env.SERVICE_MODE_DEFAULT_MINUTES,
      serviceModeMaxMinutes: env.SERVICE_MODE_MAX_MINUTES,
      supervisionGraceSeconds: env.SUPERVISION_GRACE_SECONDS,
      supervisionSweepSeconds: env.SUPERVISION_SWEEP_SECONDS,
      runawayThreshold: env.RUNAWAY_THRESHOLD,
      runawayWindowSeconds: env.RUNAWAY_WINDOW_SECONDS,
      acLossDelaySeconds: env.AC_LOSS_DELAY_SECONDS,
      sweepSeconds: env.RULES_SWEEP_SECONDS,
    },
    cases: { returnSeconds: env.CASE_RETURN_SECONDS, assignAckSeconds: env.CASE_ASSIGN_ACK_SECONDS },
    supervisor: {
      oldestWaitingSeconds: env.SUPERVISOR_OLDEST_WAITING_SECONDS,
      targets: env.COMPLIANCE_TARGETS.split(',').map((pair) => {
        const [seconds, share] = pair.split(':');
        return { withinSeconds: Number(seconds), share: Number(share) };
      }),
    },
    intake: {
      maxFailures: env.VERIFICATION_MAX_FAILURES,
      windowMinutes: env.VERIFICATION_WINDOW_MINUTES,
      lockMinutes: env.VERIFICATION_LOCK_MINUTES,
      validMinutes: env.VERIFICATION_VALID_MINUTES,
    },
    centre: { timeZone: env.CENTRE_TIME_ZONE },
    secretsKey: env.SECRETS_KEY ?? DEV_SECRETS_KEY,
    demoUsers: {
      admin: env.DEMO_ADMIN_PASSWORD,
      operator: env.DEMO_OPERATOR_PASSWORD,
      supervisor: env.DEMO_SUPERVISOR_PASSWORD,
    },
    log: { level: env.LOG_LEVEL, pretty: env.LOG_PRETTY },
  };
}

/** HTTP_TRUST_PROXY as Express takes it: a boolean, a hop count, or a list of addresses/subnets. */
function trustProxyOf(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
