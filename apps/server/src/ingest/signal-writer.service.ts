import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { MetricsService } from '../common/metrics/metrics.service.js';
import { preparedRows } from '../database/prepared.js';
import { type AdmissionGate, EvaluationDispatcherService } from '../evaluation/index.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import type { NewSignal } from './signal-types.js';
import { fallbackSignal, isDataError, sqlState, storableSignal } from './storable-signal.js';

export type { NewSignal, SignalSource } from './signal-types.js';

export interface StoredSignal {
  id: string;
  duplicate: boolean;
  caseId: string | null;
}

interface Pending {
  signal: NewSignal;
  receivedAt: Date;
  resolve: (stored: StoredSignal) => void;
  reject: (error: unknown) => void;
}

/** The signals of one frame (or one HTTP request): always in the same batch. */
interface Frame {
  items: Pending[];
  /** Holds a fire or hold-up signal: never paced, and worth a second transaction at once. */
  urgent: boolean;
}

const MAX_CONCURRENT_FLUSHES = 2;
/**
 * While one batch is being written, the next starts beside it only with this many signals
 * waiting (or an urgent one): otherwise the signals that arrive meanwhile wait for that commit
 * and go together, one statement and one commit for many instead of one each.
 */
const SECOND_FLUSH_MIN = 64;
const REFUSED_LOG_INTERVAL_MS = 10_000;

/**
 * One statement, so one round trip on the path to the ACK: it claims the de-duplication keys
 * and inserts the signals whose key it could claim (or that have none), and it commits both
 * or neither (before, a transaction of four round trips did the same; each round trip is time
 * the transmitter waits for its ACK). Prepared once per connection (preparedRows): its text
 * never changes.
 */
const INSERT_SIGNALS = `WITH t AS (
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                              $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[],
                              $14::text[], $15::text[], $16::boolean[], $17::text[], $18::bytea[], $20::boolean[])
                WITH ORDINALITY AS t(received_at, source, raw, account, transmitter_id, protocol, code, zone, area, text,
                                     kind, category, occurred_at, dedup_key, sequence, encrypted, xdata, raw_bytes,
                                     unencrypted_from_keyed, ord)
       ),
       claimed AS (
         INSERT INTO signal_dedup (account, dedup_key, received_at)
         SELECT account, dedup_key, received_at FROM t WHERE dedup_key IS NOT NULL
         ON CONFLICT (account, dedup_key) DO UPDATE SET received_at = EXCLUDED.received_at
           WHERE signal_dedup.received_at < EXCLUDED.received_at - make_interval(secs => $19)
         RETURNING account, dedup_key
       ),
       stored AS (
       INSERT INTO signals (received_at, source, raw, account, transmitter_id, protocol, code, zone, area, text, kind,
                            category, occurred_at, dedup_key, sequence, encrypted, xdata, raw_bytes,
                            unencrypted_from_keyed)
       SELECT received_at, source, raw, account,
              -- A transmitter deleted since it was cached must not fail the whole batch.
              (SELECT tr.id FROM transmitters tr WHERE tr.id = t.transmitter_id), protocol, code, zone, area, text, kind,
              category, occurred_at, dedup_key, sequence, encrypted,
              -- The blocks of a signal travel as one JSON array: any character may be inside a block.
              CASE WHEN xdata IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(xdata::jsonb)) END,
              raw_bytes, unencrypted_from_keyed
         FROM t
        WHERE t.dedup_key IS NULL
           OR EXISTS (SELECT 1 FROM claimed c WHERE c.account = t.account AND c.dedup_key = t.dedup_key)
        ORDER BY ord
       RETURNING id, account, dedup_key, category, received_at
       ),
       -- Waits for evaluation, committed with the signal (signal_backlog, migration 1766100000000).
       queued AS (INSERT INTO signal_backlog (signal_id, category, received_at)
                  SELECT id, category, received_at FROM stored)
       SELECT id, account, dedup_key FROM stored`;

