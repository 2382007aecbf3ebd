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

  it('keeps every account on the first lane while the first lane has no full batch waiting', () => {
    const router = new LaneRouter(2, () => 10, 500);
    expect(new Set(accounts.map((a) => router.take(a)))).toEqual(new Set([0]));
    expect(router.take(null)).toBe(0);
  });

  it('spreads new accounts under load, and keeps an account on its lane while it has signals there', () => {
    let backlog = 0;
    const router = new LaneRouter(2, () => backlog, 500);
    // Quiet: A000…A199 each get one signal on lane 0.
    for (const account of accounts) expect(router.take(account)).toBe(0);
    backlog = 1000;
    // Loaded, but each still has a signal waiting on lane 0: its next ones stay there too.
    for (const account of accounts) expect(router.take(account)).toBe(0);
    // A new account is spread by its hash.
    expect(router.take('NEW1')).toBe(laneOfAccount('NEW1', 2));
    // Once an account's signals are all done, its next one is routed afresh.
    const moving = accounts.find((a) => laneOfAccount(a, 2) === 1)!;
    router.release(moving);
    expect(router.take(moving)).toBe(0);
    router.release(moving);
    router.release(moving);
    expect(router.take(moving)).toBe(1);
    // And back to the first lane when the load is gone and its signals are done.
    backlog = 0;
    router.release(moving);
    expect(router.take(moving)).toBe(0);
  });

  it('ignores releases of accounts it does not hold', () => {
    const router = new LaneRouter(2, () => 1000, 500);
    router.release('NONE');
    router.release(null);
    expect(router.take('NONE')).toBe(laneOfAccount('NONE', 2));
  });
});
