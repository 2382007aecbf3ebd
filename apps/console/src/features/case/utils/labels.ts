import type { ContactOutcome } from '@arc/shared/case-handling';
import type { ContactRouteKind } from '@arc/shared/directory';
import { i18n } from '../../../lib/i18n/i18n';
import { formatDateTime as centreDateTime, formatTime as centreTime } from '../../../utils/time';

/** A contact attempt's outcome in words, in the language in force. */
export function outcomeLabel(outcome: ContactOutcome): string {
  return i18n.t(`case:outcome.${outcome}`, { defaultValue: String(outcome) });
}

/** Phone, SMS or e-mail, in the language in force. */
export function routeKindLabel(kind: ContactRouteKind): string {
  return i18n.t(`case:route.${kind}`, { defaultValue: String(kind) });
}

/** Date and time as the centre writes them (2026-01-01 10:00:05). */
export function formatDateTime(iso: string | null): string {
  return iso ? centreDateTime(iso) : '—';
}

/** 21:43:05 in the centre's zone. */
export function formatTime(iso: string): string {
  return centreTime(iso);
}

/** "+1:05" from `from` to `to`, for the case's times; empty when either is missing. */
export function formatDelta(from: string | null, to: string | null): string {
  if (!from || !to) return '';
  const ms = Date.parse(to) - Date.parse(from);
  if (Number.isNaN(ms)) return '';
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mmss = `${h > 0 ? String(m).padStart(2, '0') : m}:${String(s).padStart(2, '0')}`;
  return `+${h > 0 ? `${h}:` : ''}${mmss}`;
}