/**
 * The only writer of the signals table, with group commit: signals that arrive together are
 * written in one transaction, and each caller's promise resolves only after that commit
 * (guarantee 1: the sender may be told "received" only then). A retransmission within the
 * de-duplication window is not stored again; its caller gets the first copy's id (guarantee 2).
 *
 * One signal never fails the others of its batch (guarantee 8): text is made storable before
 * it is queued, and should PostgreSQL still refuse the data of a batch, the batch is split in
 * halves until the refused row stands alone; that row is stored without the details that may
 * be the cause, or, failing that, refused on its own. Each statement commits its claims and
 * rows together, so splitting never stores a retransmission twice. Only a failure that is not
 * about the data (PostgreSQL down) fails the batch and marks storage unhealthy.
 */
@Injectable()
export class SignalWriterService {
  private readonly logger = new Logger(SignalWriterService.name);
  private queue: Frame[] = [];
  private queuedSignals = 0;
  private queuedUrgent = 0;
  private flushing = 0;
  private scheduled = false;
  /** Waiting for the admission gate to open (evaluation to catch up). */
  private gateWait = false;
  private readonly gate: AdmissionGate | null;
  private healthy = true;
  private lastError: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    dispatcher: EvaluationDispatcherService,
    metrics: MetricsService,
  ) {
    this.gate = dispatcher.admission;
    metrics.watchIngest(() => ({ waiting: this.queuedSignals, paced: this.gate?.pacing ?? false }));
  }

  /** Stores one signal; resolves after commit. Rejects with STORAGE_UNAVAILABLE when PostgreSQL fails. */
  store(signal: NewSignal): Promise<StoredSignal> {
    return this.storeAll([signal]).then((stored) => stored[0]!);
  }

  /** Stores signals that must be committed together (the events of one frame). */
  storeAll(signals: NewSignal[]): Promise<StoredSignal[]> {
    const receivedAt = new Date();
    const frame: Frame = { items: [], urgent: signals.some((s) => s.category === 'FIRE' || s.category === 'HOLDUP') };
    const promises = signals.map(
      (signal) =>
        new Promise<StoredSignal>((resolve, reject) =>
          frame.items.push({ signal: storableSignal(signal), receivedAt, resolve, reject }),
        ),
    );
    if (frame.items.length > 0) {
      this.queue.push(frame);
      this.queuedSignals += frame.items.length;
      if (frame.urgent) this.queuedUrgent += 1;
    }
    this.schedule();
    return Promise.all(promises);
  }

  get storageHealthy(): boolean {
    return this.healthy;
  }

  get storageError(): string | null {
    return this.lastError;
  }

  /** Signals waiting to be written (also those held while evaluation catches up). */
  get pendingCount(): number {
    return this.queuedSignals;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing >= MAX_CONCURRENT_FLUSHES || this.queue.length === 0) return;
    // Held by the gate: only an urgent frame is worth a flush until the gate wakes the writer.
    if (this.gateWait && this.queuedUrgent === 0) return;
    if (this.flushing > 0 && this.queuedSignals < SECOND_FLUSH_MIN && this.queuedUrgent === 0) return;
    this.scheduled = true;
    // One tick lets the frames that arrived together join the same transaction.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /**
   * The next batch, frames in arrival order up to SIGNAL_BATCH_MAX signals. While the admission
   * gate paces ingest, frames that are not urgent are taken only as far as it allows; the
   * others wait in order, and urgent frames behind them go first.
   */
  private takeBatch(): Pending[] {
    const max = this.config.ingest.batchMax;
    const allowance = this.gate?.allowance() ?? Number.POSITIVE_INFINITY;
    const batch: Pending[] = [];
    const held: Frame[] = [];
    let ordinary = 0;
    let i = 0;
    for (; i < this.queue.length; i += 1) {
      const frame = this.queue[i]!;
      if (batch.length > 0 && batch.length + frame.items.length > max) break;
      if (frame.urgent) {
        this.queuedUrgent -= 1;
      } else if (ordinary + frame.items.length > allowance) {
        held.push(frame);
        continue;
      } else {
        ordinary += frame.items.length;
      }
      batch.push(...frame.items);
    }
    if (held.length > 0 || batch.length > 0)
      this.queue = held.length > 0 ? held.concat(this.queue.slice(i)) : this.queue.slice(i);
    this.queuedSignals -= batch.length;
    if (ordinary > 0) this.gate?.admitted(ordinary);
    return batch;
  }

  private async flush(): Promise<void> {
    if (this.queue.length === 0) return;
    const batch = this.takeBatch();
    if (batch.length === 0) {
      // Everything waiting is paced: the gate wakes the writer when evaluation has caught up.
      if (!this.gateWait) {
        this.gateWait = true;
        this.gate!.whenOpen(() => {
          this.gateWait = false;
          this.schedule();
        });
      }
      return;
    }
    this.flushing += 1;
    try {
      await this.writeIsolating(batch);
      if (!this.healthy) this.logger.log('PostgreSQL is storing signals again');
      this.healthy = true;
      this.lastError = null;
    } catch (error) {
      if (this.healthy) this.logger.error({ err: error }, 'Could not store signals: no acknowledgement is sent');
      this.healthy = false;
      this.lastError = (error as Error).message;
      const failure = new AppError('STORAGE_UNAVAILABLE', 'The signal could not be stored; retry later', {
        key: 'signalNotStored',
      });
      // Signals already committed by an earlier part of the batch stay resolved.
      for (const pending of batch) pending.reject(failure);
    } finally {
      this.flushing -= 1;
      this.schedule();
    }
  }

  /** Writes the batch and settles each signal's promise; throws only when PostgreSQL cannot store. */
  private async writeIsolating(batch: Pending[]): Promise<void> {
    let results: StoredSignal[];
    try {
      results = await this.writeBatch(batch);
    } catch (error) {
      if (!isDataError(error)) throw error;
      if (batch.length === 1) return this.writeRefused(batch[0]!, error);
      const half = Math.ceil(batch.length / 2);
      await this.writeIsolating(batch.slice(0, half));
      await this.writeIsolating(batch.slice(half));
      return;
    }
    batch.forEach((pending, i) => pending.resolve(results[i]!));
  }

  /** A signal PostgreSQL refused on its own: store it without its details rather than lose the alarm. */
  private async writeRefused(pending: Pending, error: unknown): Promise<void> {
    const { account } = pending.signal;
    try {
      const [stored] = await this.writeBatch([{ ...pending, signal: fallbackSignal(pending.signal) }]);
      this.logRefused('warn', { err: error, account, sqlState: sqlState(error) }, 'stored without its details');
      pending.resolve(stored!);
    } catch (again) {
      if (!isDataError(again)) throw again;
      this.logRefused(
        'error',
        { err: again, account, sqlState: sqlState(again) },
        'not stored even without its details, so not acknowledged',
      );
      pending.reject(
        new AppError('UNPROCESSABLE', 'The signal could not be stored as sent', { key: 'signalNotStorable' }),
      );
    }
  }

  private lastRefusedLog = 0;

  /** A sender that repeats a refused signal must not flood the log: once per interval. */
  private logRefused(level: 'warn' | 'error', context: Record<string, unknown>, what: string): void {
    const now = Date.now();
    if (now - this.lastRefusedLog < REFUSED_LOG_INTERVAL_MS) return;
    this.lastRefusedLog = now;
    this.logger[level](context, `PostgreSQL refused a signal: ${what}`);
  }

  /** Writes the batch in one statement (INSERT_SIGNALS); a duplicate gets the stored copy's id. */
  private async writeBatch(batch: Pending[]): Promise<StoredSignal[]> {
    const results: (StoredSignal | undefined)[] = new Array(batch.length);
    // The first of each (account, key) in the batch is the candidate; later ones are its duplicates.
    const firstOfKey = new Map<string, number>();
    const sameAs = new Map<number, number>();
    batch.forEach((pending, i) => {
      const { dedupKey, account } = pending.signal;
      if (dedupKey === null) return;
      const id = `${account}\u0000${dedupKey}`;
      const first = firstOfKey.get(id);
      if (first === undefined) firstOfKey.set(id, i);
      else sameAs.set(i, first);
    });

    // A key is free when it is new or its last use is older than the window.
    const candidates = batch.map((pending, i) => ({ pending, i })).filter(({ i }) => !sameAs.has(i));
    const column = <T>(pick: (s: NewSignal, p: Pending) => T): T[] =>
      candidates.map(({ pending }) => pick(pending.signal, pending));
    const inserted = await preparedRows<{ id: string; account: string; dedup_key: string | null }>(
      this.dataSource,
      INSERT_SIGNALS,
      [
        column((_, p) => p.receivedAt),
        column((s) => s.source),
        column((s) => s.raw),
        column((s) => s.account),
        column((s) => s.transmitterId),
        column((s) => s.protocol),
        column((s) => s.code),
        column((s) => s.zone),
        column((s) => s.area),
        column((s) => s.text),
        column((s) => s.kind),
        column((s) => s.category),
        column((s) => s.occurredAt),
        column((s) => s.dedupKey),
        column((s) => s.sequence ?? null),
        column((s) => s.encrypted ?? false),
        column((s) => (s.xdata && s.xdata.length > 0 ? JSON.stringify(s.xdata) : null)),
        column((s) => s.rawBytes ?? null),
        this.config.ingest.dedupWindowSeconds,
        column((s) => s.unencryptedFromKeyed ?? false),
      ],
    );
    const claimed = new Set(
      inserted.flatMap((row) => (row.dedup_key === null ? [] : [`${row.account}\u0000${row.dedup_key}`])),
    );
    const stored = candidates.filter(({ pending: { signal } }) => {
      return signal.dedupKey === null || claimed.has(`${signal.account}\u0000${signal.dedupKey}`);
    });
    // Identity values are drawn in the order the rows are inserted (ORDER BY ord).
    const ids = inserted.map((row) => BigInt(row.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    stored.forEach(({ i }, n) => (results[i] = { id: ids[n]!.toString(), duplicate: false, caseId: null }));

    // Duplicates of a row stored earlier (key not claimed): committed, since its claim was.
    const earlier = [...firstOfKey.values()].filter((i) => results[i] === undefined);
    if (earlier.length > 0) {
      // The newest stored row with that key is the copy this one repeats.
      const rows: { account: string; dedup_key: string; signal_id: string | null; case_id: string | null }[] =
        await this.lookUpStoredCopies(
          `SELECT u.account, u.dedup_key, s.id AS signal_id, d.case_id
             FROM unnest($1::text[], $2::text[]) AS u(account, dedup_key)
             LEFT JOIN LATERAL (
               SELECT id FROM signals
                WHERE account = u.account AND dedup_key = u.dedup_key
                ORDER BY id DESC LIMIT 1
             ) s ON true
             LEFT JOIN signal_decisions d ON d.signal_id = s.id`,
          [earlier.map((i) => batch[i]!.signal.account), earlier.map((i) => batch[i]!.signal.dedupKey)],
        );
      const found = new Map(rows.map((row) => [`${row.account}\u0000${row.dedup_key}`, row]));
      for (const i of earlier) {
        const { account, dedupKey } = batch[i]!.signal;
        const row = found.get(`${account}\u0000${dedupKey}`);
        results[i] = { id: String(row?.signal_id ?? ''), duplicate: true, caseId: row?.case_id ?? null };
      }
    }
    for (const [i, first] of sameAs) results[i] = { ...results[first]!, duplicate: true };
    return results as StoredSignal[];
  }

  /**
   * Runs after the batch's rows are committed, so its failure must never be taken for a
   * refused row: splitting the batch would then insert rows without a key a second time.
   */
  private async lookUpStoredCopies<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    try {
      return (await this.dataSource.query(sql, parameters)) as T[];
    } catch (error) {
      throw new Error('Could not read the stored copies of retransmissions', { cause: error });
    }
  }
}
