import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SecretBox } from '../common/secret-box.js';
import { APP_CONFIG } from '../config/config.module.js';
import { SupervisionService } from '../rules/index.js';
import type { AppConfig } from '../config/config.schema.js';
import { parseDc09Key } from './dc09/dc09-crypto.js';
import type { ExpectedProtocol, TransmitterInfo } from './signal-types.js';

export type { ExpectedProtocol, TransmitterInfo } from './signal-types.js';

interface TransmitterRow {
  id: string;
  account: string;
  site_id: string;
  protocol: ExpectedProtocol;
  encryption_key_sealed: string | null;
  require_encryption: boolean;
  supervision_interval_seconds: number | null;
  last_seen_at: Date | null;
  updated_at: Date;
}

const REFRESH_MS = 5_000;
/** Deleted transmitters and changed accounts leave no updated row behind: reload everything now and then. */
const FULL_RELOAD_MS = 60_000;
const NEGATIVE_TTL_MS = 10_000;

/**
 * An in-memory copy of the transmitters, so the receiver does not ask PostgreSQL for every
 * frame. Loaded at start, refreshed every few seconds from `updated_at`; an account not in
 * memory is looked up once and remembered as unknown for a short while.
 */
@Injectable()
export class TransmitterDirectoryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TransmitterDirectoryService.name);
  private byAccount = new Map<string, TransmitterInfo>();
  private readonly accountOfId = new Map<string, string>();
  private lastFullReload = 0;
  private readonly unknownUntil = new Map<string, number>();
  private readonly box: SecretBox;
  private syncedUpTo = new Date(0);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly supervision: SupervisionService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.secretsKey);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reloadAll();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.logger.warn({ err: error }, 'Transmitter refresh failed'));
    }, REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The transmitter of an account, or null when the directory has none. */
  async find(account: string): Promise<TransmitterInfo | null> {
    const known = this.byAccount.get(account);
    if (known) return known;
    const until = this.unknownUntil.get(account);
    if (until !== undefined && until > Date.now()) return null;
    const rows: TransmitterRow[] = await this.dataSource.query(`${SELECT} WHERE account = $1`, [account]);
    if (rows[0]) return this.remember(rows[0]);
    this.unknownUntil.set(account, Date.now() + NEGATIVE_TTL_MS);
    return null;
  }

  async refresh(): Promise<void> {
    if (Date.now() - this.lastFullReload > FULL_RELOAD_MS) {
      await this.reloadAll();
      return;
    }
    // Re-read a little overlap: a row committed late with an older updated_at is not missed.
    const since = new Date(this.syncedUpTo.getTime() - 2 * REFRESH_MS);
    const rows: TransmitterRow[] = await this.dataSource.query(`${SELECT} WHERE updated_at > $1`, [since]);
    for (const row of rows) {
      this.remember(row);
      if (row.updated_at > this.syncedUpTo) this.syncedUpTo = row.updated_at;
    }
    await this.superviseChanged(rows);
  }

  /**
   * A new transmitter, or one whose interval changed, gets a supervision deadline from its last
   * message (or from the change): one that never reports must still be missed.
   */
  private async superviseChanged(rows: TransmitterRow[]): Promise<void> {
    const deadlines = new Map<string, number>();
    for (const row of rows) {
      if (!row.supervision_interval_seconds) continue;
      const heard = (row.last_seen_at ?? row.updated_at).getTime();
      deadlines.set(row.id, this.supervision.deadlineAfter(heard, row.supervision_interval_seconds));
    }
    await this.supervision.setDeadlines(deadlines);
  }

  private async reloadAll(): Promise<void> {
    const rows: TransmitterRow[] = await this.dataSource.query(SELECT);
    this.byAccount = new Map();
    this.accountOfId.clear();
    for (const row of rows) {
      this.remember(row);
      if (row.updated_at > this.syncedUpTo) this.syncedUpTo = row.updated_at;
    }
    this.lastFullReload = Date.now();
  }

  private remember(row: TransmitterRow): TransmitterInfo {
    const info: TransmitterInfo = {
      id: row.id,
      account: row.account,
      siteId: row.site_id,
      protocol: row.protocol,
      key: this.openKey(row),
      requireEncryption: row.require_encryption,
      supervisionIntervalSeconds: row.supervision_interval_seconds,
    };
    // An account changed by an update no longer names this transmitter.
    const previous = this.accountOfId.get(row.id);
    if (previous !== undefined && previous !== row.account) this.byAccount.delete(previous);
    this.accountOfId.set(row.id, row.account);
    this.byAccount.set(row.account, info);
    this.unknownUntil.delete(row.account);
    return info;
  }

  private openKey(row: TransmitterRow): Buffer | null {
    if (!row.encryption_key_sealed) return null;
    try {
      return parseDc09Key(this.box.open(row.encryption_key_sealed));
    } catch (error) {
      // A key we cannot open makes encrypted frames of this account unreadable (DUH), never a crash.
      this.logger.error({ account: row.account, err: (error as Error).message }, 'Transmitter key cannot be opened');
      return null;
    }
  }
}

const SELECT = `SELECT id, account, site_id, protocol, encryption_key_sealed, require_encryption, supervision_interval_seconds,
                       last_seen_at, updated_at
                  FROM transmitters`;
