import { Controller, Get, Query } from '@nestjs/common';
import { AuditQuerySchema, type AuditEntry, type Page } from '@arc/shared/directory';
import type { z } from 'zod';
import { Roles } from '../common/auth/auth.decorators.js';
import { SiteDetailService } from './site-detail.service.js';

@Controller('audit')
export class AuditController {
  constructor(private readonly views: SiteDetailService) {}

  /** Operators do not see who changed what; supervisors and administrators do. */
  @Roles('supervisor', 'admin')
  @Get()
  list(@Query({ schema: AuditQuerySchema }) query: z.output<typeof AuditQuerySchema>): Promise<Page<AuditEntry>> {
    return this.views.audit(query);
  }
}
