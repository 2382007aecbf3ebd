import { useEffect, useSyncExternalStore } from 'react';
import { createTonePlayer, REPEAT_MS, type AudioStatus, type TonePlayer } from '../../../lib/audio/tone-player';
import type { SupervisorSound } from '../store/supervisor-store';

/** Its own AudioContext: the queue's alarm tones go on independently of the supervisor's alert. */
const defaultPlayer = createTonePlayer();

/** The supervisor alert uses the soft single beep: the fire and hold-up tones mean a case of that kind. */
const ALERT_TONE = 'normal' as const;

/**
 * Repeats the alert tone while `sound` is 'alert'. Browsers refuse audio before a click or key
 * press; opening the screen was one, and any later one unlocks it too. Returns whether audio runs.
 */
export function useSupervisorAlertSound(sound: SupervisorSound, player: TonePlayer = defaultPlayer): AudioStatus {
  const audio = useSyncExternalStore(player.subscribe, player.status);

  useEffect(() => {
    const unlock = () => {
      if (player.status() === 'locked') player.unlock();
    };
    unlock();
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    return () => {
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
  }, [player]);

  useEffect(() => {
    if (sound === 'off' || audio !== 'running') return;
    player.play(ALERT_TONE);
    const timer = setInterval(() => player.play(ALERT_TONE), REPEAT_MS[ALERT_TONE]);
    return () => clearInterval(timer);
  }, [sound, audio, player]);

  return audio;
}
