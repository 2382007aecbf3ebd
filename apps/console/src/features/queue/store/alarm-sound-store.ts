import { create } from 'zustand';
import type { AudioStatus } from '../../../lib/audio/tone-player';

export interface AlarmSoundState {
  audio: AudioStatus;
  setAudio: (audio: AudioStatus) => void;
}

/** Whether the browser lets the console play its alarm tones yet. */
export const useAlarmSoundStore = create<AlarmSoundState>()((set) => ({
  audio: 'locked',
  setAudio: (audio) => set({ audio }),
}));
