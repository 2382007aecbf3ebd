import type { CaseSummary } from '@arc/shared/case';
import type { Tone } from '../../../lib/audio/tone-player';

/** The tone the console sounds: fire and hold-up have their own, every other waiting alarm the normal one. */
export type AlarmSound = Tone | 'off';

/**
 * Sounds while any case waits (QUEUED, nobody took it) that the operator has not silenced. The
 * most urgent waiting case picks the tone, silenced or not: a new intrusion alarm while a
 * silenced fire alarm still waits brings back the fire tone.
 *
 * A case given to `userId` (site sticks, supervisor) that they have not acknowledged sounds too,
 * with its own category's tone, until they open it: M does not silence it.
 */
export function selectAlarmSound(
  cases: Readonly<Record<string, CaseSummary>>,
  silenced: Readonly<Record<string, true>>,
  userId: string | null = null,
): AlarmSound {
  let unsilenced = false;
  let fire = false;
  let holdup = false;
  for (const summary of Object.values(cases)) {
    if (summary.status === 'QUEUED') {
      if (!silenced[summary.id]) unsilenced = true;
    } else if (isAwaitingAck(summary, userId)) {
      unsilenced = true;
    } else {
      continue;
    }
    if (summary.category === 'FIRE') fire = true;
    else if (summary.category === 'HOLDUP') holdup = true;
  }
  if (!unsilenced) return 'off';
  if (fire) return 'fire';
  if (holdup) return 'holdup';
  return 'normal';
}

/** Given to this user (not taken by them) and not yet acknowledged. */
export function isAwaitingAck(summary: CaseSummary, userId: string | null): boolean {
  return (
    userId !== null && summary.status === 'ACCEPTED' && summary.heldBy?.userId === userId && Boolean(summary.ackDueAt)
  );
}
