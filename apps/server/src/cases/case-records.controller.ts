import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import { type CaseSummary } from '@arc/shared/case';
import {
  CaseNoteInputSchema,
  CloseCaseInputSchema,
  ContactAttemptInputSchema,
  StepTickInputSchema,
  type CaseDetail,
  type CaseNote,
  type CaseStep,
  type ContactAttempt,
} from '@arc/shared/case-handling';
import type { z } from 'zod';
import { Roles } from '../common/auth/auth.decorators.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { IdParam } from '../common/http/params.js';
import { CaseDetailService } from './case-detail.service.js';
import { CaseRecordsService } from './case-records.service.js';

/** Everyone on duty works cases; who may write what is decided per case (the holder, supervisors). */
const OnDuty = () => Roles('operator', 'supervisor', 'admin');

/**
 * The case screen: read one case, record contact attempts, tick action-plan steps, add notes and
 * close. Literal paths (`mine`) are declared before `:id`.
 */
@Controller('cases')
export class CaseRecordsController {
  constructor(
    private readonly details: CaseDetailService,
    private readonly records: CaseRecordsService,
  ) {}

  @OnDuty()
  @Get('mine')
  mine(@CurrentUser() user: SessionUser): Promise<CaseSummary[]> {
    return this.details.mine(user);
  }

  @OnDuty()
  @Get(':id')
  get(@IdParam() id: string): Promise<CaseDetail> {
    return this.details.detail(id);
  }

  @OnDuty()
  @Post(':id/attempts')
  addAttempt(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: ContactAttemptInputSchema }) body: z.output<typeof ContactAttemptInputSchema>,
  ): Promise<ContactAttempt> {
    return this.records.addAttempt(user, id, body);
  }

  @OnDuty()
  @Post(':id/steps/:stepId/tick')
  @HttpCode(200)
  tickStep(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @IdParam('stepId') stepId: string,
    @Body({ schema: StepTickInputSchema }) body: z.output<typeof StepTickInputSchema>,
  ): Promise<CaseStep> {
    return this.records.tickStep(user, id, stepId, body);
  }

  @OnDuty()
  @Post(':id/notes')
  addNote(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: CaseNoteInputSchema }) body: z.output<typeof CaseNoteInputSchema>,
  ): Promise<CaseNote> {
    return this.records.addNote(user, id, body);
  }

  @OnDuty()
  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: CloseCaseInputSchema }) body: z.output<typeof CloseCaseInputSchema>,
  ): Promise<CaseDetail> {
    return this.records.close(user, id, body);
  }
}
