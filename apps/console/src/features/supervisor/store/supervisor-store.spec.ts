import { beforeEach, describe, expect, it } from 'vitest';
import { makeAttempt, makeSnapshot } from '../test/fixtures';
import { MAX_FAILURES, selectFailedLast15m, selectSupervisorSound, useSupervisorStore } from './supervisor-store';

const oldest = { kind: 'OLDEST_WAITING', message: 'A fire case has waited 40 s (threshold 30 s)' } as const;
const compliance = {
  kind: 'COMPLIANCE_15M',
  message: 'Last 15 min: 50.0 % accepted within 30 s (target 80.0 %)',
} as const;

const store = () => useSupervisorStore.getState();
const sound = () => selectSupervisorSound(store());

describe('supervisor store', () => {
  beforeEach(() => {
    store().reset();
  });

  it('holds the snapshot and when it arrived', () => {
    const snapshot = makeSnapshot();
    store().applySnapshot(snapshot, 1_000);
    expect(store().snapshot).toBe(snapshot);
    expect(store().receivedAt).toBe(1_000);
  });

  it('ignores a snapshot older than the one held (a slow HTTP answer after a socket push)', () => {
    const newer = makeSnapshot({ at: '2026-01-01T10:00:05.000Z' });
    store().applySnapshot(newer, 2_000);
    store().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:00.000Z' }), 3_000);
    expect(store().snapshot).toBe(newer);
    expect(store().receivedAt).toBe(2_000);
  });

  it('sounds while an alert is not acknowledged, and is quiet without alerts', () => {
    expect(sound()).toBe('off');
    store().applySnapshot(makeSnapshot({ alerts: [] }));
    expect(sound()).toBe('off');
    store().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:05.000Z', alerts: [oldest] }));
    expect(sound()).toBe('alert');
  });

  it('stays silent after acknowledging until a new kind of alert appears', () => {
    store().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:00.000Z', alerts: [oldest] }));
    store().acknowledge();
    expect(sound()).toBe('off');

    // The same alert in the next snapshots: still acknowledged.
    store().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:05.000Z', alerts: [oldest] }));
    expect(sound()).toBe('off');

    // A new kind sounds again, and acknowledging it covers both.
    store().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:10.000Z', alerts: [oldest, compliance] }));
    expect(sound()).toBe('alert');
    store().acknowledge();
    expect(sound()).toBe('off');
  });

  it('sounds again when an acknowledged alert clears and comes back', () => {
    store().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:00.000Z', alerts: [oldest] }));
    store().acknowledge();
    store().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:05.000Z', alerts: [] }));
    expect(store().acknowledged).toEqual([]);
    store().applySnapshot(makeSnapshot({ at: '2026-01-01T10:00:10.000Z', alerts: [oldest] }));
    expect(sound()).toBe('alert');
  });

  it('merges pushed failed verifications with the snapshot list, newest first, without duplicates', () => {
    const a = makeAttempt({ at: '2026-01-01T09:58:00.000Z' });
    const b = makeAttempt({ at: '2026-01-01T09:59:00.000Z' });
    store().applySnapshot(makeSnapshot({ verifications: { failedLast15m: 2, locked: [], recent: [b, a] } }));
    const pushed = makeAttempt({ at: '2026-01-01T10:00:02.000Z', result: 'LOCKED' });
    store().addFailure(pushed);
    store().addFailure(pushed); // delivered twice
    expect(store().failures.map((f) => f.id)).toEqual([pushed.id, b.id, a.id]);

    // The next snapshot includes the pushed one: still listed once.
    store().applySnapshot(
      makeSnapshot({
        at: '2026-01-01T10:00:05.000Z',
        verifications: { failedLast15m: 3, locked: [], recent: [pushed, b, a] },
      }),
    );
    expect(store().failures.map((f) => f.id)).toEqual([pushed.id, b.id, a.id]);
  });

  it(`keeps at most ${MAX_FAILURES} failures`, () => {
    store().applySnapshot(makeSnapshot());
    for (let i = 0; i < MAX_FAILURES + 5; i += 1) {
      store().addFailure(makeAttempt({ at: new Date(Date.UTC(2026, 0, 1, 9, 0, i)).toISOString() }));
    }
    expect(store().failures).toHaveLength(MAX_FAILURES);
    expect(store().failures[0]!.at).toBe('2026-01-01T09:00:24.000Z');
  });

  it('counts failures pushed after the snapshot on top of its 15-minute count', () => {
    expect(selectFailedLast15m(store())).toBe(0);
    store().applySnapshot(
      makeSnapshot({
        at: '2026-01-01T10:00:00.000Z',
        verifications: { failedLast15m: 2, locked: [], recent: [makeAttempt({ at: '2026-01-01T09:59:00.000Z' })] },
      }),
    );
    store().addFailure(makeAttempt({ at: '2026-01-01T10:00:01.000Z' }));
    expect(selectFailedLast15m(store())).toBe(3);
  });

  it('forgets everything on reset', () => {
    store().applySnapshot(makeSnapshot({ alerts: [oldest] }));
    store().addFailure(makeAttempt());
    store().acknowledge();
    store().reset();
    expect(store()).toMatchObject({ snapshot: null, receivedAt: null, failures: [], acknowledged: [] });
  });
});
