import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { closeRedis, createRedis, REDIS } from './redis-client.js';
import { RedisStateService } from './redis-state.service.js';

export { closeRedis, createRedis, REDIS, redisKey } from './redis-client.js';

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedis(config.redis.url),
    },
    RedisStateService,
  ],
  exports: [REDIS, RedisStateService],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}
