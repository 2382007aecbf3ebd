import type { AlarmCategory } from '@arc/shared/alarm';
import type { AuthorityLevel } from '@arc/shared/authority';
import type { IntakeAction, IntakeOutcome, VerificationResult } from '@arc/shared/intake';
import { i18n } from '../../../lib/i18n/i18n';
import { formatDateTime as centreDateTime, formatTimeShort } from '../../../utils/time';

export function actionLabel(action: IntakeAction): string {
  return i18n.t(`intake:action.${action}`);
}

export function outcomeLabel(outcome: IntakeOutcome): string {
  return i18n.t(`intake:outcome.${outcome}`);
}

export function verificationResultLabel(result: VerificationResult): string {
  return i18n.t(`intake:verificationResult.${result}`);
}

/** An alarm category as the intake screen names it (the code itself in English, as the centre reads it). */
export function categoryText(category: AlarmCategory): string {
  return i18n.t(`intake:category.${category}`);
}

/** A window's category, or "all categories" for a whole transmitter. */
export function scopeText(category: AlarmCategory | null): string {
  return category ? categoryText(category) : i18n.t('intake:allCategories');
}

/** "Bo Berg (level B)". */
export function callerWithLevel(name: string, level: AuthorityLevel): string {
  return i18n.t('intake:callerWithLevel', { name, level });
}

/** "1 hour (60 minutes)", "90 minutes", "2 days (2880 minutes)". */
export function minutesInWords(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return i18n.t('intake:duration.days', { days: minutes / 1440, minutes });
  if (minutes >= 60 && minutes % 60 === 0) return i18n.t('intake:duration.hours', { hours: minutes / 60, minutes });
  return i18n.t('intake:duration.minutes', { minutes });
}

/** Elapsed or remaining time as m:ss (h:mm:ss from an hour); negative counts as zero. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** 2026-12-01 21:43:05 in the centre's zone. */
export function formatDateTime(iso: string | null): string {
  return iso ? centreDateTime(iso) : '—';
}

/** 21:43 in the centre's zone. */
export function formatTime(iso: string): string {
  return formatTimeShort(iso);
}
