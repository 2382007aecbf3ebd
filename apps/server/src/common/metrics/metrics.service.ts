import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { EventLoopLoad } from './event-loop-load.js';

const EXPENSIVE_DEFAULT_METRICS = [
  'nodejs_active_handles',
  'nodejs_active_handles_total',
  'nodejs_active_requests',
  'nodejs_active_requests_total',
  'nodejs_active_resources',
  'nodejs_active_resources_total',
];

/**
 * The Prometheus metrics of this process. Counters and histograms are fed where things happen
 * (receiver, take next, verification); gauges that need PostgreSQL or Redis are set from the
 * supervisor snapshot, computed every few seconds, so a scrape never waits for a query.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly loop = new EventLoopLoad();
  private backlogOf: (() => { signals: number; oldestSeconds: number }) | null = null;
  private ingestOf: (() => { waiting: number; paced: boolean }) | null = null;
  private connectionsOf: (() => number) | null = null;

  /**
   * Event-loop utilisation: the share of time the loop was busy running code rather than waiting
   * for I/O. Delay (arc_process_eventloop_lag_*) hides saturation: a loop busy 100 % of the time
   * with short tasks has little delay but accepts connections and answers frames late.
   */
  readonly eventLoopBusy: Counter = new Counter({
    name: 'arc_event_loop_busy_seconds_total',
    help: 'Time the event loop spent running code (rate() of it is the utilisation over any window)',
    registers: [this.registry],
    collect: (): void => this.eventLoopBusy.inc(this.loop.takeBusySeconds()),
  });

  readonly eventLoopUtilization: Gauge = new Gauge({
    name: 'arc_event_loop_utilization',
    help: 'Share of the last second the event loop was busy (1 = saturated)',
    registers: [this.registry],
    collect: (): void => this.eventLoopUtilization.set(this.loop.lastSecond()),
  });

  readonly eventLoopUtilizationMax: Gauge = new Gauge({
    name: 'arc_event_loop_utilization_max_1m',
    help: 'Highest one-second event-loop utilisation of the last minute',
    registers: [this.registry],
    collect: (): void => this.eventLoopUtilizationMax.set(this.loop.maxOfLastMinute()),
  });

  readonly evaluationBacklog: Gauge = new Gauge({
    name: 'arc_evaluation_backlog_signals',
    help: 'Signals stored and acknowledged but not yet evaluated by this process',
    registers: [this.registry],
    collect: (): void => this.evaluationBacklog.set(this.backlogOf?.().signals ?? 0),
  });

  readonly evaluationOldest: Gauge = new Gauge({
    name: 'arc_evaluation_oldest_waiting_seconds',
    help: 'How long the oldest signal waiting for evaluation in this process has waited',
    registers: [this.registry],
    collect: (): void => this.evaluationOldest.set(this.backlogOf?.().oldestSeconds ?? 0),
  });

  readonly ingestWaiting: Gauge = new Gauge({
    name: 'arc_ingest_waiting_signals',
    help: 'Signals received and waiting to be stored, not yet acknowledged (also those held while evaluation catches up)',
    registers: [this.registry],
    collect: (): void => this.ingestWaiting.set(this.ingestOf?.().waiting ?? 0),
  });

  readonly ingestPaced: Gauge = new Gauge({
    name: 'arc_ingest_paced',
    help: '1 while the evaluation backlog is at EVALUATION_BACKLOG_LIMIT and ingest of signals that are not urgent is paced by evaluation',
    registers: [this.registry],
    collect: (): void => this.ingestPaced.set(this.ingestOf?.().paced ? 1 : 0),
  });

  readonly receiverConnections: Gauge = new Gauge({
    name: 'arc_receiver_open_connections',
    help: 'DC-09 TCP connections open to this process',
    registers: [this.registry],
    collect: (): void => this.receiverConnections.set(this.connectionsOf?.() ?? 0),
  });

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
    // These list every handle (each panel's socket) on every scrape: with thousands of panels
    // connected that blocked the event loop for milliseconds per scrape (15 ms at 5,000
    // connections). arc_receiver_open_connections counts the panels.
    for (const name of EXPENSIVE_DEFAULT_METRICS) this.registry.removeSingleMetric(`arc_process_${name}`);
  }

  /** The evaluator tells where its backlog is read (it lives in another module). */
  watchEvaluationBacklog(read: () => { signals: number; oldestSeconds: number }): void {
    this.backlogOf = read;
  }

  watchReceiverConnections(read: () => number): void {
    this.connectionsOf = read;
  }

  /** The signal writer tells how many signals wait to be stored and whether ingest is paced. */
  watchIngest(read: () => { waiting: number; paced: boolean }): void {
    this.ingestOf = read;
  }

  onModuleDestroy(): void {
    this.loop.stop();
  }
}
