import { Injectable } from '@nestjs/common';
import { classifyEventCode } from '@arc/shared/event-codes';
import { type IngestSignalRequest, type IngestSignalResponse } from '@arc/shared/signal';
import { AppError } from '../common/app-error.js';
import { CaseSummariesService } from '../cases/index.js';
import { EvaluationDispatcherService } from '../evaluation/index.js';
import { SignalWriterService } from './signal-writer.service.js';
import { SupervisionTrackerService } from './supervision-tracker.service.js';
import { TransmitterDirectoryService } from './transmitter-directory.service.js';

/**
 * Stores a signal received over HTTP through the same writer as the DC-09 receiver, then has
 * the rules evaluate it in its account's lane (so the answer can name the case).
 *
 * Supervision: any signal received from a known transmitter, over DC-09 or over HTTP, counts as
 * "heard" — it updates last seen and moves the supervision deadline, as a DC-09 frame does. The
 * centre cannot tell from its side which path a link test would have taken, and a fire alarm
 * that arrived proves the transmitter is alive and reaching the centre.
 */
@Injectable()
export class SignalIngestService {
  constructor(
    private readonly directory: TransmitterDirectoryService,
    private readonly writer: SignalWriterService,
    private readonly dispatcher: EvaluationDispatcherService,
    private readonly cases: CaseSummariesService,
    private readonly supervision: SupervisionTrackerService,
  ) {}

  async ingestHttp(request: IngestSignalRequest): Promise<IngestSignalResponse> {
    const event = classifyEventCode(request.code);
    // Over HTTP the caller can fix its request, so an unknown code is refused before anything is stored.
    if (!event) {
      throw new AppError('UNKNOWN_EVENT_CODE', `Unknown event code "${request.code}"`, {
        key: 'unknownEventCode',
        params: { code: request.code },
      });
    }

    const transmitter = await this.directory.find(request.account);
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
    // Heard now (also for a repeated eventId: the sender is alive), after the signal is stored.
    if (transmitter) this.supervision.touch(transmitter);
    const result = stored.duplicate ? null : await this.dispatcher.evaluate(stored.id, event.category, request.account);
    const caseId = result ? result.caseId : stored.caseId;
    const decision = result && result.decision !== 'ALREADY_EVALUATED' ? result.decision : null;
    const caseNo = caseId ? ((await this.cases.summary(caseId))?.caseNo ?? null) : null;
    return {
      signalId: stored.id,
      duplicate: stored.duplicate,
      kind: event.kind,
      category: event.category,
      caseId,
      caseNo,
      decision,
      unknownTransmitter: transmitter === null,
    };
  }
}
