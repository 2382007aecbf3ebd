/**
 * Nearest-rank percentile of ascending samples: the smallest sample with at least p % of the
 * samples at or below it. No interpolation, so every figure printed was really observed.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  // The epsilon keeps p = 99.9 of 1000 samples at rank 999, not 1000, despite float error.
  const rank = Math.ceil((p * sorted.length) / 100 - 1e-9);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export class LatencySamples {
  private values: number[] = [];

  add(ms: number): void {
    this.values.push(ms);
  }

  addAll(other: LatencySamples): void {
    for (const value of other.values) this.values.push(value);
  }

  summary(): LatencySummary {
    const sorted = Float64Array.from(this.values).sort();
    return {
      count: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    };
  }
}

/** What became of a frame. `timeout`: no reply in time; `closed`: the link failed first. */
export type Outcome = 'ACK' | 'NAK' | 'DUH' | 'RSP' | 'timeout' | 'closed' | 'bad-reply';
export const OUTCOMES: readonly Outcome[] = ['ACK', 'NAK', 'DUH', 'RSP', 'timeout', 'closed', 'bad-reply'];

/** Counts outcomes and ACK latencies per kind of frame (event, null, retransmit, malformed:…). */
export class Tally {
  private readonly counts = new Map<string, Map<Outcome, number>>();
  private readonly latencies = new Map<string, LatencySamples>();

  record(result: { kind: string; outcome: Outcome; latencyMs: number | null }): void {
    let row = this.counts.get(result.kind);
    if (!row) this.counts.set(result.kind, (row = new Map()));
    row.set(result.outcome, (row.get(result.outcome) ?? 0) + 1);
    if (result.outcome === 'ACK' && result.latencyMs !== null) this.samples(result.kind).add(result.latencyMs);
  }

  kinds(): string[] {
    return [...this.counts.keys()].sort();
  }

  count(kind: string, outcome?: Outcome): number {
    const row = this.counts.get(kind);
    if (!row) return 0;
    if (outcome) return row.get(outcome) ?? 0;
    let total = 0;
    for (const value of row.values()) total += value;
    return total;
  }

  total(outcome?: Outcome): number {
    return this.kinds().reduce((sum, kind) => sum + this.count(kind, outcome), 0);
  }

  /** ACK latencies of the given kinds together (all kinds when none are named). */
  latency(...kinds: string[]): LatencySummary {
    const merged = new LatencySamples();
    for (const kind of kinds.length > 0 ? kinds : this.kinds()) {
      const samples = this.latencies.get(kind);
      if (samples) merged.addAll(samples);
    }
    return merged.summary();
  }

  private samples(kind: string): LatencySamples {
    let samples = this.latencies.get(kind);
    if (!samples) this.latencies.set(kind, (samples = new LatencySamples()));
    return samples;
  }
}
