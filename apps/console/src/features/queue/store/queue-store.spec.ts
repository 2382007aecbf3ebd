import { beforeEach, describe, expect, it } from 'vitest';
import { makeCase, snapshot } from '../test/fixtures';
import { selectSortedCases, selectWaitingCount, useQueueStore } from './queue-store';

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

    store().applySnapshot(snapshot([a, b], 0, '2026-01-01T10:05:00.000Z'));

    expect(ids()).toEqual(['B', 'A']);
    expect(store().cases[old.id]).toBeUndefined();
    expect(store().snapshotAt).toBe('2026-01-01T10:05:00.000Z');
  });

  it('measures the server clock offset from the snapshot', () => {
    store().applySnapshot(snapshot([], 0, '2026-01-01T10:00:05.000Z'), Date.parse('2026-01-01T10:00:00.000Z'));
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
    store().applySnapshot(snapshot([c]));

    store().upsert({ ...c, status: 'CLOSED', version: 3 });
    expect(store().cases[c.id]).toBeUndefined();

    store().upsert({ ...c, status: 'ACCEPTED', version: 2 });
    expect(store().cases[c.id]).toBeUndefined();
    expect(ids()).toEqual([]);
  });

  it('sorts by category priority, then oldest first', () => {
    store().applySnapshot({
      at: '2026-01-01T10:10:00.000Z',
      seq: 0,
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
      seq: 0,
      cases: [makeCase(), makeCase({ status: 'ACCEPTED' }), makeCase()],
    });
    expect(selectWaitingCount(store())).toBe(2);
  });

  it('puts a case a supervisor moved to the top first, before any category', () => {
    store().applySnapshot(
      snapshot([
        makeCase({ caseNo: 'fire', category: 'FIRE', queuedAt: '2026-01-01T10:05:00.000Z' }),
        makeCase({ caseNo: 'old', queuedAt: '2026-01-01T09:00:00.000Z' }),
        makeCase({ caseNo: 'moved', queuedAt: '2026-01-01T10:09:00.000Z', movedToTop: true }),
      ]),
    );
    expect(ids()).toEqual(['moved', 'fire', 'old']);
  });
});

describe('queue store: change sequence', () => {
  beforeEach(() => {
    store().reset();
  });

  it('takes changes numbered one after the other without asking for anything', () => {
    const c = makeCase();
    store().applySnapshot(snapshot([c], 4));

    expect(store().applyChanges([{ seq: 5, summary: { ...c, version: 2, signalCount: 2 } }])).toBe('applied');
    expect(store().applyChanges([{ seq: 6, summary: { ...c, version: 3, signalCount: 3 } }])).toBe('applied');

    expect(store().lastSeq).toBe(6);
    expect(store().cases[c.id]?.signalCount).toBe(3);
    expect(store().resyncing).toBe(false);
  });

  it('asks for a snapshot when a number is skipped, once, and the snapshot resets the count', () => {
    const c = makeCase();
    store().applySnapshot(snapshot([c], 1));

    // 2 was lost on the wire.
    expect(store().applyChanges([{ seq: 3, summary: { ...c, version: 3, signalCount: 3 } }])).toBe('snapshot-needed');
    expect(store().resyncing).toBe(true);
    // The change itself still counts: it is newer than what the store had.
    expect(store().cases[c.id]?.signalCount).toBe(3);
    // More changes while the snapshot is on its way do not ask again.
    expect(store().applyChanges([{ seq: 4, summary: { ...c, version: 4 } }])).toBe('applied');

    store().applySnapshot(snapshot([{ ...c, version: 4, signalCount: 4 }], 4));
    expect(store().resyncing).toBe(false);
    expect(store().lastSeq).toBe(4);
    expect(store().applyChanges([{ seq: 5, summary: { ...c, version: 5 } }])).toBe('applied');
    expect(store().lastSeq).toBe(5);
  });

  it('takes a batch in order with one store update', () => {
    const a = makeCase();
    const b = makeCase();
    store().applySnapshot(snapshot([a], 10));
    let updates = 0;
    const unsubscribe = useQueueStore.subscribe(() => (updates += 1));
    const verdict = store().applyChanges([
      { seq: 11, summary: { ...a, version: 2, signalCount: 2 } },
      { seq: 12, summary: b },
      { seq: 13, summary: { ...a, version: 3, status: 'CLOSED' } },
    ]);
    unsubscribe();

    expect(verdict).toBe('applied');
    expect(Object.keys(store().cases)).toEqual([b.id]);
    expect(store().versions[a.id]).toBe(3);
    expect(store().lastSeq).toBe(13);
    // The summaries and the sequence number: two notifications, not one per change.
    expect(updates).toBe(2);
  });

  it('asks for a snapshot for a gap inside a batch, and still applies the whole batch', () => {
    const a = makeCase();
    const b = makeCase();
    store().applySnapshot(snapshot([a], 10));

    expect(
      store().applyChanges([
        { seq: 11, summary: { ...a, version: 2 } },
        { seq: 13, summary: b },
      ]),
    ).toBe('snapshot-needed');
    expect(store().resyncing).toBe(true);
    expect(Object.keys(store().cases).sort()).toEqual([a.id, b.id].sort());
  });

  it('leaves the store alone for a batch with nothing newer', () => {
    const a = makeCase();
    store().applySnapshot(snapshot([{ ...a, version: 5 }], 3));
    const before = store().cases;
    expect(store().applyChanges([{ seq: 3, summary: { ...a, version: 4, signalCount: 9 } }])).toBe('applied');
    expect(store().cases).toBe(before);
  });

  it('asks for a snapshot for a change that comes before any snapshot', () => {
    expect(store().applyChanges([{ seq: 1, summary: makeCase() }])).toBe('snapshot-needed');
  });

  it('ignores a repeated or older number without asking', () => {
    const c = makeCase();
    store().applySnapshot(snapshot([c], 7));
    expect(store().applyChanges([{ seq: 7, summary: c }])).toBe('applied');
    expect(store().applyChanges([{ seq: 3, summary: c }])).toBe('applied');
    expect(store().lastSeq).toBe(7);
  });
});

describe('queue store: silencing the tone', () => {
  beforeEach(() => {
    store().reset();
  });

  it('silences the cases waiting now, and forgets a case once it stops waiting', () => {
    const a = makeCase();
    const b = makeCase({ status: 'ACCEPTED' });
    store().applySnapshot(snapshot([a, b]));

    store().silenceWaiting();
    expect(store().silenced).toEqual({ [a.id]: true });

    // Taken, then back in the queue: it must sound again.
    store().upsert({ ...a, status: 'ACCEPTED', version: 2 });
    expect(store().silenced).toEqual({});
    store().upsert({ ...a, status: 'QUEUED', returned: true, version: 3 });
    expect(store().silenced).toEqual({});
  });

  it('keeps the silence of cases still waiting across a snapshot', () => {
    const a = makeCase();
    const b = makeCase();
    store().applySnapshot(snapshot([a, b]));
    store().silenceWaiting();

    store().applySnapshot(snapshot([a, { ...b, status: 'ACCEPTED', version: 2 }], 3));
    expect(store().silenced).toEqual({ [a.id]: true });
  });
});
