import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { EvaluationDispatcherService } from '../evaluation/index.js';
import { ReceiverStatsService } from './receiver-stats.service.js';
import type { NewSignal, TransmitterInfo } from './signal-types.js';
import { SignalWriterService } from './signal-writer.service.js';
import { SupervisionTrackerService } from './supervision-tracker.service.js';
import { TransmitterDirectoryService } from './transmitter-directory.service.js';
import { buildAck, buildDuh, buildNak, parseFrame } from './dc09/dc09-frame.js';
import { interpretFrame } from './dc09/interpret-frame.js';

/**
 * One frame in, one reply out (or none). The ACK is built only after the signals of the frame
 * are committed; if PostgreSQL cannot store them there is no reply at all, so the panel
 * retries and fails over to its backup receiver.
 */
@Injectable()
export class Dc09HandlerService {
  private readonly logger = new Logger(Dc09HandlerService.name);
  /** Bad frames are counted always but logged at most once per outcome every 10 s. */
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly directory: TransmitterDirectoryService,
    private readonly writer: SignalWriterService,
    private readonly dispatcher: EvaluationDispatcherService,
    private readonly supervision: SupervisionTrackerService,
    private readonly stats: ReceiverStatsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(bytes: Buffer, source: NewSignal['source'], remote: string): Promise<Buffer | null> {
    const started = performance.now();
    const acked = () => this.stats.observeAck((performance.now() - started) / 1000);
    const parsed = parseFrame(bytes);
    let info: TransmitterInfo | null;
    try {
      info = parsed.ok ? await this.directory.find(parsed.value.account) : null;
    } catch {
      // Without the directory the frame cannot be judged: no reply, the panel retries.
      this.stats.count('no_reply_storage_down');
      return null;
    }
    const now = new Date();
    const decision = interpretFrame(
      parsed,
      info,
      { now, pastSeconds: this.config.dc09.clockPastSeconds, futureSeconds: this.config.dc09.clockFutureSeconds },
      source,
    );
    switch (decision.action) {
      case 'NAK':
        this.stats.count(decision.outcome);
        this.warnSometimes(decision.outcome, { remote }, `NAK: ${decision.message}`);
        return buildNak(now);
      case 'DUH':
        this.stats.count(decision.outcome);
        if (decision.outcome === 'duh_unencrypted') {
          // Per account, so that each refusing transmitter is named in the log at least every 10 s.
          this.stats.countUnencryptedFromKeyed('refused');
          this.warnSometimes(
            `${decision.header.account}:${decision.outcome}`,
            { remote, account: decision.header.account },
            `DUH: ${decision.message}`,
          );
        } else {
          this.warnSometimes(
            decision.outcome,
            { remote, account: decision.header.account },
            `DUH: ${decision.message}`,
          );
        }
        return buildDuh(decision.header);
      case 'HEARTBEAT':
        this.stats.count('heartbeat');
        if (decision.unencryptedFromKeyed) this.noteUnencrypted('heartbeat', decision.header.account, remote);
        if (info) this.supervision.touch(info);
        acked();
        return buildAck(decision.header, decision.key);
      case 'STORE': {
        for (const warning of decision.warnings) {
          this.warnSometimes(
            `${decision.header.account}:${warning}`,
            { remote, account: decision.header.account },
            warning,
          );
        }
        let stored;
        try {
          // The frame as received, byte for byte: the text columns cannot hold every byte.
          stored = await this.writer.storeAll(decision.signals.map((signal) => ({ ...signal, rawBytes: bytes })));
        } catch (error) {
          const refused = error instanceof AppError && error.code === 'UNPROCESSABLE';
          this.stats.count(refused ? 'no_reply_unstorable' : 'no_reply_storage_down');
          return null;
        }
        this.stats.count('stored');
        if (decision.unencryptedFromKeyed) this.noteUnencrypted('stored', decision.header.account, remote);
        if (info) this.supervision.touch(info);
        stored.forEach((signal, i) => {
          if (!signal.duplicate)
            this.dispatcher.schedule(signal.id, decision.signals[i]!.category, decision.header.account);
        });
        acked();
        return buildAck(decision.header, decision.key);
      }
    }
  }

  /** Counted always; logged at most every 10 s per account. */
  private noteUnencrypted(action: 'stored' | 'heartbeat', account: string, remote: string): void {
    this.stats.countUnencryptedFromKeyed(action);
    this.warnSometimes(
      `${account}:unencrypted`,
      { remote, account },
      action === 'stored'
        ? 'Unencrypted message from a transmitter that has a key: stored and marked (it may be forged)'
        : 'Unencrypted link test from a transmitter that has a key: acknowledged',
    );
  }

  /** A frame longer than DC09_MAX_FRAME_BYTES: NAK, so the panel knows it was not taken. */
  oversized(remote: string, bytes: number): Buffer {
    this.stats.oversizedFrames += 1;
    this.stats.count('nak_oversized');
    this.warnSometimes(
      'nak_oversized',
      { remote },
      `NAK: frame of at least ${bytes} bytes is longer than ${this.config.dc09.maxFrameBytes}`,
    );
    return buildNak();
  }

  private warnSometimes(kind: string, context: Record<string, unknown>, message: string): void {
    const now = Date.now();
    if ((this.lastLogged.get(kind) ?? 0) > now - 10_000) return;
    this.lastLogged.set(kind, now);
    this.logger.warn({ ...context, outcome: kind }, message);
  }
}
