import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { type SessionUser } from '@arc/shared/auth';
import {
  DirectoryImportQuerySchema,
  type DirectoryImportReport,
  type DirectoryTransferDocument,
} from '@arc/shared/directory-transfer';
import type { Request, Response } from 'express';
import { Roles } from '../../common/auth/auth.decorators.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { DirectoryTransferService } from './directory-transfer.service.js';
import { readImportBody } from './large-body.js';

@Controller('directory')
@Roles('admin')
export class DirectoryTransferController {
  constructor(private readonly transfer: DirectoryTransferService) {}

  @Get('export')
  export(): Promise<DirectoryTransferDocument> {
    return this.transfer.export();
  }

  /** 201 written, 200 a clean dry run, 422 rejected (the report names every bad row; nothing written). */
  @Post('import')
  async import(
    @Query({ schema: DirectoryImportQuerySchema }) query: { dryRun: boolean },
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CurrentUser() user: SessionUser,
  ): Promise<DirectoryImportReport> {
    const document = await readImportBody(request);
    const report = await this.transfer.import(document, query.dryRun, user.id);
    response.status(!report.valid ? 422 : query.dryRun ? 200 : 201);
    return report;
  }
}
