import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/index.js';
import { EvaluationModule } from '../evaluation/index.js';
import { RulesModule } from '../rules/index.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { Dc09HandlerService } from './dc09-handler.service.js';
import { Dc09TcpReceiver } from './dc09-tcp.receiver.js';
import { Dc09UdpReceiver } from './dc09-udp.receiver.js';
import { ReceiverStatsService } from './receiver-stats.service.js';
import { SignalIngestService } from './signal-ingest.service.js';
import { SignalWriterService } from './signal-writer.service.js';
import { SignalsController } from './signals.controller.js';
import { SupervisionTrackerService } from './supervision-tracker.service.js';
import { TransmitterDirectoryService } from './transmitter-directory.service.js';

@Module({
  imports: [RulesModule, CasesModule, EvaluationModule],
  controllers: [SignalsController],
  providers: [
    ApiKeyGuard,
    SignalIngestService,
    SignalWriterService,
    TransmitterDirectoryService,
    SupervisionTrackerService,
    ReceiverStatsService,
    Dc09HandlerService,
    Dc09TcpReceiver,
    Dc09UdpReceiver,
  ],
  exports: [ReceiverStatsService, SignalWriterService, Dc09TcpReceiver, Dc09UdpReceiver],
})
export class IngestModule {}
