import { Injectable } from '@nestjs/common';
import { MetricsService } from '../common/metrics/metrics.service.js';
import type { FrameOutcome } from './dc09/interpret-frame.js';

export type ReceiverName = 'tcp' | 'udp';

/** Replies the receiver decides before or after interpreting a frame, next to `FrameOutcome`. */
export type ReceiverOutcome =
  /** PostgreSQL (or the directory) could not be reached: no reply, the panel retries. */
  | 'no_reply_storage_down'
  /** PostgreSQL refused the frame's signals even in their reduced form: no reply, nothing stored. */
  | 'no_reply_unstorable'
  /** Longer than DC09_MAX_FRAME_BYTES: NAK, nothing stored, the stream resynchronises. */
  | 'nak_oversized';

/** Counters of the DC-09 receivers for the health check and the metrics endpoint. */
@Injectable()
export class ReceiverStatsService {
  constructor(private readonly metrics: MetricsService) {
    metrics.watchReceiverConnections(() => this.openConnections);
  }

  readonly outcomes = new Map<FrameOutcome | ReceiverOutcome, number>();
  readonly listening: Record<ReceiverName, string | null> = { tcp: null, udp: null };
  openConnections = 0;
  rejectedConnections = 0;
  /** Bytes that were not part of any frame (dropped without a reply). */
  garbageBytes = 0;
  /** Frames longer than DC09_MAX_FRAME_BYTES (each answered with NAK). */
  oversizedFrames = 0;
  idleClosed = 0;

  count(outcome: FrameOutcome | ReceiverOutcome): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    this.metrics.framesTotal.inc({ outcome });
  }

  /** A clear-text frame from a transmitter that has a key, and what was done with it. */
  countUnencryptedFromKeyed(action: 'stored' | 'heartbeat' | 'refused'): void {
    this.metrics.unencryptedFromKeyed.inc({ action });
  }

  /** Seconds from reading a frame to writing its ACK. */
  observeAck(seconds: number): void {
    this.metrics.ackSeconds.observe(seconds);
  }

  snapshot(): Record<string, unknown> {
    return {
      listening: this.listening,
      openConnections: this.openConnections,
      rejectedConnections: this.rejectedConnections,
      garbageBytes: this.garbageBytes,
      oversizedFrames: this.oversizedFrames,
      idleClosed: this.idleClosed,
      frames: Object.fromEntries(this.outcomes),
    };
  }
}
