import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { errorWithoutValues, messageWithoutValues } from './common/log-serializers.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.schema.js';
import { DatabaseModule } from './database/database.module.js';
import { DirectoryToolsModule } from './directory-tools/directory-tools.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { EvaluationModule } from './evaluation/evaluation.module.js';
import { HealthController } from './health/health.controller.js';
import { IngestModule } from './ingest/ingest.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { OpenApiModule } from './openapi/index.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { redisConnectionOptions } from './redis/redis-url.js';
import { RedisModule } from './redis/redis.module.js';
import { MetricsModule } from './common/metrics/metrics.module.js';
import { SupervisionMetricsModule } from './supervision-metrics/supervision-metrics.module.js';
import { WindowsModule } from './rules/windows/windows.module.js';
import { SettingsModule } from './settings/settings.module.js';
import { ShiftLogModule } from './shift-log/shift-log.module.js';

export interface AppModuleOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: DestinationStream;
  /** Check every answer against its route's response schema (the integration tests do). */
  checkResponseContracts?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    const pinoOptions = {
      level: config.log.level,
      transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
      // Secrets never reach the log: tokens, API keys, cookies. Bodies are not logged at all.
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', '*.password'],
      // Nor do the values of a failed query: an error is logged without its parameters.
      serializers: { err: errorWithoutValues },
      hooks: { logMethod: messageWithoutValues },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/v1/health' },
    };
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: options.logStream ? [pinoOptions, options.logStream] : pinoOptions,
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
        EvaluationModule,
        RealtimeModule,
        DirectoryModule,
        DirectoryToolsModule,
        SupervisionMetricsModule,
        WindowsModule,
        IntakeModule,
        SettingsModule,
        ShiftLogModule,
        OpenApiModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
