import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

export const REDIS = Symbol('REDIS');

/** A key in this deployment's Redis namespace (REDIS_PREFIX), shared with BullMQ's prefix. */
export function redisKey(config: AppConfig, ...parts: string[]): string {
  return [config.redis.prefix, ...parts].join(':');
}

export function createRedis(url: string): Redis {
  // maxRetriesPerRequest null: commands wait for a reconnect instead of failing (BullMQ requires it).
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedis(config.redis.url),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
