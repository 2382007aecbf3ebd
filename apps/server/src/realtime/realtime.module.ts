import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CasesModule } from '../cases/index.js';
import { IntakeModule } from '../intake/intake.module.js';
import { SupervisionMetricsModule } from '../supervision-metrics/index.js';
import { UsersModule } from '../users/users.module.js';
import { CasePresentedService } from './case-presented.service.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({
  imports: [AuthModule, CasesModule, SupervisionMetricsModule, IntakeModule, UsersModule],
  providers: [RealtimeGateway, CasePresentedService],
})
export class RealtimeModule {}
