import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { REDIS } from '../redis/redis.module.js';

type Check = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded';
  postgres: Check;
  redis: Check;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

/** Public on purpose: load balancers and process managers call it without a token. */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), 2000).then(
        (): Check => 'up',
        (): Check => 'down',
      ),
      withTimeout(this.redis.ping(), 2000).then(
        (): Check => 'up',
        (): Check => 'down',
      ),
    ]);
    const status = postgres === 'up' && redis === 'up' ? 'ok' : 'degraded';
    response.status(status === 'ok' ? 200 : 503);
    return { status, postgres, redis };
  }
}
