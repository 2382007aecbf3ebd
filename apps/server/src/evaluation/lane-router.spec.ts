import { describe, expect, it } from 'vitest';
import { LaneRouter, laneOfAccount } from './lane-router.js';

describe('laneOfAccount', () => {
  it('sends an account always to the same lane, within range, and spreads accounts over the lanes', () => {
    const counts = [0, 0, 0];
    for (let n = 0; n < 3000; n += 1) {
      const account = n.toString(16).toUpperCase().padStart(4, '0');
      const lane = laneOfAccount(account, 3);
      expect(laneOfAccount(account, 3)).toBe(lane);
      expect(lane).toBeGreaterThanOrEqual(0);
      expect(lane).toBeLessThan(3);
      counts[lane]! += 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(800);
    expect(laneOfAccount('FFFFFFFFFFFFFFFF', 1)).toBe(0);
  });
});

describe('LaneRouter', () => {
  const accounts = Array.from({ length: 200 }, (_, n) => `A${n.toString(16).toUpperCase().padStart(3, '0')}`);
  const onLane = (lane: number) => accounts.find((a) => laneOfAccount(a, 3) === lane)!;

  it('keeps every account on the first lane while the first lane has no full batch waiting', () => {
    const router = new LaneRouter<string>(3, () => ({ first: 10, total: 10 }), 500);
    expect(new Set(accounts.map((a) => router.take(a, a)))).toEqual(new Set([0]));
    expect(router.take(null, 'unknown')).toBe(0);
  });

  it('spreads every account under load, parking the signals of one that still has some on its old lane', () => {
    const load = { first: 0, total: 0 };
    const router = new LaneRouter<string>(3, () => load, 500);
    const mover = onLane(2);
    const stayer = onLane(0);
    expect(router.take(mover, 'm1')).toBe(0);
    expect(router.take(stayer, 's1')).toBe(0);
    load.first = 1000;
    load.total = 1000;
    // Spreading: an account with nothing waiting goes straight to its hash's lane.
    expect(router.take('NEW1', 'n1')).toBe(laneOfAccount('NEW1', 3));
    // One whose hash is lane 0 stays; one whose older signal waits on lane 0 is parked.
    expect(router.take(stayer, 's2')).toBe(0);
    expect(router.take(mover, 'm2')).toBeNull();
    expect(router.take(mover, 'm3')).toBeNull();
    // Its old signal done, the parked ones go to the new lane in order; later ones follow.
    expect(router.release(mover)).toEqual({ lane: 2, jobs: ['m2', 'm3'] });
    expect(router.take(mover, 'm4')).toBe(2);
    expect(router.release(mover)).toBeNull();
    expect(router.release(mover)).toBeNull();
    // Still spreading while the lanes together hold a quarter batch or more, even with lane 0 short.
    load.first = 0;
    load.total = 200;
    expect(router.take(mover, 'm5')).toBe(2);
    // Gathered on the first lane again once the load is gone, after its signal on lane 2.
    load.total = 10;
    expect(router.take(mover, 'm6')).toBeNull();
    expect(router.release(mover)).toBeNull();
    expect(router.release(mover)).toEqual({ lane: 0, jobs: ['m6'] });
    expect(router.take(mover, 'm7')).toBe(0);
  });

  it('ignores releases of accounts it does not hold', () => {
    const router = new LaneRouter<string>(3, () => ({ first: 1000, total: 1000 }), 500);
    expect(router.release('NONE')).toBeNull();
    expect(router.release(null)).toBeNull();
    expect(router.take('NONE', 'x')).toBe(laneOfAccount('NONE', 3));
  });
});
