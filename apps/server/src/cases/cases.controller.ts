import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import { type CaseSummary } from '@arc/shared/case';
import {
  AssignCaseInputSchema,
  PutBackInputSchema,
  TakeNextInputSchema,
  type CaseDetail,
  type OperatorPresence,
} from '@arc/shared/case-handling';
import type { Response } from 'express';
import type { z } from 'zod';
import { Roles } from '../common/auth/auth.decorators.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { IdParam } from '../common/http/params.js';
import { CaseAckService } from './case-ack.service.js';
import { CaseDetailService } from './case-detail.service.js';
import { CaseHandlingService } from './case-handling.service.js';

const CanWork = () => Roles('operator', 'supervisor', 'admin');
const Supervises = () => Roles('supervisor', 'admin');

/** Taking and handing over cases; the records of a case are in CaseRecordsController. */
@Controller('cases')
export class CasesController {
  constructor(
    private readonly handling: CaseHandlingService,
    private readonly details: CaseDetailService,
    private readonly ack: CaseAckService,
  ) {}

  /** The top case of the queue, now held by the caller; 204 when nothing waits. */
  @CanWork()
  @Post('take-next')
  async takeNext(
    @CurrentUser() user: SessionUser,
    @Res({ passthrough: true }) response: Response,
    @Body({ schema: TakeNextInputSchema }) body: z.output<typeof TakeNextInputSchema>,
  ): Promise<CaseDetail | undefined> {
    const caseId = await this.handling.takeNext(user, body?.becomeAvailable === true);
    if (!caseId) {
      response.status(204);
      return undefined;
    }
    response.status(200);
    return this.details.detail(caseId);
  }

  @CanWork()
  @Post(':id/put-back')
  @HttpCode(200)
  putBack(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: PutBackInputSchema }) body: z.output<typeof PutBackInputSchema>,
  ): Promise<CaseSummary> {
    return this.handling.putBack(user, id, body.reason);
  }

  /** The holder acknowledges a case given to them (site sticks, supervisor); idempotent. */
  @CanWork()
  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<CaseSummary> {
    return this.ack.acknowledge(user, id);
  }

  @Supervises()
  @Post(':id/assign')
  @HttpCode(200)
  assign(
    @CurrentUser() user: SessionUser,
    @IdParam() id: string,
    @Body({ schema: AssignCaseInputSchema }) body: z.output<typeof AssignCaseInputSchema>,
  ): Promise<CaseSummary> {
    return this.handling.assign(user, id, body.userId);
  }

  @Supervises()
  @Post(':id/move-to-top')
  @HttpCode(200)
  moveToTop(@CurrentUser() user: SessionUser, @IdParam() id: string): Promise<CaseSummary> {
    return this.handling.moveToTop(user, id);
  }

  @Supervises()
  @Get('operators')
  operators(): Promise<OperatorPresence[]> {
    return this.handling.operators();
  }
}
