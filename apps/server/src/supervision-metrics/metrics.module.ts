import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service.js';

/** Global, so the receiver, the cases and the intake can count without importing each other. */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
