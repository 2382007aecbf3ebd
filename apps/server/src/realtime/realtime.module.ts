import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { SupervisionMetricsModule } from '../supervision-metrics/supervision-metrics.module.js';
import { UsersModule } from '../users/users.module.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({
  imports: [AuthModule, CasesModule, SupervisionMetricsModule, IntakeModule, UsersModule],
  providers: [RealtimeGateway],
})
export class RealtimeModule {}
