import { useEffect } from 'react';
import { useAlarmSoundStore } from '../store/alarm-sound-store';
import { useQueueStore } from '../store/queue-store';
import { selectAlarmSound, type AlarmSound } from '../utils/alarm-sound';
import { createTonePlayer, REPEAT_MS, type AudioStatus, type TonePlayer } from '../../../lib/audio/tone-player';

const defaultPlayer = createTonePlayer();

/**
 * The tone the queue calls for now (whether or not the browser lets it play yet); with `userId`,
 * cases given to that user and not yet acknowledged sound too.
 */
export function useAlarmSound(userId: string | null = null): AlarmSound {
  return useQueueStore((state) => selectAlarmSound(state.cases, state.silenced, userId));
}

export function useAudioStatus(): AudioStatus {
  return useAlarmSoundStore((state) => state.audio);
}

/**
 * Mount once, in the shell: starts audio on the first click or key press (browsers refuse it
 * before one) and repeats the wanted tone until no case waits unsilenced.
 */
export function useAlarmSoundPlayer(player: TonePlayer = defaultPlayer, userId: string | null = null): void {
  const sound = useAlarmSound(userId);
  const audio = useAudioStatus();

  useEffect(() => {
    const { setAudio } = useAlarmSoundStore.getState();
    const unsubscribe = player.subscribe(setAudio);
    const unlock = () => {
      if (player.status() === 'locked') player.unlock();
    };
    // After the login click the page already had its gesture, and this may work at once.
    unlock();
    setAudio(player.status());
    window.addEventListener('pointerdown', unlock, true);
    window.addEventListener('keydown', unlock, true);
    return () => {
      unsubscribe();
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
    };
  }, [player]);

  useEffect(() => {
    if (sound === 'off' || audio !== 'running') return;
    player.play(sound);
    const timer = setInterval(() => player.play(sound), REPEAT_MS[sound]);
    return () => clearInterval(timer);
  }, [sound, audio, player]);
}
