import { restoreFamilyOf } from './restore-family.js';

export interface SuppressedAlarm {
  id: string;
  code: string;
  zone: string | null;
}

export interface LaterRestore {
  id: string;
  code: string;
  zone: string | null;
}

/**
 * The alarms suppressed during a window that are still active when it ends (docs/domain.md
 * section 4): per alarm family and zone, the last alarm is active unless a restore of the same
 * family came after it. A restore without a zone restores every zone of its family. Alarms
 * without a restore code ("fail to open") and unknown codes are events, not states: never active.
 * Ids are signal ids, which grow in the order signals were stored. Returns the last active
 * alarm of each family and zone, in storage order.
 */
export function activeAtEnd(alarms: readonly SuppressedAlarm[], restores: readonly LaterRestore[]): SuppressedAlarm[] {
  const lastAlarm = new Map<string, SuppressedAlarm>();
  for (const alarm of alarms) {
    const family = restoreFamilyOf(alarm.code);
    if (!family) continue;
    const key = `${family}\u0000${alarm.zone ?? ''}`;
    const previous = lastAlarm.get(key);
    if (!previous || BigInt(alarm.id) > BigInt(previous.id)) lastAlarm.set(key, alarm);
  }
  const active: SuppressedAlarm[] = [];
  for (const alarm of lastAlarm.values()) {
    const family = restoreFamilyOf(alarm.code);
    const restored = restores.some(
      (restore) =>
        BigInt(restore.id) > BigInt(alarm.id) &&
        restoreFamilyOf(restore.code) === family &&
        (restore.zone === null || restore.zone === alarm.zone),
    );
    if (!restored) active.push(alarm);
  }
  return active.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}
