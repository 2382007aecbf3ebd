import { beforeEach, describe, expect, it } from 'vitest';
import { selectAlarmSound } from '../utils/alarm-sound';
import { makeCase, snapshot } from '../test/fixtures';
import { useQueueStore } from './queue-store';

const store = () => useQueueStore.getState();
const sound = () => selectAlarmSound(store().cases, store().silenced);

describe('a silenced waiting case that gets a new signal', () => {
  beforeEach(() => store().reset());

  it('sounds again; a change without a new signal (a restore) keeps it silent', () => {
    const fire = makeCase({ category: 'FIRE' });
    store().applySnapshot(snapshot([fire]));
    store().silenceWaiting();
    expect(sound()).toBe('off');

    // A restore or another change that adds no signal: still silenced.
    store().upsert({ ...fire, version: 2 });
    expect(sound()).toBe('off');

    store().upsert({ ...fire, version: 3, signalCount: 2, lastSignalAt: '2026-01-01T10:01:00.000Z' });
    expect(store().silenced).toEqual({});
    expect(sound()).toBe('fire');
  });

  it('sounds again when the new signal arrives with a snapshot (after a reconnect)', () => {
    const a = makeCase();
    const b = makeCase();
    store().applySnapshot(snapshot([a, b]));
    store().silenceWaiting();
    store().applySnapshot(snapshot([a, { ...b, version: 2, signalCount: 3 }], 4));
    expect(store().silenced).toEqual({ [a.id]: true });
    expect(sound()).toBe('normal');
  });
});
