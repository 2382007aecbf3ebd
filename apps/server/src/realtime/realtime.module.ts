import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({
  imports: [AuthModule, CasesModule],
  providers: [RealtimeGateway],
})
export class RealtimeModule {}
