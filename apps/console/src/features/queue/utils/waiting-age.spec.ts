import { describe, expect, it } from 'vitest';
import { waitingAge } from './waiting-age';

describe('waitingAge', () => {
  it.each([
    [0, 'fresh'],
    [59_999, 'fresh'],
    [60_000, 'amber'],
    [179_999, 'amber'],
    [180_000, 'amber'],
    [180_001, 'red'],
    [3_600_000, 'red'],
    [-5_000, 'fresh'],
  ])('%i ms waiting is %s', (ms, expected) => {
    expect(waitingAge(ms)).toBe(expected);
  });
});
