import type { AlarmCategory, CaseSummary } from '@arc/shared';
import { CATEGORY_PRIORITY } from '@arc/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { selectSortedCases, selectWaitingCount, useQueueStore } from './queue-store';

let seq = 0;
function makeCase(overrides: Partial<CaseSummary> & { category?: AlarmCategory } = {}): CaseSummary {
  seq += 1;
  const category = overrides.category ?? 'INTRUSION';
  return {
    id: `00000000-0000-4000-8000-${seq.toString().padStart(12, '0')}`,
    caseNo: `C-${seq}`,
    category,
    priority: CATEGORY_PRIORITY[category],
    status: 'QUEUED',
    title: 'Burglary alarm',
    account: '1234',
    siteId: null,
    siteName: 'Main Street Bank',
    siteAddress: '1 Main Street',
    unknownTransmitter: false,
    signalCount: 1,
    queuedAt: '2026-01-01T10:00:00.000Z',
    lastSignalAt: '2026-01-01T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const store = () => useQueueStore.getState();
const ids = () => selectSortedCases(store()).map((c) => c.caseNo);

describe('queue store', () => {
  beforeEach(() => {
    store().reset();
  });

  it('replaces everything with a snapshot', () => {
    const old = makeCase({ caseNo: 'OLD' });
    store().upsert(old);
    const a = makeCase({ caseNo: 'A' });
    const b = makeCase({ caseNo: 'B', category: 'FIRE' });

    store().applySnapshot({ cases: [a, b], at: '2026-01-01T10:05:00.000Z' });

    expect(ids()).toEqual(['B', 'A']);
    expect(store().cases[old.id]).toBeUndefined();
    expect(store().snapshotAt).toBe('2026-01-01T10:05:00.000Z');
  });

  it('measures the server clock offset from the snapshot', () => {
    store().applySnapshot({ cases: [], at: '2026-01-01T10:00:05.000Z' }, Date.parse('2026-01-01T10:00:00.000Z'));
    expect(store().clockOffsetMs).toBe(5_000);
  });

  it('keeps an upsert only when its version is higher', () => {
    const v2 = makeCase({ version: 2, signalCount: 2 });
    store().upsert(v2);

    store().upsert({ ...v2, version: 1, signalCount: 1 });
    store().upsert({ ...v2, version: 2, signalCount: 9 });
    expect(store().cases[v2.id]?.signalCount).toBe(2);

    store().upsert({ ...v2, version: 3, signalCount: 3 });
    expect(store().cases[v2.id]?.signalCount).toBe(3);
  });

  it('leaves state untouched (same object) for a stale upsert', () => {
    const c = makeCase({ version: 5 });
    store().upsert(c);
    const before = store().cases;
    store().upsert({ ...c, version: 4 });
    expect(store().cases).toBe(before);
  });

  it('removes a case when it is CLOSED and does not let an older update bring it back', () => {
    const c = makeCase({ version: 1 });
    store().applySnapshot({ cases: [c], at: '2026-01-01T10:00:00.000Z' });

    store().upsert({ ...c, status: 'CLOSED', version: 3 });
    expect(store().cases[c.id]).toBeUndefined();

    store().upsert({ ...c, status: 'ACCEPTED', version: 2 });
    expect(store().cases[c.id]).toBeUndefined();
    expect(ids()).toEqual([]);
  });

  it('sorts by category priority, then oldest first', () => {
    store().applySnapshot({
      at: '2026-01-01T10:10:00.000Z',
      cases: [
        makeCase({ caseNo: 'service-old', category: 'SERVICE', queuedAt: '2026-01-01T09:00:00.000Z' }),
        makeCase({ caseNo: 'fire-new', category: 'FIRE', queuedAt: '2026-01-01T10:05:00.000Z' }),
        makeCase({ caseNo: 'intrusion', category: 'INTRUSION', queuedAt: '2026-01-01T09:30:00.000Z' }),
        makeCase({ caseNo: 'fire-old', category: 'FIRE', queuedAt: '2026-01-01T10:01:00.000Z' }),
        makeCase({ caseNo: 'holdup', category: 'HOLDUP', queuedAt: '2026-01-01T10:09:00.000Z' }),
        makeCase({ caseNo: 'technical', category: 'TECHNICAL', queuedAt: '2026-01-01T08:00:00.000Z' }),
      ],
    });

    expect(ids()).toEqual(['fire-old', 'fire-new', 'holdup', 'intrusion', 'technical', 'service-old']);
  });

  it('returns the same sorted array until a case changes', () => {
    store().upsert(makeCase());
    const first = selectSortedCases(store());
    expect(selectSortedCases(store())).toBe(first);

    store().upsert(makeCase());
    expect(selectSortedCases(store())).not.toBe(first);
    expect(selectSortedCases(store())).toHaveLength(2);
  });

  it('counts only cases still waiting', () => {
    store().applySnapshot({
      at: '2026-01-01T10:00:00.000Z',
      cases: [makeCase(), makeCase({ status: 'ACCEPTED' }), makeCase()],
    });
    expect(selectWaitingCount(store())).toBe(2);
  });
});
