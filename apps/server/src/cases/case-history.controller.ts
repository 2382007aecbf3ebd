import { Controller, Get, Query } from '@nestjs/common';
import { ClosedCaseQuerySchema, type ClosedCasePage, type ClosedCaseQuery } from '@arc/shared/case-history';
import { Roles } from '../common/auth/auth.decorators.js';
import { CaseHistoryService } from './case-history.service.js';

/** The case history: closed cases found by period, site, account, category, result and operator. */
@Controller('cases')
export class CaseHistoryController {
  constructor(private readonly history: CaseHistoryService) {}

  @Roles('operator', 'supervisor', 'admin')
  @Get('closed')
  closed(@Query({ schema: ClosedCaseQuerySchema }) query: ClosedCaseQuery): Promise<ClosedCasePage> {
    return this.history.closed(query);
  }
}
