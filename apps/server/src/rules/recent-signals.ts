/**
 * How many signals each account sent within the runaway window, kept in memory by the process
 * that evaluates them. Only the newest `threshold + 1` times per account are kept: whether the
 * account is over the threshold is all the rules ask, so a runaway sending thousands of signals
 * costs a bounded array. With several server processes each counts the signals it evaluates (a
 * panel keeps one connection, so its signals mostly reach one process); after a restart the count
 * starts from zero, so a runaway is recognised again within one window.
 */
export class RecentSignals {
  private readonly times = new Map<string, number[]>();
  private lastPrune = 0;

  constructor(
    private readonly windowMs: number,
    private readonly keep: number,
  ) {}

  /** Records a signal and returns how many the account sent within the window up to it (this one included). */
  record(account: string, at: number): number {
    let list = this.times.get(account);
    if (!list) {
      list = [];
      this.times.set(account, list);
    }
    list.push(at);
    list.sort((a, b) => a - b);
    if (list.length > this.keep) list.splice(0, list.length - this.keep);
    this.prune(at);
    const from = at - this.windowMs;
    return list.filter((t) => t > from && t <= at).length;
  }

  /** Forgets accounts that have been quiet for a whole window, now and then. */
  private prune(now: number): void {
    if (now - this.lastPrune < this.windowMs) return;
    this.lastPrune = now;
    for (const [account, list] of this.times) {
      if (list[list.length - 1]! <= now - this.windowMs) this.times.delete(account);
    }
  }
}
