/**
 * Which normal lane a signal goes to. Under ordinary load every account uses the first lane:
 * one transaction evaluates everything waiting, the fewest statements per signal. Once the first
 * lane has a full batch waiting behind the one it is committing, new accounts are spread over
 * all lanes by a hash, so that one batch's round trips overlap another's work. An account keeps
 * its lane while any of its signals is waiting or in flight there, so its signals are evaluated
 * in the order they were stored whatever the load does meanwhile.
 */
export class LaneRouter {
  private readonly pending = new Map<string, { lane: number; count: number }>();

  constructor(
    private readonly lanes: number,
    /** How many signals the first lane has waiting; above `spreadAbove`, new accounts spread. */
    private readonly firstLaneBacklog: () => number,
    private readonly spreadAbove: number,
  ) {}

  /** The lane for a signal of this account (null: an unknown sender, always the first). */
  take(account: string | null): number {
    if (account === null) return 0;
    const held = this.pending.get(account);
    if (held) {
      held.count += 1;
      return held.lane;
    }
    const lane = this.firstLaneBacklog() > this.spreadAbove ? laneOfAccount(account, this.lanes) : 0;
    this.pending.set(account, { lane, count: 1 });
    return lane;
  }

  /** A signal of this account is evaluated (or given up): its lane is free again once none is left. */
  release(account: string | null): void {
    if (account === null) return;
    const held = this.pending.get(account);
    if (!held) return;
    held.count -= 1;
    if (held.count <= 0) this.pending.delete(account);
  }
}

/** Which lane an account's signals go to when they are spread: always the same one. */
export function laneOfAccount(account: string, lanes: number): number {
  let hash = 0;
  for (let i = 0; i < account.length; i += 1) hash = (hash * 31 + account.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}
