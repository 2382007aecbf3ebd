import type { VerificationAttempt, VerificationResult } from '@arc/shared/intake';
import {
  formatDurationWords,
  type ComplianceTarget,
  type OperatorState,
  type SupervisorAlert,
  type SupervisorSnapshot,
} from '@arc/shared/supervisor';
import { i18n } from '../../../lib/i18n/i18n';
import { formatNumber } from '../../../lib/i18n/format';
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
  if (s < 10) return secondsText(formatNumber(Math.floor(s * 10) / 10, ONE_DECIMAL));
  if (s < 60) return secondsText(formatNumber(Math.floor(s)));
  const whole = Math.floor(s);
  if (whole < 3600) {
    return i18n.t('supervisor:duration.minutes', {
      minutes: formatNumber(Math.floor(whole / 60)),
      seconds: pad(whole % 60),
    });
  }
  return i18n.t('supervisor:duration.hours', {
    hours: formatNumber(Math.floor(whole / 3600)),
    minutes: pad(Math.floor((whole % 3600) / 60)),
  });
}

const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

/** "42 s" for a number already formatted in the user's language. */
export function secondsText(value: string): string {
  return i18n.t('supervisor:duration.seconds', { value });
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
  return share === null ? '—' : i18n.t('supervisor:share', { value: formatNumber(share * 100, ONE_DECIMAL) });
}

/** "80 % within 30 s" (shares such as 98.5 % keep their decimal). */
export function formatTarget(target: ComplianceTarget): string {
  const percent = Math.round(target.share * 1000) / 10;
  return i18n.t('supervisor:target', {
    percent: formatNumber(percent, { maximumFractionDigits: 1 }),
    seconds: formatNumber(target.withinSeconds),
  });
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
  return i18n.t(`supervisor:state.${state}`);
}

export function verificationResultLabel(result: VerificationResult): string {
  return i18n.t(`supervisor:verifications.results.${result}`);
}

/** The figures an alert is told from: the snapshot it came with. */
export type AlertContext = Pick<SupervisorSnapshot, 'queue' | 'thresholds' | 'acceptTimes'>;

/**
 * An alert in the user's language, told from its figures: "A fire case has waited 7 min 12 s
 * (threshold 30 s): 2026-0000012 at Björken. Waiting: 4 fire, 1 technical". `complianceIndex`
 * is the alert's place among the snapshot's COMPLIANCE_15M alerts (one per target missed, in
 * the order of the targets). An alert without its figures (an older server) keeps the server's
 * own sentence.
 */
export function alertText(alert: SupervisorAlert, context: AlertContext, complianceIndex = 0): string {
  if (alert.kind === 'OLDEST_WAITING') {
    if (!alert.category || alert.waitingSeconds === undefined || !alert.waitingByCategory) return alert.message;
    const siteName = context.queue.find((q) => q.category === alert.category)?.oldestSiteName;
    const where = alert.caseNo
      ? siteName
        ? i18n.t('supervisor:alert.oldestCaseAtSite', { caseNo: alert.caseNo, siteName })
        : i18n.t('supervisor:alert.oldestCase', { caseNo: alert.caseNo })
      : '';
    const counts = alert.waitingByCategory
      .map((w) =>
        i18n.t('supervisor:alert.waitingIn', {
          category: i18n.t(`supervisor:alert.category.${w.category}`),
          n: formatNumber(w.waiting),
        }),
      )
      .join(', ');
    return i18n.t('supervisor:alert.oldestWaiting', {
      category: alert.category,
      waited: formatDurationWords(alert.waitingSeconds),
      threshold: formatDurationWords(context.thresholds.oldestWaitingSeconds),
      where,
      counts,
    });
  }
  const missed = context.acceptTimes.last15m.compliance.filter((c) => !c.met && c.share !== null)[complianceIndex];
  if (!missed || missed.share === null) return alert.message;
  return i18n.t('supervisor:alert.compliance15m', {
    share: formatNumber(missed.share * 100, ONE_DECIMAL),
    seconds: formatNumber(missed.target.withinSeconds),
    target: formatNumber(missed.target.share * 100, ONE_DECIMAL),
  });
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
