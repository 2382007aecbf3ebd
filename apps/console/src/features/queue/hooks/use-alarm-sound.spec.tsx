import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlarmSoundControl, AudioNotice } from '../components/alarm-sound-control';
import { useAlarmSoundStore } from '../store/alarm-sound-store';
import { useQueueStore } from '../store/queue-store';
import { makeCase, snapshot } from '../test/fixtures';
import type { AudioStatus, TonePlayer } from '../../../lib/audio/tone-player';
import { useAlarmSound, useAlarmSoundPlayer } from './use-alarm-sound';

/** A player that starts locked and unlocks on the first unlock() call, as after a gesture. */
function fakePlayer() {
  let status: AudioStatus = 'locked';
  const listeners = new Set<(s: AudioStatus) => void>();
  const player = {
    status: () => status,
    unlock: vi.fn(() => {
      if (player.unlock.mock.calls.length < 2) return; // the call at mount has no gesture yet
      status = 'running';
      for (const listener of listeners) listener(status);
    }),
    play: vi.fn(() => status === 'running'),
    subscribe: (listener: (s: AudioStatus) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } satisfies TonePlayer;
  return player;
}

function Shell({ player }: { player: TonePlayer }) {
  useAlarmSoundPlayer(player);
  const sound = useAlarmSound();
  return (
    <div data-testid="shell" data-alarm-sound={sound}>
      <AlarmSoundControl />
      <AudioNotice />
    </div>
  );
}

describe('alarm sound', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useQueueStore.getState().reset();
    useAlarmSoundStore.setState({ audio: 'locked' });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says the browser blocks sound until the first key press, then plays and repeats the fire tone', () => {
    const player = fakePlayer();
    useQueueStore.getState().applySnapshot(snapshot([makeCase({ category: 'FIRE' })]));
    render(<Shell player={player} />);

    expect(screen.getByTestId('shell').dataset.alarmSound).toBe('fire');
    expect(screen.getByTestId('audio-notice').textContent).toMatch(/click or press a key/);
    expect(player.play).not.toHaveBeenCalled();

    act(() => {
      fireEvent.keyDown(window, { key: 'Shift' });
    });
    expect(screen.queryByTestId('audio-notice')).toBeNull();
    expect(player.play).toHaveBeenCalledWith('fire');
    const once = player.play.mock.calls.length;

    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(player.play.mock.calls.length).toBe(once + 1);
  });

  it('stops when nothing waits any more, and the silence button stops it until a new case waits', () => {
    const player = fakePlayer();
    player.unlock();
    player.unlock();
    const waiting = makeCase({ category: 'INTRUSION' });
    useQueueStore.getState().applySnapshot(snapshot([waiting], 1));
    render(<Shell player={player} />);
    expect(screen.getByTestId('shell').dataset.alarmSound).toBe('normal');

    fireEvent.click(screen.getByTestId('alarm-silence'));
    expect(screen.getByTestId('shell').dataset.alarmSound).toBe('off');
    expect(screen.getByTestId('alarm-sound-state').textContent).toBe('Silenced');
    player.play.mockClear();
    act(() => {
      vi.advanceTimersByTime(20_000);
    });
    expect(player.play).not.toHaveBeenCalled();

    act(() => {
      useQueueStore.getState().applyChanges([{ seq: 2, summary: makeCase({ category: 'HOLDUP' }) }]);
    });
    expect(screen.getByTestId('shell').dataset.alarmSound).toBe('holdup');
    expect(player.play).toHaveBeenCalledWith('holdup');

    act(() => {
      useQueueStore.getState().applySnapshot(snapshot([], 2));
    });
    expect(screen.getByTestId('shell').dataset.alarmSound).toBe('off');
    expect(screen.getByTestId('alarm-sound-state').textContent).toBe('Quiet');
    expect(screen.getByTestId<HTMLButtonElement>('alarm-silence').disabled).toBe(true);
  });
});
