import { performance, type EventLoopUtilization } from 'node:perf_hooks';

const WINDOW_MS = 1000;
const WINDOWS_KEPT = 60;

/**
 * Event-loop utilisation in one-second windows (node:perf_hooks), read by the metrics without
 * waiting: the last window, the highest of the last minute, and the busy time since the last
 * read. The sampler's timer is unref'd, so it never keeps the process alive.
 */
export class EventLoopLoad {
  private previous: EventLoopUtilization = performance.eventLoopUtilization();
  private readonly windows: number[] = [];
  private busyTaken = this.previous.active;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), WINDOW_MS);
    this.timer.unref();
  }

  /** The share of the last full window the loop was busy, 0…1. */
  lastSecond(): number {
    return this.windows.at(-1) ?? 0;
  }

  maxOfLastMinute(): number {
    return this.windows.length === 0 ? 0 : Math.max(...this.windows);
  }

  /** Busy seconds since the previous call (for a counter). */
  takeBusySeconds(): number {
    const active = performance.eventLoopUtilization().active;
    const delta = Math.max(0, active - this.busyTaken);
    this.busyTaken = active;
    return delta / 1000;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const now = performance.eventLoopUtilization();
    this.windows.push(performance.eventLoopUtilization(now, this.previous).utilization);
    if (this.windows.length > WINDOWS_KEPT) this.windows.shift();
    this.previous = now;
  }
}
