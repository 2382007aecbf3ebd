import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { VerificationAttempt } from '@arc/shared/intake';
import type { Redis } from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { RedisFanout } from '../redis/redis-fanout.js';
import { REDIS, redisKey } from '../redis/redis.module.js';

const RESULTS = new Set(['VERIFIED', 'WRONG_PASSWORD', 'LOCKED', 'NO_PASSWORD', 'NOT_AUTHORIZED']);

/**
 * Domain events of phone intake: failed caller verifications (a security event, docs/domain.md
 * section 3). The intake services publish here; only the realtime gateway turns them into socket
 * messages to supervisors and administrators. Delivered at once in this process and through
 * Redis pub/sub to the other server processes (the same pattern as CaseChangeBus). With Redis
 * down the other processes miss the live event; GET /intake/verifications still lists it.
 */
@Injectable()
export class IntakeEventsBus implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IntakeEventsBus.name);
  private readonly failures = new Subject<VerificationAttempt>();
  private readonly fanout: RedisFanout;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.fanout = new RedisFanout(
      redis,
      redisKey(config, 'events', 'verification-failed'),
      this.logger,
      'failed verifications',
      ({ attempt }) => {
        if (isAttempt(attempt)) this.failures.next(attempt);
        else this.logger.warn('Ignored a malformed intake event from Redis');
      },
    );
  }

  get verificationFailed$(): Observable<VerificationAttempt> {
    return this.failures.asObservable();
  }

  onApplicationBootstrap(): void {
    this.fanout.start();
  }

  publishFailed(attempt: VerificationAttempt): void {
    this.failures.next(attempt);
    this.fanout.publish({ attempt });
  }

  async onModuleDestroy(): Promise<void> {
    this.failures.complete();
    await this.fanout.close();
  }
}

/** Enough of a shape check for what another process of this server published. */
function isAttempt(value: unknown): value is VerificationAttempt {
  if (!value || typeof value !== 'object') return false;
  const a = value as Partial<Record<keyof VerificationAttempt, unknown>>;
  return (
    typeof a.id === 'string' &&
    typeof a.at === 'string' &&
    typeof a.result === 'string' &&
    RESULTS.has(a.result) &&
    typeof (a.operator as { userId?: unknown } | undefined)?.userId === 'string' &&
    typeof (a.person as { name?: unknown } | undefined)?.name === 'string'
  );
}
