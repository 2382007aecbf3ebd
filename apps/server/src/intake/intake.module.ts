import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CASES_QUEUE } from '../cases/case-queue.service.js';
import { CasesModule } from '../cases/cases.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { BlockWindowsService } from '../rules/windows/block-windows.service.js';
import { ServiceModesService } from '../rules/windows/service-modes.service.js';
import { CallerVerificationService } from './caller-verification.service.js';
import { IntakeActionsService } from './intake-actions.service.js';
import { IntakeController } from './intake.controller.js';
import { IntakeEventsBus } from './intake-events.bus.js';
import { IntakeService } from './intake.service.js';
import { ManagerMessagesService } from './manager-messages.service.js';

/**
 * Phone intake. The window services are stateless and provided here too (WindowsModule does not
 * export them), so intake sets service modes and block windows with exactly their rules. The
 * events bus is exported for the realtime gateway.
 */
@Module({
  imports: [AuditModule, CasesModule, RulesModule, BullModule.registerQueue({ name: CASES_QUEUE })],
  controllers: [IntakeController],
  providers: [
    IntakeService,
    CallerVerificationService,
    IntakeActionsService,
    IntakeEventsBus,
    ManagerMessagesService,
    ServiceModesService,
    BlockWindowsService,
  ],
  exports: [IntakeEventsBus],
})
export class IntakeModule {}
