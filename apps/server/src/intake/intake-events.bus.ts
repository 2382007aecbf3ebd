import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { VerificationAttempt } from '@arc/shared';
import type { Redis } from 'ioredis';
import { Subject, type Observable } from 'rxjs';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { closeRedis, REDIS, redisKey } from '../redis/redis.module.js';

const RESULTS = new Set(['VERIFIED', 'WRONG_PASSWORD', 'LOCKED', 'NO_PASSWORD', 'NOT_AUTHORIZED']);

/**
 * Domain events of phone intake: failed caller verifications (a security event, DOMAIN.md
 * section 3). The intake services publish here; only the realtime gateway turns them into socket
 * messages to supervisors and administrators. Delivered at once in this process and through
 * Redis pub/sub to the other server processes (the same pattern as CaseChangeBus). With Redis
 * down the other processes miss the live event; GET /intake/verifications still lists it.
 */
@Injectable()
export class IntakeEventsBus implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IntakeEventsBus.name);
  private readonly failures = new Subject<VerificationAttempt>();
  private readonly origin = randomUUID();
  private readonly channel: string;
  private subscriber: Redis | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = redisKey(config, 'events', 'verification-failed');
  }

  get verificationFailed$(): Observable<VerificationAttempt> {
    return this.failures.asObservable();
  }

  onApplicationBootstrap(): void {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', () => undefined); // the main client already reports an outage
    this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    // Not awaited: with Redis down the server must still start; ioredis subscribes on reconnect.
    this.subscriber
      .subscribe(this.channel)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not subscribe to intake events'));
  }

  publishFailed(attempt: VerificationAttempt): void {
    this.failures.next(attempt);
    this.redis
      .publish(this.channel, JSON.stringify({ origin: this.origin, attempt }))
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Could not share a failed verification with other processes'),
      );
  }

  async onModuleDestroy(): Promise<void> {
    this.failures.complete();
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  private receive(message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    const { origin, attempt } = (parsed ?? {}) as { origin?: unknown; attempt?: unknown };
    if (origin === this.origin) return;
    if (isAttempt(attempt)) this.failures.next(attempt);
    else this.logger.warn('Ignored a malformed intake event from Redis');
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
