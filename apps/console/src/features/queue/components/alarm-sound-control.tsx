import { useTranslation } from 'react-i18next';
import { i18n } from '../../../lib/i18n/i18n';
import { useAlarmSound, useAudioStatus } from '../hooks/use-alarm-sound';
import { useWaitingCount } from '../hooks/use-queue';
import { useQueueStore } from '../store/queue-store';
import type { AlarmSound } from '../utils/alarm-sound';

/** The shape of the beacon beside the tone's name: a fire tone is not told from a hold-up tone by colour alone. */
const BEACON: Readonly<Record<AlarmSound, string>> = { fire: '▲', holdup: '◆', normal: '●', off: '○' };

/**
 * What the alarm tone is doing, and the button (or M) that silences it until a new case waits.
 * The tone's visual twin: a beacon that pulses while a tone sounds (its shape says which tone),
 * and the tone's name, announced to screen readers when it changes.
 */
export function AlarmSoundControl() {
  const { t } = useTranslation('queue');
  const sound = useAlarmSound();
  const waiting = useWaitingCount();
  const silence = useQueueStore((state) => state.silenceWaiting);
  return (
    <div className="alarm-sound" data-sound={sound} data-testid="alarm-sound">
      <span className="alarm-sound__beacon" aria-hidden="true" data-testid="alarm-beacon">
        {BEACON[sound]}
      </span>
      <span className="alarm-sound__state" role="status" aria-live="polite" data-testid="alarm-sound-state">
        {soundLabel(sound, waiting)}
      </span>
      <button
        className="button button--small"
        type="button"
        onClick={silence}
        disabled={sound === 'off'}
        title={t('sound.silenceTitle')}
        data-testid="alarm-silence"
      >
        {t('sound.silence')} <kbd>M</kbd>
      </button>
    </div>
  );
}

/** Browsers refuse sound until the page gets a click or key press; say so until then. */
export function AudioNotice() {
  const { t } = useTranslation('queue');
  const audio = useAudioStatus();
  if (audio === 'running') return null;
  return (
    <div className="audio-notice" role="status" data-testid="audio-notice" data-audio={audio}>
      {audio === 'locked' ? t('sound.locked') : t('sound.unavailable')}
    </div>
  );
}

export function soundLabel(sound: AlarmSound, waiting: number): string {
  switch (sound) {
    case 'fire':
      return i18n.t('queue:sound.fire');
    case 'holdup':
      return i18n.t('queue:sound.holdup');
    case 'normal':
      return i18n.t('queue:sound.normal');
    case 'off':
      return waiting > 0 ? i18n.t('queue:sound.silenced') : i18n.t('queue:sound.quiet');
    default: {
      const unexpected: never = sound;
      return String(unexpected);
    }
  }
}
