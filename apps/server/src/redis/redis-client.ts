import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.schema.js';

export const REDIS = Symbol('REDIS');
const logger = new Logger('Redis');

/** A key in this deployment's Redis namespace (REDIS_PREFIX), shared with BullMQ's prefix. */
export function redisKey(config: AppConfig, ...parts: string[]): string {
  return [config.redis.prefix, ...parts].join(':');
}

/** quit() waits for pending replies, and for a Redis that is down that is forever: disconnect then. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}

export function createRedis(url: string): Redis {
  // maxRetriesPerRequest null: commands wait for a reconnect instead of failing (BullMQ requires it).
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  let lastLogged = 0;
  // Handled, so ioredis keeps reconnecting quietly; an outage is logged once a minute.
  redis.on('error', (error: Error) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    logger.warn(`Redis is unreachable (${error.message}); retrying`);
  });
  return redis;
}
