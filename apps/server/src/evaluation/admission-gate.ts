/**
 * Keeps ingest from running ahead of evaluation for longer than a bounded backlog (issue 17).
 * A signal that is stored and acknowledged but not yet evaluated reaches no operator: under a
 * sustained overload that backlog would grow for as long as the overload lasts, while every
 * panel is told its alarm arrived. So while the evaluation backlog is at or above `limit`,
 * signals that are not urgent are stored only as fast as evaluation finishes others: each
 * signal finished meanwhile is one credit (at most `creditMax` saved up), each signal admitted
 * spends one. Below the limit nothing waits and no credit is saved. Fire and hold-up never wait
 * here: the writer asks only for the others.
 *
 * A backlog that drains faster than signals arrive (after a restart, say) leaves credit to
 * spare, so ingest is not held meanwhile; only an arrival rate above the evaluation rate is.
 * The signals held are not lost: they are not stored yet, so not acknowledged, and the
 * panel's wait for its ACK grows (a panel that gives up sends again or to its other receiver).
 */
export class AdmissionGate {
  private credit: number;
  private readonly waiting: (() => void)[] = [];

  constructor(
    /** Evaluation backlog (signals handed in, not yet evaluated) from which ingest is paced. */
    private readonly limit: number,
    private readonly creditMax: number,
    private readonly backlog: () => number,
    private readonly chunk = Math.min(64, creditMax),
  ) {
    this.credit = 0;
  }

  /**
   * How many signals that are not urgent may be stored now (Infinity: no limit now). While
   * pacing, credit is handed out in chunks of at least `chunk`: a statement for every few
   * signals evaluation finishes would cost more per signal than the evaluation keeping up.
   */
  allowance(): number {
    if (this.backlog() >= this.limit) return this.credit >= this.chunk ? this.credit : 0;
    this.credit = 0;
    return Number.POSITIVE_INFINITY;
  }

  /** Whether ingest is being paced now. */
  get pacing(): boolean {
    return this.backlog() >= this.limit;
  }

  /** The writer stored `count` signals that are not urgent. */
  admitted(count: number): void {
    this.credit = Math.max(0, this.credit - count);
  }

  /** Evaluation finished `count` signals (evaluated or given up to the sweep). */
  finished(count: number): void {
    if (this.pacing) this.credit = Math.min(this.creditMax, this.credit + count);
    if (this.waiting.length === 0 || this.allowance() === 0) return;
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** Calls `wake` once when something may be admitted again. */
  whenOpen(wake: () => void): void {
    if (this.allowance() > 0) wake();
    else this.waiting.push(wake);
  }
}
