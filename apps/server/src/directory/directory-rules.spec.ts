import { describe, expect, it } from 'vitest';
import { isValidOn, passwordRequesterProblem, reorderProblem } from './directory-rules.js';

describe('reorderProblem', () => {
  it('accepts a permutation and refuses anything else', () => {
    expect(reorderProblem(['a', 'b', 'c'], ['c', 'a', 'b'])).toBeNull();
    expect(reorderProblem(['a', 'b', 'c'], ['a', 'b'])).toMatch(/all 3/);
    expect(reorderProblem(['a', 'b'], ['a', 'a'])).toMatch(/repeat/);
    expect(reorderProblem(['a', 'b'], ['a', 'x'])).toMatch(/x is not a contact/);
  });
});

describe('passwordRequesterProblem', () => {
  const a = { listId: 'L', level: 'A' as const, validFrom: '2026-01-01', validTo: '2026-12-31' };
  it('needs an A-level person of the same list, valid on the request date', () => {
    expect(passwordRequesterProblem(a, 'L', '2026-05-01')).toBeNull();
    expect(passwordRequesterProblem(undefined, 'L', '2026-05-01')).toMatch(/no such/);
    expect(passwordRequesterProblem(a, 'other', '2026-05-01')).toMatch(/same authorization list/);
    expect(passwordRequesterProblem({ ...a, level: 'B' }, 'L', '2026-05-01')).toMatch(/level B/);
    expect(passwordRequesterProblem(a, 'L', '2027-01-01')).toMatch(/not valid/);
  });

  it('treats open ends as unbounded', () => {
    expect(isValidOn({ validFrom: null, validTo: null }, '1999-01-01')).toBe(true);
    expect(isValidOn({ validFrom: '2026-01-02', validTo: null }, '2026-01-01')).toBe(false);
  });
});
