import type { VerificationAttempt, VerificationResult } from '@arc/shared/intake';
import type { ComplianceTarget, OperatorState } from '@arc/shared/supervisor';
import { formatTime as centreTime, formatWhen as centreWhen } from '../../../utils/time';

/** Pushed every 5 s: three missed in a row and the screen no longer shows the present. */
export const STALE_AFTER_MS = 15_000;

export type Freshness = 'fresh' | 'stale';

export function freshness(ageMs: number): Freshness {
  return ageMs < STALE_AFTER_MS ? 'fresh' : 'stale';
}

/**
 * A duration in seconds for people reading it at a glance: "8.5 s" under ten seconds, "42 s",
 * "2 min 05 s", "1 h 03 min". Null (nothing to measure) is a dash.
 */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, seconds);
  if (s < 10) return `${(Math.floor(s * 10) / 10).toFixed(1)} s`;
  if (s < 60) return `${Math.floor(s)} s`;
  const whole = Math.floor(s);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${pad(whole % 60)} s`;
  return `${Math.floor(whole / 3600)} h ${pad(Math.floor((whole % 3600) / 60))} min`;
}

/** Waiting time as mm:ss (h:mm:ss from one hour), as on the queue screen. */
export function formatClockDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const mmss = `${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** A share (0–1) as a percentage with one decimal; null (no cases) is a dash. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)} %`;
}

/** "80 % within 30 s" (shares such as 98.5 % keep their decimal). */
export function formatTarget(target: ComplianceTarget): string {
  const percent = Math.round(target.share * 1000) / 10;
  return `${percent} % within ${target.withinSeconds} s`;
}

/** Met, missed, or nothing to judge: an empty window is not shown as a success. */
export type ComplianceStatus = 'met' | 'missed' | 'none';

export function complianceStatus(c: { share: number | null; met: boolean }): ComplianceStatus {
  if (c.share === null) return 'none';
  return c.met ? 'met' : 'missed';
}

/** hh:mm:ss in the centre's zone. */
export function formatTime(iso: string): string {
  return centreTime(iso);
}

/** hh:mm for today, YYYY-MM-DD hh:mm for an earlier day (centre's zone): a message may wait over a weekend. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  return centreWhen(iso, now);
}

/** The category in words (one list for the whole console). */
export { categoryLabel } from '../../../utils/labels';

export function operatorStateLabel(state: OperatorState): string {
  switch (state) {
    case 'AVAILABLE':
      return 'Available';
    case 'AWAY':
      return 'Away';
    case 'ON_CASE':
      return 'On a case';
    case 'ON_CALL':
      return 'On a call';
    case 'OFFLINE':
      return 'Offline';
    default: {
      const unexpected: never = state;
      return String(unexpected);
    }
  }
}

export function verificationResultLabel(result: VerificationResult): string {
  switch (result) {
    case 'VERIFIED':
      return 'Verified';
    case 'WRONG_PASSWORD':
      return 'Wrong password';
    case 'LOCKED':
      return 'Locked';
    case 'NO_PASSWORD':
      return 'No password on file';
    case 'NOT_AUTHORIZED':
      return 'Not authorized';
    default: {
      const unexpected: never = result;
      return String(unexpected);
    }
  }
}

/**
 * The callers locked out now, one line per person and site (the latest attempt): the snapshot's
 * list plus locks pushed since, without the locks that have run out meanwhile.
 */
export function lockedCallers(
  snapshotLocked: readonly VerificationAttempt[],
  failures: readonly VerificationAttempt[],
  nowMs: number,
): VerificationAttempt[] {
  const latest = new Map<string, VerificationAttempt>();
  for (const attempt of [...snapshotLocked, ...failures]) {
    if (!attempt.lockedUntil || Date.parse(attempt.lockedUntil) <= nowMs) continue;
    const key = `${attempt.person.id || attempt.person.name}|${attempt.siteId ?? ''}`;
    const held = latest.get(key);
    if (!held || Date.parse(attempt.at) > Date.parse(held.at)) latest.set(key, attempt);
  }
  return [...latest.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

function pad(value: number): string {
  return value.toString().padStart(2, '0');
}
