import { z } from 'zod';
import { safeString } from './safe-input.js';
import type { AlarmCategory } from './alarm.js';
import type { VerificationAttempt } from './intake.js';

/**
 * The supervisor's view (docs/domain.md section 8): is the centre keeping up? Accept time is from
 * the case being queued to an operator taking it. The EN 50518 figures usually quoted (80 % within
 * 30 s, 98.5 % within 60 s) are defaults of the server's configuration.
 */

export interface ComplianceTarget {
  /** Accepted within this many seconds … */
  withinSeconds: number;
  /** … for at least this share of cases (0–1). */
  share: number;
}

export interface AcceptTimeFigures {
  /** Cases accepted in the window (service cases excluded, as in ZR0001). */
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  /** Per target: the share accepted within its time, and whether it meets the target. Null share when count is 0. */
  compliance: { target: ComplianceTarget; share: number | null; met: boolean }[];
}

/**
 * Nearest-rank percentile of the values (seconds): the smallest value such that at least p % of
 * the values are at or below it. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * The share of values at or below the limit (accepted exactly at 30 s counts as within 30 s), and
 * whether that meets the target share. An empty window has no share and counts as met: there
 * was nothing to accept late.
 */
export function compliance(
  values: readonly number[],
  target: ComplianceTarget,
): { share: number | null; met: boolean } {
  if (values.length === 0) return { share: null, met: true };
  const within = values.filter((v) => v <= target.withinSeconds).length;
  const share = within / values.length;
  return { share, met: share >= target.share };
}

export function acceptTimeFigures(values: readonly number[], targets: readonly ComplianceTarget[]): AcceptTimeFigures {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
    compliance: targets.map((target) => ({ target, ...compliance(values, target) })),
  };
}

export const OPERATOR_STATES = ['AVAILABLE', 'AWAY', 'ON_CASE', 'ON_CALL', 'OFFLINE'] as const;
export type OperatorState = (typeof OPERATOR_STATES)[number];

/** What an operator sets themselves; ON_CASE and ON_CALL are derived, OFFLINE means no console. */
export const SetOperatorStateInputSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('AVAILABLE') }).strict(),
  z.object({ state: z.literal('AWAY'), reason: safeString().trim().min(1, 'is required').max(200) }).strict(),
]);
export type SetOperatorStateInput = z.input<typeof SetOperatorStateInputSchema>;

/** What an operator last set (GET /operators/me/state); null state when never set. */
export const OwnOperatorStateSchema = z.object({
  state: z.enum(['AVAILABLE', 'AWAY']).nullable(),
  reason: z.string().nullable(),
  since: z.iso.datetime().nullable(),
});
export type OwnOperatorState = z.infer<typeof OwnOperatorStateSchema>;

export interface OperatorLoad {
  userId: string;
  name: string;
  role: string;
  state: OperatorState;
  awayReason: string | null;
  holding: number;
  /** Cases this operator closed today, and their mean handling time (sum of holds) in seconds. */
  handledToday: number;
  meanHandlingSeconds: number | null;
}

export interface QueueByPriority {
  category: AlarmCategory;
  priority: number;
  waiting: number;
  /** Seconds the oldest waiting case of this priority has waited; null when none waits. */
  oldestWaitingSeconds: number | null;
  /** Case number and site of that oldest waiting case (absent from older servers; null when none waits). */
  oldestCaseNo?: string | null;
  oldestSiteName?: string | null;
}

export interface HistoryPoint {
  /** Start of the 5-minute bucket. */
  at: string;
  /** Cases waiting at the end of the bucket. */
  queueDepth: number;
  /** Median accept time of the cases accepted in the bucket. */
  acceptP50: number | null;
  accepted: number;
}

export type SupervisorAlertKind = 'OLDEST_WAITING' | 'COMPLIANCE_15M';

export interface SupervisorAlert {
  kind: SupervisorAlertKind;
  message: string;
  /** OLDEST_WAITING: the case it names (the most urgent one past the threshold) … */
  category?: AlarmCategory;
  caseNo?: string | null;
  waitingSeconds?: number;
  /** … and how many cases wait per category, most urgent category first (categories with none left out). */
  waitingByCategory?: { category: AlarmCategory; waiting: number }[];
}

