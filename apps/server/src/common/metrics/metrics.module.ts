import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service.js';

/**
 * Global infrastructure, so the receiver, the cases and the intake can count without importing
 * each other or the supervision module that serves the registry.
 */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
