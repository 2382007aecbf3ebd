import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { classifyEventCode, type IngestSignalRequest, type IngestSignalResponse } from '@arc/shared';
import type { Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { TransmitterEntity } from '../directory/entities/transmitter.entity.js';
import { CasesService } from '../cases/cases.service.js';
import { RulesService } from '../rules/rules.service.js';
import { SignalWriterService } from './signal-writer.service.js';

/** Stores a signal received over HTTP, then has the rules evaluate it. */
@Injectable()
export class SignalIngestService {
  constructor(
    @InjectRepository(TransmitterEntity) private readonly transmitters: Repository<TransmitterEntity>,
    private readonly writer: SignalWriterService,
    private readonly rules: RulesService,
    private readonly cases: CasesService,
  ) {}

  async ingestHttp(request: IngestSignalRequest): Promise<IngestSignalResponse> {
    const event = classifyEventCode(request.code);
    // Over HTTP the caller can fix its request, so an unknown code is refused before anything is stored.
    if (!event) throw new AppError('UNKNOWN_EVENT_CODE', `Unknown event code "${request.code}"`);

    const transmitter = await this.transmitters.findOneBy({ account: request.account });
    const stored = await this.writer.store({
      source: 'http',
      raw: JSON.stringify(request),
      account: request.account,
      transmitterId: transmitter?.id ?? null,
      protocol: event.protocol,
      code: request.code,
      zone: request.zone ?? null,
      area: request.area ?? null,
      text: request.text ?? null,
      kind: event.kind,
      category: event.category,
      occurredAt: request.occurredAt ? new Date(request.occurredAt) : null,
      dedupKey: request.eventId ? `http:${request.eventId}` : null,
    });
    const caseId = stored.duplicate ? stored.caseId : (await this.rules.evaluate(stored.id)).caseId;
    const caseNo = caseId ? ((await this.cases.summary(caseId))?.caseNo ?? null) : null;
    return {
      signalId: stored.id,
      duplicate: stored.duplicate,
      kind: event.kind,
      category: event.category,
      caseId,
      caseNo,
      unknownTransmitter: transmitter === null,
    };
  }
}
