import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLES, type Role } from '@arc/shared/auth';
import type { Redis } from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { RedisFanout } from '../redis/redis-fanout.js';
import { REDIS, redisKey } from '../redis/redis.module.js';

/** What a token is checked against on every request and socket. */
export interface UserState {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  tokenVersion: number;
}

interface Cached {
  state: UserState | null;
  at: number;
}

/**
 * The current state of each user, cached for AUTH_USER_CACHE_SECONDS. A change (deactivation,
 * password reset, role change) is published through Redis pub/sub with the new state, so every
 * server process has it at once and closes the user's sockets; the cache time only bounds how
 * long a change can go unseen when that message is lost (Redis down).
 *
 * PostgreSQL unreachable: a state known within AUTH_USER_STALE_SECONDS is still used, so a short
 * PG blip does not sign the centre out (a deactivation cannot be written meanwhile either, and
 * writes fail on their own); an unknown user gets 503, never a 401 that would end the session.
 */
@Injectable()
export class UserStateService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(UserStateService.name);
  private readonly cache = new Map<string, Cached>();
  /** Raised per user by every change, so a read that started before it is not cached after it. */
  private readonly generations = new Map<string, number>();
  private readonly changes = new Subject<UserState>();
  private readonly fanout: RedisFanout;
  private readonly freshMs: number;
  private readonly staleMs: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.freshMs = config.auth.userCacheSeconds * 1000;
    this.staleMs = Math.max(this.freshMs, config.auth.userStaleSeconds * 1000);
    this.fanout = new RedisFanout(
      redis,
      redisKey(config, 'events', 'user-state'),
      this.logger,
      'user changes',
      ({ state }) => {
        if (isUserState(state)) this.apply(state);
        else this.logger.warn('Ignored a malformed user change from Redis');
      },
    );
  }

  /** Every change of a user's state, from this process or another one. */
  get changes$(): Observable<UserState> {
    return this.changes.asObservable();
  }

  onApplicationBootstrap(): void {
    this.fanout.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.changes.complete();
    await this.fanout.close();
  }

  /** The user's state (null: no such user); STORAGE_UNAVAILABLE when it cannot be known. */
  async get(id: string): Promise<UserState | null> {
    const cached = this.cache.get(id);
    if (cached && Date.now() - cached.at < this.freshMs) return cached.state;
    const generation = this.generations.get(id) ?? 0;
    let state: UserState | null;
    try {
      state = await this.read(id);
    } catch (error) {
      if (cached && Date.now() - cached.at < this.staleMs) return cached.state;
      this.logger.warn({ err: error }, 'Could not read a user state');
      throw new AppError('STORAGE_UNAVAILABLE', 'User accounts cannot be checked right now; try again shortly', {
        key: 'accountsUnavailable',
      });
    }
    if ((this.generations.get(id) ?? 0) === generation) this.cache.set(id, { state, at: Date.now() });
    return state;
  }

  /** After a committed change: this process and the others use the new state at once. */
  async changed(id: string): Promise<void> {
    const state = await this.read(id);
    if (!state) return;
    this.apply(state);
    this.fanout.publish({ state });
  }

  private apply(state: UserState): void {
    this.generations.set(state.id, (this.generations.get(state.id) ?? 0) + 1);
    this.cache.set(state.id, { state, at: Date.now() });
    this.changes.next(state);
  }

  private async read(id: string): Promise<UserState | null> {
    const rows = await this.db.query<
      { id: string; username: string; display_name: string; role: Role; active: boolean; token_version: number }[]
    >(`SELECT id, username, display_name, role, active, token_version FROM users WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      active: row.active,
      tokenVersion: row.token_version,
    };
  }
}

function isUserState(value: unknown): value is UserState {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<Record<keyof UserState, unknown>>;
  return (
    typeof s.id === 'string' &&
    typeof s.username === 'string' &&
    typeof s.displayName === 'string' &&
    typeof s.role === 'string' &&
    (ROLES as readonly string[]).includes(s.role) &&
    typeof s.active === 'boolean' &&
    typeof s.tokenVersion === 'number'
  );
}
