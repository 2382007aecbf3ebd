import { describe, expect, it, vi } from 'vitest';
import { createTonePlayer } from './tone-player';

/** Records what the player schedules; starts suspended like a context created before a gesture. */
class FakeAudioContext extends EventTarget {
  state: AudioContextState = 'suspended';
  currentTime = 10;
  destination = {};
  oscillators: { type: string; frequency: number; start: number; stop: number }[] = [];
  resume = vi.fn(() => {
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
    return Promise.resolve();
  });
  createOscillator() {
    const record = { type: '', frequency: 0, start: 0, stop: 0 };
    this.oscillators.push(record);
    return {
      set type(value: string) {
        record.type = value;
      },
      frequency: {
        set value(value: number) {
          record.frequency = value;
        },
      },
      connect: vi.fn(),
      start: (at: number) => (record.start = at),
      stop: (at: number) => (record.stop = at),
    };
  }
  createGain() {
    return {
      gain: { setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() },
      connect: vi.fn(),
    };
  }
}

function player() {
  const context = new FakeAudioContext();
  const tones = createTonePlayer(() => context as unknown as AudioContext);
  return { context, tones };
}

describe('tone player', () => {
  it('is unsupported without the Web Audio API', () => {
    const tones = createTonePlayer(null);
    tones.unlock();
    expect(tones.status()).toBe('unsupported');
    expect(tones.play('fire')).toBe(false);
  });

  it('plays nothing until unlocked, then reports running', async () => {
    const { context, tones } = player();
    const seen: string[] = [];
    tones.subscribe((status) => seen.push(status));

    expect(tones.status()).toBe('locked');
    expect(tones.play('normal')).toBe(false);

    tones.unlock();
    await vi.waitFor(() => expect(tones.status()).toBe('running'));
    expect(context.resume).toHaveBeenCalledTimes(1);
    expect(seen).toContain('running');
  });

  it('plays three high beeps for fire, a two-pitch warble for hold-up and one beep otherwise', async () => {
    const { context, tones } = player();
    tones.unlock();
    await vi.waitFor(() => expect(tones.status()).toBe('running'));

    expect(tones.play('fire')).toBe(true);
    expect(context.oscillators.map((o) => o.frequency)).toEqual([950, 950, 950]);
    expect(context.oscillators.every((o) => o.start >= context.currentTime && o.stop > o.start)).toBe(true);

    context.oscillators = [];
    tones.play('holdup');
    expect(new Set(context.oscillators.map((o) => o.frequency))).toEqual(new Set([700, 1050]));

    context.oscillators = [];
    tones.play('normal');
    expect(context.oscillators.map((o) => o.frequency)).toEqual([660]);
  });
});
