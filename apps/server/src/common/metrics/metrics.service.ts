import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus metrics of this process. Counters and histograms are fed where things happen
 * (receiver, take next, verification); gauges that need PostgreSQL or Redis are set from the
 * supervisor snapshot, computed every few seconds, so a scrape never waits for a query.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly framesTotal = new Counter({
    name: 'arc_receiver_frames_total',
    help: 'DC-09 frames by outcome (stored, heartbeat, nak_*, duh_*, no_reply_storage_down)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /**
   * Clear-text DC-09 frames from transmitters that have a key: stored with a mark (`stored`),
   * link tests acknowledged (`heartbeat`), or refused with DUH because the transmitter requires
   * encryption (`refused`). Per account would be one series per transmitter; the log names it.
   */
  readonly unencryptedFromKeyed = new Counter({
    name: 'arc_receiver_unencrypted_from_keyed_total',
    help: 'Unencrypted DC-09 frames from transmitters with a key, by what was done (stored, heartbeat, refused)',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });

  readonly ackSeconds = new Histogram({
    name: 'arc_receiver_ack_seconds',
    help: 'From a DC-09 frame read to its ACK written (storage included)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly acceptSeconds = new Histogram({
    name: 'arc_case_accept_seconds',
    help: 'From a case being queued to an operator taking it',
    buckets: [5, 10, 20, 30, 45, 60, 90, 120, 300, 600],
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  readonly queueWaiting = new Gauge({
    name: 'arc_queue_waiting_cases',
    help: 'Cases waiting in the queue, by category (from the last supervisor snapshot)',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  readonly oldestWaiting = new Gauge({
    name: 'arc_queue_oldest_waiting_seconds',
    help: 'Age of the oldest waiting case, by category (from the last supervisor snapshot)',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  readonly snapshotSeconds = new Histogram({
    name: 'arc_supervisor_snapshot_seconds',
    help: 'Time to compute one supervisor snapshot (its PostgreSQL queries included); one every 5 s',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly openSockets = new Gauge({
    name: 'arc_open_sockets',
    help: 'Console sockets connected to this process',
    registers: [this.registry],
  });

  readonly bullJobs = new Gauge({
    name: 'arc_bullmq_jobs',
    help: 'Jobs in the BullMQ queues by state (from the last supervisor snapshot)',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly verificationsFailed = new Counter({
    name: 'arc_caller_verifications_failed_total',
    help: 'Caller verifications that failed (wrong password, locked, not authorized) in this process',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'arc_process_' });
  }
}
