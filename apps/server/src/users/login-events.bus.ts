import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LOGIN_FAILURE_REASONS, type LoginFailure } from '@arc/shared/users';
import type { Redis } from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { RedisFanout } from '../redis/redis-fanout.js';
import { REDIS, redisKey } from '../redis/redis.module.js';

/**
 * Failed sign-ins, a security event: published here, turned into `auth.login-failed.v1` for
 * supervisors and admins by the realtime gateway only. Shared with the other server processes
 * through Redis pub/sub; with Redis down they miss the live event, GET /security/logins lists it.
 */
@Injectable()
export class LoginEventsBus implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LoginEventsBus.name);
  private readonly failures = new Subject<LoginFailure>();
  private readonly fanout: RedisFanout;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.fanout = new RedisFanout(
      redis,
      redisKey(config, 'events', 'login-failed'),
      this.logger,
      'failed sign-ins',
      ({ failure }) => {
        if (isFailure(failure)) this.failures.next(failure);
        else this.logger.warn('Ignored a malformed sign-in event from Redis');
      },
    );
  }

  get loginFailed$(): Observable<LoginFailure> {
    return this.failures.asObservable();
  }

  onApplicationBootstrap(): void {
    this.fanout.start();
  }

  publishFailed(failure: LoginFailure): void {
    this.failures.next(failure);
    this.fanout.publish({ failure });
  }

  async onModuleDestroy(): Promise<void> {
    this.failures.complete();
    await this.fanout.close();
  }
}

function isFailure(value: unknown): value is LoginFailure {
  if (!value || typeof value !== 'object') return false;
  const f = value as Partial<Record<keyof LoginFailure, unknown>>;
  return (
    typeof f.id === 'string' &&
    typeof f.at === 'string' &&
    typeof f.username === 'string' &&
    typeof f.reason === 'string' &&
    (LOGIN_FAILURE_REASONS as readonly string[]).includes(f.reason)
  );
}
