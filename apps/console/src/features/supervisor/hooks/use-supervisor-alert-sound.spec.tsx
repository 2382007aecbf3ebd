import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPEAT_MS, type AudioStatus, type TonePlayer } from '../../../lib/audio/tone-player';
import type { SupervisorSound } from '../store/supervisor-store';
import { useSupervisorAlertSound } from './use-supervisor-alert-sound';

/** Starts locked; the first unlock() is the one at mount (no gesture), the second one works. */
function fakePlayer(initial: AudioStatus = 'locked') {
  let status: AudioStatus = initial;
  const listeners = new Set<(s: AudioStatus) => void>();
  const player = {
    status: () => status,
    unlock: vi.fn(() => {
      if (player.unlock.mock.calls.length < 2) return;
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

function Probe({ sound, player }: { sound: SupervisorSound; player: TonePlayer }) {
  const audio = useSupervisorAlertSound(sound, player);
  return <div data-testid="probe" data-audio={audio} />;
}

describe('useSupervisorAlertSound', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a gesture, then repeats the alert tone until the sound goes off', () => {
    const player = fakePlayer();
    const { rerender } = render(<Probe sound="alert" player={player} />);
    expect(screen.getByTestId('probe').dataset.audio).toBe('locked');
    expect(player.play).not.toHaveBeenCalled();

    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    });
    expect(screen.getByTestId('probe').dataset.audio).toBe('running');
    expect(player.play).toHaveBeenCalledTimes(1);
    expect(player.play).toHaveBeenLastCalledWith('normal');

    act(() => {
      vi.advanceTimersByTime(REPEAT_MS.normal * 2);
    });
    expect(player.play).toHaveBeenCalledTimes(3);

    rerender(<Probe sound="off" player={player} />);
    act(() => {
      vi.advanceTimersByTime(REPEAT_MS.normal * 3);
    });
    expect(player.play).toHaveBeenCalledTimes(3);
  });

  it('plays nothing while there is no alert', () => {
    const player = fakePlayer('running');
    render(<Probe sound="off" player={player} />);
    act(() => {
      vi.advanceTimersByTime(REPEAT_MS.normal * 2);
    });
    expect(player.play).not.toHaveBeenCalled();
  });
});
