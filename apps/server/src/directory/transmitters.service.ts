import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SessionUser } from '@arc/shared/auth';
import {
  dc09KeyHex,
  type Dc09Key,
  type Page,
  type Transmitter,
  type TransmitterInputSchema,
  type TransmitterListQuerySchema,
} from '@arc/shared/directory';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/index.js';
import { AppError } from '../common/app-error.js';
import { SecretBox } from '../common/secret-box.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import {
  count,
  Filter,
  isUniqueViolation,
  likePattern,
  pageOf,
  requireRow,
  throwNotFound,
} from '../database/sql-kit.js';
import { TRANSMITTER_COLUMNS, findTransmitter, lockSignalsForDelete, toTransmitter } from './transmitters-db.js';

type TransmitterData = z.output<typeof TransmitterInputSchema>;
type TransmitterQuery = z.output<typeof TransmitterListQuerySchema>;

/**
 * Transmitters. Every write sets updated_at = now(): the DC-09 receiver's in-memory copy
 * refreshes from that column every few seconds. The AES key is write-only and sealed at rest.
 */
@Injectable()
export class TransmittersService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.secretsKey);
  }

  list(query: TransmitterQuery): Promise<Page<Transmitter>> {
    const filter = new Filter();
    if (query.siteId) filter.add('site_id = ?', query.siteId);
    if (query.q) filter.add('account ILIKE ?', likePattern(query.q));
    return pageOf(
      this.dataSource,
      { select: TRANSMITTER_COLUMNS, from: 'transmitters', filter, orderBy: 'account' },
      query,
      toTransmitter,
    );
  }

  async get(id: string): Promise<Transmitter> {
    return (await findTransmitter(this.dataSource, id)) ?? throwNotFound('transmitter', id);
  }

  async create(user: SessionUser, input: TransmitterData): Promise<Transmitter> {
    const requireEncryption = input.requireEncryption ?? false;
    requireKeyFor(requireEncryption, Boolean(input.encryptionKey));
    return this.guardAccount(input, () =>
      this.dataSource.transaction(async (m) => {
        await requireRow(m, 'sites', input.siteId, 'siteId', 'site');
        const [row] = (await m.query(
          `INSERT INTO transmitters (account, site_id, protocol, encryption_key_sealed, require_encryption,
                                     supervision_interval_seconds, input_category, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, now()) RETURNING id`,
          [
            input.account,
            input.siteId,
            input.protocol,
            this.sealKey(input.encryptionKey),
            requireEncryption,
            input.supervisionIntervalSeconds,
            input.inputCategory,
          ],
        )) as { id: string }[];
        const transmitter = (await findTransmitter(m, row!.id))!;
        await this.audit.record(m, {
          actorUserId: user.id,
          action: 'CREATE',
          entity: 'transmitter',
          entityId: transmitter.id,
          after: { ...transmitter },
        });
        return transmitter;
      }),
    );
  }

  async update(user: SessionUser, id: string, input: TransmitterData): Promise<Transmitter> {
    return this.guardAccount(input, () =>
      this.dataSource.transaction(async (m) => {
        const before = (await findTransmitter(m, id, true)) ?? throwNotFound('transmitter', id);
        await requireRow(m, 'sites', input.siteId, 'siteId', 'site');
        // Omitted keeps the stored key (and the stored requireEncryption); null removes the key.
        const keyChange = input.encryptionKey === undefined ? 'keep' : 'set';
        const requireEncryption = input.requireEncryption ?? before.requireEncryption;
        requireKeyFor(requireEncryption, keyChange === 'keep' ? before.encrypted : Boolean(input.encryptionKey));
        await m.query(
          `UPDATE transmitters SET account = $1, site_id = $2, protocol = $3, supervision_interval_seconds = $4,
                  input_category = $5,
                  encryption_key_sealed = CASE WHEN $6 = 'keep' THEN encryption_key_sealed ELSE $7 END,
                  require_encryption = $8, updated_at = now()
            WHERE id = $9`,
          [
            input.account,
            input.siteId,
            input.protocol,
            input.supervisionIntervalSeconds,
            input.inputCategory,
            keyChange,
            this.sealKey(input.encryptionKey),
            requireEncryption,
            id,
          ],
        );
        const after = (await findTransmitter(m, id))!;
        await this.audit.record(m, {
          actorUserId: user.id,
          action: 'UPDATE',
          entity: 'transmitter',
          entityId: id,
          before: { ...before },
          // The key never reaches the log, only the fact that it was replaced.
          after: { ...after, ...(input.encryptionKey ? { encryptionKey: '***' } : {}) },
        });
        return after;
      }),
    );
  }

  async remove(user: SessionUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = (await findTransmitter(m, id, true)) ?? throwNotFound('transmitter', id);
      // No foreign key guards signals.transmitter_id (migration 1766200000000): until this commits,
      // no signal can be stored, so none for this transmitter after the count.
      await lockSignalsForDelete(m);
      const signals = await count(m, `SELECT count(*) AS n FROM signals WHERE transmitter_id = $1`, [id]);
      if (signals > 0) {
        throw new AppError(
          'CONFLICT',
          `transmitter ${before.account} has ${signals} stored signal(s) and cannot be deleted`,
          { key: 'transmitterHasSignals', params: { account: before.account, count: signals } },
        );
      }
      await m.query(`DELETE FROM transmitters WHERE id = $1`, [id]);
      await this.audit.record(m, {
        actorUserId: user.id,
        action: 'DELETE',
        entity: 'transmitter',
        entityId: id,
        before: { ...before },
      });
    });
  }

  /** Keys are sealed as the hex of their bytes, whatever format they were entered in. */
  private sealKey(key: Dc09Key | null | undefined): string | null {
    return key ? this.box.seal(dc09KeyHex(key)) : null;
  }

  private async guardAccount<T>(input: TransmitterData, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'transmitters_account_key')) {
        throw new AppError('CONFLICT', `account: ${input.account} is already used by another transmitter`, {
          key: 'accountTaken',
          params: { account: input.account },
        });
      }
      throw error;
    }
  }
}

/** Requiring encryption without a key would refuse everything the transmitter sends. */
function requireKeyFor(requireEncryption: boolean, hasKey: boolean): void {
  if (requireEncryption && !hasKey) {
    throw new AppError(
      'UNPROCESSABLE',
      'requireEncryption: needs a key; give encryptionKey, or set requireEncryption to false',
      { key: 'encryptionNeedsKey' },
    );
  }
}
