import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { TransmitterEntity } from '../directory/entities/transmitter.entity.js';
import { RulesModule } from '../rules/rules.module.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { SignalIngestService } from './signal-ingest.service.js';
import { SignalWriterService } from './signal-writer.service.js';
import { SignalsController } from './signals.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([TransmitterEntity]), RulesModule, CasesModule],
  controllers: [SignalsController],
  providers: [SignalIngestService, SignalWriterService, ApiKeyGuard],
})
export class IngestModule {}
