/** The tones the console can sound: fire and hold-up have their own, every other alarm the normal one. */
export type Tone = 'fire' | 'holdup' | 'normal';

/**
 * locked: the browser has not let the page play sound yet (no click or key press so far).
 * running: tones play. unsupported: no Web Audio API here (old browser, test environment).
 */
export type AudioStatus = 'locked' | 'running' | 'unsupported';

export interface TonePlayer {
  /**
   * Creates or resumes the AudioContext. Call it from a click or key press; a call without one
   * may work too once the page had a gesture (the login click), else the context stays locked.
   */
  unlock: () => void;
  /** Plays one round of the tone; false when audio is not running. */
  play: (tone: Tone) => boolean;
  status: () => AudioStatus;
  /** Told whenever the status may have changed (the browser can also suspend the context). */
  subscribe: (listener: (status: AudioStatus) => void) => () => void;
}

/** How often a tone repeats while its alarm waits. */
export const REPEAT_MS: Readonly<Record<Tone, number>> = { fire: 3_000, holdup: 3_000, normal: 5_000 };

interface Beep {
  frequency: number;
  /** Start within the round and length, in seconds. */
  at: number;
  length: number;
}

interface Pattern {
  wave: OscillatorType;
  gain: number;
  beeps: readonly Beep[];
}

// Three short high beeps echo the fire-alarm temporal-three pattern; the hold-up tone is a
// two-pitch warble; anything else gets one soft beep. All are made with an oscillator: no files.
const PATTERNS: Readonly<Record<Tone, Pattern>> = {
  fire: {
    wave: 'square',
    gain: 0.12,
    beeps: [0, 0.4, 0.8].map((at) => ({ frequency: 950, at, length: 0.25 })),
  },
  holdup: {
    wave: 'triangle',
    gain: 0.25,
    beeps: [0, 0.15, 0.3, 0.45, 0.6, 0.75].map((at, i) => ({ frequency: i % 2 ? 1050 : 700, at, length: 0.14 })),
  },
  normal: { wave: 'sine', gain: 0.25, beeps: [{ frequency: 660, at: 0, length: 0.35 }] },
};

const RAMP_S = 0.01;

export type AudioContextFactory = () => AudioContext;

export function createTonePlayer(factory: AudioContextFactory | null = defaultFactory()): TonePlayer {
  let context: AudioContext | null = null;
  const listeners = new Set<(status: AudioStatus) => void>();

  const status = (): AudioStatus => {
    if (!factory) return 'unsupported';
    return context?.state === 'running' ? 'running' : 'locked';
  };
  const notify = () => {
    const current = status();
    for (const listener of listeners) listener(current);
  };

  return {
    status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    unlock: () => {
      if (!factory) return;
      try {
        if (!context) {
          context = factory();
          context.addEventListener('statechange', notify);
        }
        // Without a gesture the promise may stay pending until one comes: never wait for it.
        if (context.state !== 'running') {
          context.resume().then(notify, (error: unknown) => {
            console.warn(`[sound] audio not started: ${(error as Error).message}`);
          });
        }
      } catch (error) {
        console.warn(`[sound] audio not started: ${(error as Error).message}`);
      }
      notify();
    },
    play: (tone) => {
      if (!context || context.state !== 'running') return false;
      schedule(context, PATTERNS[tone]);
      return true;
    },
  };
}

function schedule(context: AudioContext, pattern: Pattern): void {
  const start = context.currentTime + 0.02;
  for (const beep of pattern.beeps) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = pattern.wave;
    oscillator.frequency.value = beep.frequency;
    const from = start + beep.at;
    const to = from + beep.length;
    // Short ramps at both ends: a tone switched on and off at full volume clicks.
    gain.gain.setValueAtTime(0, from);
    gain.gain.linearRampToValueAtTime(pattern.gain, from + RAMP_S);
    gain.gain.setValueAtTime(pattern.gain, to - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, to);
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.start(from);
    oscillator.stop(to + RAMP_S);
  }
}

function defaultFactory(): AudioContextFactory | null {
  return typeof AudioContext === 'undefined' ? null : () => new AudioContext();
}
