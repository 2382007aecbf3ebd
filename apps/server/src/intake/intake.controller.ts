import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import { type CaseSummary } from '@arc/shared/case';
import {
  EndCallInputSchema,
  ForwardMessageInputSchema,
  IntakeBlockWindowInputSchema,
  IntakeCancelCaseInputSchema,
  IntakeEndServiceModeInputSchema,
  IntakeMessageInputSchema,
  IntakeServiceModeInputSchema,
  SetCallSiteInputSchema,
  StartCallInputSchema,
  VerifyCallerInputSchema,
  type IntakeCall,
  type ManagerMessage,
  type ManagerMessageEntry,
  type SiteStatus,
  type VerificationAttempt,
  type VerificationOutcome,
} from '@arc/shared/intake';
import { type BlockWindow, type ServiceMode } from '@arc/shared/rules';
import type { z } from 'zod';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { IdParam } from '../common/http/params.js';
import { CallerVerificationService } from './caller-verification.service.js';
import { IntakeActionsService } from './intake-actions.service.js';
import {
  CallListQuerySchema,
  MessageListQuerySchema,
  OnDuty,
  StatusQuerySchema,
  Supervising,
  VerificationListQuerySchema,
  type CallListQuery,
  type MessageListQuery,
  type VerificationListQuery,
} from './intake-params.js';
import { IntakeService } from './intake.service.js';
import { ManagerMessagesService } from './manager-messages.service.js';

/**
 * Phone intake: the operator answers a call, finds the site, verifies the caller's authority
 * password and acts within the caller's authority. Literal paths come before `:id`.
 */
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly calls: IntakeService,
    private readonly verification: CallerVerificationService,
    private readonly actions: IntakeActionsService,
    private readonly messages: ManagerMessagesService,
  ) {}

  /** The supervisors' inbox of messages for contract managers. */
  @Supervising()
  @Get('messages')
  listMessages(@Query({ schema: MessageListQuerySchema }) query: MessageListQuery): Promise<ManagerMessageEntry[]> {
    return this.messages.list(query.waiting, query.limit);
  }

  @Supervising()
  @Post('messages/:id/forwarded')
  @HttpCode(200)
  forwarded(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: ForwardMessageInputSchema }) body: z.output<typeof ForwardMessageInputSchema>,
  ): Promise<ManagerMessageEntry> {
    return this.messages.markForwarded(user, id, body.note);
  }

  @Supervising()
  @Get('verifications')
  verifications(
    @Query({ schema: VerificationListQuerySchema }) query: VerificationListQuery,
  ): Promise<VerificationAttempt[]> {
    return this.calls.verifications(query);
  }

  @Supervising()
  @Get('calls')
  list(@Query({ schema: CallListQuerySchema }) query: CallListQuery): Promise<IntakeCall[]> {
    return this.calls.list(query);
  }

  /** The signed-in operator's calls that have not ended, newest first. */
  @OnDuty()
  @Get('calls/mine/open')
  mine(@CurrentUser() user: SessionUser): Promise<IntakeCall[]> {
    return this.calls.openCallsOf(user);
  }

  @OnDuty()
  @Post('calls')
  start(
    @CurrentUser() user: SessionUser,
    @Body({ schema: StartCallInputSchema }) body: z.output<typeof StartCallInputSchema>,
  ): Promise<IntakeCall> {
    return this.calls.start(user, body);
  }

  @OnDuty()
  @Get('calls/:id')
  get(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<IntakeCall> {
    return this.calls.get(user, id);
  }

  @OnDuty()
  @Post('calls/:id/site')
  @HttpCode(200)
  setSite(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: SetCallSiteInputSchema }) body: z.output<typeof SetCallSiteInputSchema>,
  ): Promise<IntakeCall> {
    return this.calls.setSite(user, id, body);
  }

  @OnDuty()
  @Post('calls/:id/end')
  @HttpCode(200)
  end(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: EndCallInputSchema }) body: z.output<typeof EndCallInputSchema>,
  ): Promise<IntakeCall> {
    return this.calls.end(user, id, body);
  }

  @OnDuty()
  @Post('calls/:id/verify')
  @HttpCode(200)
  verify(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: VerifyCallerInputSchema }) body: z.output<typeof VerifyCallerInputSchema>,
  ): Promise<VerificationOutcome> {
    return this.verification.verify(user, id, body);
  }

  @OnDuty()
  @Post('calls/:id/service-mode')
  serviceMode(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: IntakeServiceModeInputSchema }) body: z.output<typeof IntakeServiceModeInputSchema>,
  ): Promise<ServiceMode> {
    return this.actions.serviceMode(user, id, body);
  }

  @OnDuty()
  @Post('calls/:id/end-service-mode')
  @HttpCode(200)
  endServiceMode(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: IntakeEndServiceModeInputSchema }) body: z.output<typeof IntakeEndServiceModeInputSchema>,
  ): Promise<ServiceMode> {
    return this.actions.endServiceMode(user, id, body);
  }

  @OnDuty()
  @Post('calls/:id/block-window')
  blockWindow(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: IntakeBlockWindowInputSchema }) body: z.output<typeof IntakeBlockWindowInputSchema>,
  ): Promise<BlockWindow> {
    return this.actions.blockWindow(user, id, body);
  }

  @OnDuty()
  @Post('calls/:id/cancel-case')
  @HttpCode(200)
  cancelCase(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: IntakeCancelCaseInputSchema }) body: z.output<typeof IntakeCancelCaseInputSchema>,
  ): Promise<CaseSummary> {
    return this.actions.cancelCase(user, id, body);
  }

  @OnDuty()
  @Get('calls/:id/status')
  status(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Query({ schema: StatusQuerySchema }) query: z.output<typeof StatusQuerySchema>,
  ): Promise<SiteStatus> {
    return this.actions.status(user, id, query.verificationId);
  }

  @OnDuty()
  @Post('calls/:id/message')
  message(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: IntakeMessageInputSchema }) body: z.output<typeof IntakeMessageInputSchema>,
  ): Promise<ManagerMessage> {
    return this.actions.message(user, id, body);
  }
}
