import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CASES_QUEUE, CasesModule } from '../cases/index.js';
import { RulesModule } from '../rules/index.js';
import { CallerVerificationService } from './caller-verification.service.js';
import { IntakeActionsService } from './intake-actions.service.js';
import { IntakeController } from './intake.controller.js';
import { IntakeEventsBus } from './intake-events.bus.js';
import { IntakeService } from './intake.service.js';
import { ManagerMessagesService } from './manager-messages.service.js';

/**
 * Phone intake. It sets service modes and block windows through RulesModule's own window services
 * (so exactly their limits, audit and timers), and cases through the cases module's API. The
 * events bus is exported for the realtime gateway.
 */
@Module({
  imports: [AuditModule, CasesModule, RulesModule, BullModule.registerQueue({ name: CASES_QUEUE })],
  controllers: [IntakeController],
  providers: [IntakeService, CallerVerificationService, IntakeActionsService, IntakeEventsBus, ManagerMessagesService],
  exports: [IntakeEventsBus],
})
export class IntakeModule {}
