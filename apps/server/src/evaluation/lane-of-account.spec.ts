import { describe, expect, it } from 'vitest';
import { laneOfAccount } from './evaluation-dispatcher.service.js';

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
    expect(laneOfAccount(null, 3)).toBe(0);
    expect(laneOfAccount('FFFFFFFFFFFFFFFF', 1)).toBe(0);
  });
});