/**
 * A duration in words for an alert or a screen read at a glance: "45 s", "7 min 12 s", "7 min",
 * "1 h 3 min". Whole seconds, rounded down.
 */
export function formatDurationWords(seconds: number): string {
  const total = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const s = total % 60;
    return s === 0 ? `${Math.floor(total / 60)} min` : `${Math.floor(total / 60)} min ${s} s`;
  }
  const m = Math.floor((total % 3600) / 60);
  return m === 0 ? `${Math.floor(total / 3600)} h` : `${Math.floor(total / 3600)} h ${m} min`;
}

/**
 * The waiting case an OLDEST_WAITING alert names: of the categories whose oldest case has waited
 * past the threshold, the most urgent (lowest priority number), and in it the longest waiting.
 * A technical case waiting 9 minutes never hides four fire alarms waiting 7.
 */
export function mostUrgentOverdue(
  queue: readonly QueueByPriority[],
  oldestWaitingThreshold: number,
): QueueByPriority | null {
  let best: QueueByPriority | null = null;
  for (const q of queue) {
    if (q.oldestWaitingSeconds === null || q.waiting === 0 || q.oldestWaitingSeconds < oldestWaitingThreshold) continue;
    if (
      best === null ||
      q.priority < best.priority ||
      (q.priority === best.priority && q.oldestWaitingSeconds > best.oldestWaitingSeconds!)
    ) {
      best = q;
    }
  }
  return best;
}

/** Pushed to supervisors over the socket (`supervisor.snapshot.v1`) every few seconds. */
export interface SupervisorSnapshot {
  at: string;
  queue: QueueByPriority[];
  acceptTimes: { last15m: AcceptTimeFigures; last1h: AcceptTimeFigures; today: AcceptTimeFigures };
  history: HistoryPoint[];
  operators: OperatorLoad[];
  verifications: { failedLast15m: number; locked: VerificationAttempt[]; recent: VerificationAttempt[] };
  runaways: { transmitterId: string; account: string; siteId: string; siteName: string; until: string }[];
  missingTests: { transmitterId: string; account: string; siteId: string; siteName: string; since: string }[];
  alerts: SupervisorAlert[];
  thresholds: { oldestWaitingSeconds: number; targets: ComplianceTarget[] };
}

/** The alerts for a snapshot: the oldest waiting case past the threshold, or 15-minute compliance under target. */
export function supervisorAlerts(
  queue: readonly QueueByPriority[],
  last15m: AcceptTimeFigures,
  oldestWaitingThreshold: number,
): SupervisorAlert[] {
  const alerts: SupervisorAlert[] = [];
  const named = mostUrgentOverdue(queue, oldestWaitingThreshold);
  if (named) {
    const waitingByCategory = [...queue]
      .filter((q) => q.waiting > 0)
      .sort((a, b) => a.priority - b.priority)
      .map((q) => ({ category: q.category, waiting: q.waiting }));
    const where = named.oldestCaseNo
      ? `: ${named.oldestCaseNo}${named.oldestSiteName ? ` at ${named.oldestSiteName}` : ''}`
      : '';
    const counts = waitingByCategory.map((w) => `${w.waiting} ${w.category.toLowerCase()}`).join(', ');
    alerts.push({
      kind: 'OLDEST_WAITING',
      message: `A ${named.category.toLowerCase()} case has waited ${formatDurationWords(named.oldestWaitingSeconds!)} (threshold ${formatDurationWords(oldestWaitingThreshold)})${where}. Waiting: ${counts}`,
      category: named.category,
      caseNo: named.oldestCaseNo ?? null,
      waitingSeconds: Math.floor(named.oldestWaitingSeconds!),
      waitingByCategory,
    });
  }
  for (const c of last15m.compliance) {
    if (!c.met && c.share !== null) {
      alerts.push({
        kind: 'COMPLIANCE_15M',
        message: `Last 15 min: ${(c.share * 100).toFixed(1)} % accepted within ${c.target.withinSeconds} s (target ${(c.target.share * 100).toFixed(1)} %)`,
      });
    }
  }
  return alerts;
}
