/** How loaded the normal lanes are, for LaneRouter. */
export interface LaneLoad {
  /** Signals waiting in the first lane. */
  first: number;
  /** Signals handed to the normal lanes and not yet evaluated (also those parked here). */
  total: number;
}

interface Held<J> {
  lane: number;
  /** The account's signals in that lane, waiting or in flight. */
  count: number;
  /** Moving to another lane: its newer signals wait here until `count` is 0. */
  moving?: { lane: number; jobs: J[] };
}

/**
 * Which normal lane a signal goes to. Under ordinary load every account uses the first lane:
 * one transaction evaluates everything waiting, the fewest statements per signal. Once the first
 * lane has a full batch waiting behind the one it is committing, the router spreads: every
 * account's signals go to the lane of its hash, so that the lanes' batches overlap each other's
 * round trips. It spreads until the normal lanes together hold less than a quarter batch, then
 * gathers every account on the first lane again.
 *
 * An account's signals are evaluated in the order they were stored, whatever the load does
 * meanwhile: an account whose lane changes while it still has signals in its old lane is
 * moving, and its newer signals are parked here (`take` answers null) until the old lane has
 * evaluated the older ones; `release` then hands them over to the new lane, in order.
 */
export class LaneRouter<J> {
  private readonly held = new Map<string, Held<J>>();
  private spreading = false;

  constructor(
    private readonly lanes: number,
    private readonly load: () => LaneLoad,
    /** A full batch: from this backlog in the first lane on, the router spreads. */
    private readonly spreadAbove: number,
  ) {}

  /** The lane for this signal of the account (null account: an unknown sender, always the first), or null: parked. */
  take(account: string | null, job: J): number | null {
    if (account === null) return 0;
    const lane = this.wantedLane(account);
    const held = this.held.get(account);
    if (!held) {
      this.held.set(account, { lane, count: 1 });
      return lane;
    }
    if (held.moving) {
      held.moving.jobs.push(job);
      return null;
    }
    if (held.lane === lane) {
      held.count += 1;
      return lane;
    }
    held.moving = { lane, jobs: [job] };
    return null;
  }

  /**
   * A signal of this account left its lane (evaluated or given up). When it was the last one
   * there and the account is moving, its parked signals are returned with their new lane.
   */
  release(account: string | null): { lane: number; jobs: J[] } | null {
    if (account === null) return null;
    const held = this.held.get(account);
    if (!held) return null;
    held.count -= 1;
    if (held.count > 0) return null;
    if (!held.moving) {
      this.held.delete(account);
      return null;
    }
    const { lane, jobs } = held.moving;
    this.held.set(account, { lane, count: jobs.length });
    return { lane, jobs };
  }

  private wantedLane(account: string): number {
    const { first, total } = this.load();
    if (!this.spreading && first > this.spreadAbove) this.spreading = true;
    else if (this.spreading && total < this.spreadAbove / 4) this.spreading = false;
    return this.spreading ? laneOfAccount(account, this.lanes) : 0;
  }
}

/** Which lane an account's signals go to when they are spread: always the same one. */
export function laneOfAccount(account: string, lanes: number): number {
  let hash = 0;
  for (let i = 0; i < account.length; i += 1) hash = (hash * 31 + account.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}
