import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { CasesModule } from '../cases/index.js';
import { IntakeModule } from '../intake/index.js';
import { SupervisionMetricsModule } from '../supervision-metrics/index.js';
import { UsersModule } from '../users/index.js';
import { CasePresentedService } from './case-presented.service.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({
  imports: [AuthModule, CasesModule, SupervisionMetricsModule, IntakeModule, UsersModule],
  providers: [RealtimeGateway, CasePresentedService],
})
export class RealtimeModule {}
