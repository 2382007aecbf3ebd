import { describe, expect, it } from 'vitest';
import { changedCount, diffEntry, stableJson } from './audit-diff';

describe('diffEntry', () => {
  it('pairs every field of before and after and says how it changed', () => {
    const diff = diffEntry(
      { name: 'A', quota: 10, routes: [{ kind: 'PHONE', value: '1' }], gone: 'x' },
      { name: 'B', quota: 10, routes: [{ value: '1', kind: 'PHONE' }], added: true },
    );
    expect(diff.map((row) => [row.field, row.change])).toEqual([
      ['name', 'changed'],
      ['quota', 'same'],
      ['routes', 'same'],
      ['gone', 'removed'],
      ['added', 'added'],
    ]);
    expect(changedCount(diff)).toBe(3);
    expect(diff[3]).toMatchObject({ inBefore: true, inAfter: false, before: 'x', after: undefined });
  });

  it('gives no verdict for a creation, a deletion or a masked secret', () => {
    expect(diffEntry(null, { name: 'A' }).map((row) => row.change)).toEqual([null]);
    expect(diffEntry({ name: 'A' }, null).map((row) => row.change)).toEqual([null]);
    expect(diffEntry({ passwordHash: '***' }, { passwordHash: '***' })[0]!.change).toBeNull();
    expect(diffEntry({ passwordHash: null }, { passwordHash: '***' })[0]!.change).toBe('changed');
    expect(diffEntry(null, null)).toEqual([]);
  });

  it('compares objects whatever their key order', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 1 }] })).toBe(stableJson({ a: [{ c: 1, d: 2 }], b: 1 }));
    expect(stableJson({ a: 1 })).not.toBe(stableJson({ a: '1' }));
  });
});
