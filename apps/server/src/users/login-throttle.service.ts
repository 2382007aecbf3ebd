import { once } from 'node:events';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { closeRedis, redisKey } from '../redis/redis.module.js';

/** What one sign-in attempt holds: a point taken from its account's and its address's budget. */
export interface LoginTicket {
  account: string;
  address: string | null;
  accountRemaining: number;
  addressRemaining: number;
}

export interface LockResult {
  lockedUntil: Date | null;
  lockScope: 'account' | 'address' | null;
}

/**
 * Failed sign-ins counted per username (also names without an account, so the answers do not
 * tell which exist) and per source address, in Redis so every server process shares them
 * (rate-limiter-flexible). With Redis unreachable each process counts in memory instead (the
 * insurance limiter): sign-in keeps working and stays throttled, per process.
 *
 * An attempt takes its point before the password is checked, so 200 parallel guesses get at most
 * `accountMaxFailures` checks; a success gives the point back (and clears the account's count).
 * The failure that uses the last point locks for the lock time.
 */
@Injectable()
export class LoginThrottle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottle.name);
  /** Its own connection: fails fast while Redis is down (the shared one waits for a reconnect). */
  private readonly redis: Redis;
  private readonly account: RateLimiterRedis;
  private readonly address: RateLimiterRedis;
  private readonly settings: AppConfig['auth'];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.auth;
    this.redis = new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined); // the main client reports an outage
    const limiter = (name: string, points: number, windowMinutes: number) => {
      const keyPrefix = redisKey(config, 'login', name);
      return new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix,
        points,
        duration: windowMinutes * 60,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: windowMinutes * 60 }),
      });
    };
    this.account = limiter('account', this.settings.accountMaxFailures, this.settings.accountWindowMinutes);
    this.address = limiter('address', this.settings.addressMaxFailures, this.settings.addressWindowMinutes);
  }

  /**
   * Until its connection is ready the limiter counts in memory; a moment's wait at start keeps the
   * first sign-ins shared between processes. Redis down: start anyway after the wait.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status === 'ready') return;
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), READY_WAIT_MS);
    await once(this.redis, 'ready', { signal: ac.signal }).catch(() => undefined);
    clearTimeout(timer);
  }

  /** Takes this attempt's points; a 429 AppError while the address or the account is locked. */
  async begin(username: string, address: string | null): Promise<LoginTicket> {
    const account = accountKey(username);
    let addressRemaining = Number.POSITIVE_INFINITY;
    if (address) {
      try {
        addressRemaining = (await this.address.consume(address)).remainingPoints;
      } catch (error) {
        throw refusal(error, 'LOGIN_THROTTLED', 'Too many failed sign-ins from this address');
      }
    }
    try {
      const { remainingPoints } = await this.account.consume(account);
      return { account, address, accountRemaining: remainingPoints, addressRemaining };
    } catch (error) {
      throw refusal(
        error,
        'ACCOUNT_LOCKED',
        'Too many failed sign-ins for this account; it is locked. Ask an administrator to unlock it, or wait',
      );
    }
  }

  /** The attempt failed: its points stay taken; the one that used the last point locks. */
  async failed(ticket: LoginTicket): Promise<LockResult> {
    if (ticket.accountRemaining <= 0) {
      const seconds = this.settings.accountLockMinutes * 60;
      await this.account.block(ticket.account, seconds);
      return { lockedUntil: new Date(Date.now() + seconds * 1000), lockScope: 'account' };
    }
    if (ticket.address && ticket.addressRemaining <= 0) {
      const seconds = this.settings.addressLockMinutes * 60;
      await this.address.block(ticket.address, seconds);
      return { lockedUntil: new Date(Date.now() + seconds * 1000), lockScope: 'address' };
    }
    return { lockedUntil: null, lockScope: null };
  }

  /** Signed in: the account's count starts again, the address gets its point back. */
  async succeeded(ticket: LoginTicket): Promise<void> {
    await Promise.all([
      this.account.delete(ticket.account).catch((error: unknown) => this.warn(error)),
      ticket.address ? this.address.reward(ticket.address, 1).catch((error: unknown) => this.warn(error)) : null,
    ]);
  }

  /** Neither failure nor sign-in (the password was right, a second factor is asked next): points back. */
  async neutral(ticket: LoginTicket): Promise<void> {
    await Promise.all([
      this.account.reward(ticket.account, 1).catch((error: unknown) => this.warn(error)),
      ticket.address ? this.address.reward(ticket.address, 1).catch((error: unknown) => this.warn(error)) : null,
    ]);
  }

  async accountLockedUntil(username: string): Promise<Date | null> {
    return this.lockedUntil(this.account, accountKey(username), this.settings.accountMaxFailures);
  }

  async addressLockedUntil(address: string): Promise<Date | null> {
    return this.lockedUntil(this.address, address, this.settings.addressMaxFailures);
  }

  async unlockAccount(username: string): Promise<void> {
    await this.account.delete(accountKey(username));
  }

  async unlockAddress(address: string): Promise<void> {
    await this.address.delete(address);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }

  private async lockedUntil(limiter: RateLimiterRedis, key: string, points: number): Promise<Date | null> {
    const state = await limiter.get(key);
    if (!state || state.consumedPoints < points || state.msBeforeNext <= 0) return null;
    return new Date(Date.now() + state.msBeforeNext);
  }

  private warn(error: unknown): void {
    this.logger.warn({ err: error }, 'Could not update the sign-in throttle');
  }
}

const READY_WAIT_MS = 2000;

/** Usernames are compared lower-case: "Admin" and "admin" share one budget. */
function accountKey(username: string): string {
  return username.trim().toLowerCase();
}

function refusal(error: unknown, code: 'ACCOUNT_LOCKED' | 'LOGIN_THROTTLED', message: string): Error {
  if (!(error instanceof RateLimiterRes)) return error as Error;
  const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  const wait = describe(retryAfterSeconds);
  return new AppError(code, `${message} (try again in ${wait})`, {
    key: code === 'ACCOUNT_LOCKED' ? 'accountLocked' : 'addressThrottled',
    params: { wait },
    retryAfterSeconds,
  });
}

function describe(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  return `${Math.ceil(seconds / 60)} min`;
}
