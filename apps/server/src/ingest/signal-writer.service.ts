import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlarmCategory, EventProtocol, SignalKind } from '@arc/shared';
import type { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import type { SignalSource } from './entities/signal.entity.js';

export interface NewSignal {
  source: SignalSource;
  raw: string;
  account: string;
  transmitterId: string | null;
  protocol: EventProtocol;
  code: string;
  zone: string | null;
  area: string | null;
  text: string | null;
  kind: SignalKind;
  category: AlarmCategory | null;
  occurredAt: Date | null;
  dedupKey: string | null;
}

export interface StoredSignal {
  id: string;
  duplicate: boolean;
  caseId: string | null;
}

/**
 * The only writer of the signals table. A signal is durable when `store` resolves; only
 * then may the sender be told it was received (guarantee 1).
 */
@Injectable()
export class SignalWriterService {
  private readonly logger = new Logger(SignalWriterService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async store(signal: NewSignal): Promise<StoredSignal> {
    try {
      const inserted: { id: string }[] = await this.dataSource.query(
        `INSERT INTO signals (source, raw, account, transmitter_id, protocol, code, zone, area, text, kind, category,
                              occurred_at, dedup_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (account, dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [
          signal.source,
          signal.raw,
          signal.account,
          signal.transmitterId,
          signal.protocol,
          signal.code,
          signal.zone,
          signal.area,
          signal.text,
          signal.kind,
          signal.category,
          signal.occurredAt,
          signal.dedupKey,
        ],
      );
      if (inserted[0]) return { id: String(inserted[0].id), duplicate: false, caseId: null };
      const existing: { id: string; case_id: string | null }[] = await this.dataSource.query(
        `SELECT id, case_id FROM signals WHERE account = $1 AND dedup_key = $2`,
        [signal.account, signal.dedupKey],
      );
      return { id: String(existing[0]!.id), duplicate: true, caseId: existing[0]!.case_id };
    } catch (error) {
      this.logger.error({ err: error, account: signal.account }, 'Could not store signal');
      throw new AppError('STORAGE_UNAVAILABLE', 'The signal could not be stored; retry later');
    }
  }
}
