import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { useQueueStore } from '../store/queue-store';
import { makeCase, snapshot } from '../test/fixtures';
import { AlarmSoundControl } from './alarm-sound-control';

afterEach(() => {
  useQueueStore.getState().reset();
});

describe('the alarm tone’s visual twin', () => {
  it('shows which tone sounds by a beacon shape and a name, not by colour alone', () => {
    useQueueStore.getState().applySnapshot(snapshot([makeCase({ category: 'FIRE' })]));
    const { rerender } = render(<AlarmSoundControl />);
    expect(screen.getByTestId('alarm-sound').dataset.sound).toBe('fire');
    expect(screen.getByTestId('alarm-beacon').textContent).toBe('▲');
    expect(screen.getByTestId('alarm-sound-state').textContent).toBe('Fire tone');
    // Announced to screen readers as it changes.
    expect(screen.getByTestId('alarm-sound-state').getAttribute('role')).toBe('status');

    useQueueStore.getState().applySnapshot(snapshot([makeCase({ category: 'HOLDUP' })], 1));
    rerender(<AlarmSoundControl />);
    expect(screen.getByTestId('alarm-beacon').textContent).toBe('◆');

    useQueueStore.getState().applySnapshot(snapshot([makeCase({ category: 'INTRUSION' })], 2));
    rerender(<AlarmSoundControl />);
    expect(screen.getByTestId('alarm-beacon').textContent).toBe('●');

    useQueueStore.getState().applySnapshot(snapshot([], 3));
    rerender(<AlarmSoundControl />);
    expect(screen.getByTestId('alarm-beacon').textContent).toBe('○');
    expect(screen.getByTestId('alarm-sound-state').textContent).toBe('Quiet');
  });

  it('names the tone in Swedish', () => {
    applyLocale('sv');
    useQueueStore.getState().applySnapshot(snapshot([makeCase({ category: 'FIRE' })]));
    render(<AlarmSoundControl />);
    expect(screen.getByTestId('alarm-sound-state').textContent).not.toBe('Fire tone');
    expect(screen.getByTestId('alarm-silence').textContent).not.toContain('Silence');
  });
});
