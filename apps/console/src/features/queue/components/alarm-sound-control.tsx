import { useAlarmSound, useAudioStatus } from '../hooks/use-alarm-sound';
import { useWaitingCount } from '../hooks/use-queue';
import { useQueueStore } from '../store/queue-store';
import type { AlarmSound } from '../utils/alarm-sound';

/** What the alarm tone is doing, and the button (or M) that silences it until a new case waits. */
export function AlarmSoundControl() {
  const sound = useAlarmSound();
  const waiting = useWaitingCount();
  const silence = useQueueStore((state) => state.silenceWaiting);
  return (
    <div className="alarm-sound" data-sound={sound} data-testid="alarm-sound">
      <span className="alarm-sound__state" data-testid="alarm-sound-state">
        {soundLabel(sound, waiting)}
      </span>
      <button
        className="button button--small"
        type="button"
        onClick={silence}
        disabled={sound === 'off'}
        title="Silence the tone for the cases waiting now; a new case sounds again"
        data-testid="alarm-silence"
      >
        Silence <kbd>M</kbd>
      </button>
    </div>
  );
}

/** Browsers refuse sound until the page gets a click or key press; say so until then. */
export function AudioNotice() {
  const audio = useAudioStatus();
  if (audio === 'running') return null;
  return (
    <div className="audio-notice" role="status" data-testid="audio-notice" data-audio={audio}>
      {audio === 'locked'
        ? 'Alarm sound is off until you click or press a key: the browser blocks sound before that.'
        : 'This browser cannot play the alarm tones: watch the queue.'}
    </div>
  );
}

export function soundLabel(sound: AlarmSound, waiting: number): string {
  switch (sound) {
    case 'fire':
      return 'Fire tone';
    case 'holdup':
      return 'Hold-up tone';
    case 'normal':
      return 'Alarm tone';
    case 'off':
      return waiting > 0 ? 'Silenced' : 'Quiet';
    default: {
      const unexpected: never = sound;
      return String(unexpected);
    }
  }
}
