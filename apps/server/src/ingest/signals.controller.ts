import { Body, Controller, Post, Res, UseGuards } from '@nestjs/common';
import { IngestSignalSchema, type IngestSignalRequest, type IngestSignalResponse } from '@arc/shared/signal';
import type { Response } from 'express';
import { Public } from '../common/auth/auth.decorators.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { SignalIngestService } from './signal-ingest.service.js';

@Controller('signals')
export class SignalsController {
  constructor(private readonly ingest: SignalIngestService) {}

  /** 201 when stored, 200 when the same eventId was already stored (nothing new written). */
  @Public()
  @UseGuards(ApiKeyGuard)
  @Post()
  async create(
    @Body({ schema: IngestSignalSchema }) body: IngestSignalRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IngestSignalResponse> {
    const result = await this.ingest.ingestHttp(body);
    response.status(result.duplicate ? 200 : 201);
    return result;
  }
}
