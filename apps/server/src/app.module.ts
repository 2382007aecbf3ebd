import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';
import { DatabaseModule } from './database/database.module.js';
import { DirectoryToolsModule } from './directory-tools/directory-tools.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { HealthController } from './health/health.controller.js';
import { IngestModule } from './ingest/ingest.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { redisConnectionOptions } from './redis/redis-url.js';
import { RedisModule } from './redis/redis.module.js';
import { MetricsModule } from './supervision-metrics/metrics.module.js';
import { SupervisionMetricsModule } from './supervision-metrics/supervision-metrics.module.js';
import { WindowsModule } from './rules/windows/windows.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.log.level,
            transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
            // Secrets never reach the log: tokens, API keys, cookies. Bodies are not logged at all.
            redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', '*.password'],
            autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
          },
        }),
        DatabaseModule,
        RedisModule,
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redis.url),
          prefix: `${config.redis.prefix}:bull`,
        }),
        MetricsModule,
        AuditModule,
        AuthModule,
        IngestModule,
        RealtimeModule,
        DirectoryModule,
        DirectoryToolsModule,
        SupervisionMetricsModule,
        WindowsModule,
        IntakeModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
