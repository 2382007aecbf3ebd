import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { Public } from '../common/auth/auth.decorators.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { EvaluationDispatcherService } from '../evaluation/index.js';
import { ReceiverStatsService, SignalWriterService } from '../ingest/index.js';
import { REDIS } from '../redis/redis.module.js';

type Check = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded';
  postgres: Check;
  redis: Check;
  receivers: {
    /** False while signals cannot be stored: the receivers then send no ACK. */
    acknowledging: boolean;
    storageError: string | null;
    pendingWrites: number;
    evaluationBacklog: number;
  } & Record<string, unknown>;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

/** Public on purpose: load balancers and process managers call it without a token. */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stats: ReceiverStatsService,
    private readonly writer: SignalWriterService,
    private readonly dispatcher: EvaluationDispatcherService,
  ) {}

  /** Liveness: the process answers. A process manager restarts it when this fails. */
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: this process can take alarms — PostgreSQL stores and the receivers listen. Redis
   * is reported but does not make it unready: alarms are still stored, acknowledged and raised
   * without it (README, "The parts").
   */
  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthReport & { ready: boolean }> {
    const report = await this.check(response);
    const receiversUp =
      !this.config.dc09.enabled || (this.stats.listening.tcp !== null && this.stats.listening.udp !== null);
    const ready = report.postgres === 'up' && report.receivers.acknowledging && receiversUp;
    response.status(ready ? 200 : 503);
    return { ...report, ready };
  }

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
    const receiversUp =
      !this.config.dc09.enabled || (this.stats.listening.tcp !== null && this.stats.listening.udp !== null);
    const acknowledging = this.writer.storageHealthy && postgres === 'up';
    const status = postgres === 'up' && redis === 'up' && receiversUp && acknowledging ? 'ok' : 'degraded';
    response.status(status === 'ok' ? 200 : 503);
    return {
      status,
      postgres,
      redis,
      receivers: {
        acknowledging,
        storageError: this.writer.storageError,
        pendingWrites: this.writer.pendingCount,
        evaluationBacklog: this.dispatcher.backlog,
        ...this.stats.snapshot(),
      },
    };
  }
}
