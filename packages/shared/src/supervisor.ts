import { z } from 'zod';
import { safeString } from './safe-input.js';
import { ALARM_CATEGORIES, type AlarmCategory } from './alarm.js';
import { id, nullable, timestamp } from './contract-fields.js';
import { VerificationAttemptSchema } from './intake.js';

/**
 * The supervisor's view (docs/domain.md section 8): is the centre keeping up? Accept time is from
 * the case being queued to an operator taking it. The EN 50518 figures usually quoted (80 % within
 * 30 s, 98.5 % within 60 s) are defaults of the server's configuration.
 */

export const ComplianceTargetSchema = z.object({
  /** Accepted within this many seconds … */
  withinSeconds: z.number(),
  /** … for at least this share of cases (0–1). */
  share: z.number(),
});
export type ComplianceTarget = z.infer<typeof ComplianceTargetSchema>;

export const AcceptTimeFiguresSchema = z.object({
  /** Cases accepted in the window (service cases excluded, as in ZR0001). */
  count: z.number().int(),
  p50: nullable(z.number()),
  p90: nullable(z.number()),
  p99: nullable(z.number()),
  /** Per target: the share accepted within its time, and whether it meets the target. Null share when count is 0. */
  compliance: z.array(z.object({ target: ComplianceTargetSchema, share: nullable(z.number()), met: z.boolean() })),
});
export type AcceptTimeFigures = z.infer<typeof AcceptTimeFiguresSchema>;

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

export const OperatorLoadSchema = z.object({
  userId: id,
  name: z.string(),
  role: z.string(),
  state: z.enum(OPERATOR_STATES),
  awayReason: nullable(z.string()),
  holding: z.number().int(),
  /** Cases this operator closed today, and their mean handling time (sum of holds) in seconds. */
  handledToday: z.number().int(),
  meanHandlingSeconds: nullable(z.number()),
});
export type OperatorLoad = z.infer<typeof OperatorLoadSchema>;

export const QueueByPrioritySchema = z.object({
  category: z.enum(ALARM_CATEGORIES),
  priority: z.number().int(),
  waiting: z.number().int(),
  /** Seconds the oldest waiting case of this priority has waited; null when none waits. */
  oldestWaitingSeconds: nullable(z.number()),
  /** Case number and site of that oldest waiting case (absent from older servers; null when none waits). */
  oldestCaseNo: nullable(z.string()).optional(),
  oldestSiteName: nullable(z.string()).optional(),
});
export type QueueByPriority = z.infer<typeof QueueByPrioritySchema>;

export const HistoryPointSchema = z.object({
  /** Start of the 5-minute bucket. */
  at: timestamp,
  /** Cases waiting at the end of the bucket. */
  queueDepth: z.number().int(),
  /** Median accept time of the cases accepted in the bucket. */
  acceptP50: nullable(z.number()),
  accepted: z.number().int(),
});
export type HistoryPoint = z.infer<typeof HistoryPointSchema>;

export const SUPERVISOR_ALERT_KINDS = ['OLDEST_WAITING', 'COMPLIANCE_15M'] as const;
export type SupervisorAlertKind = (typeof SUPERVISOR_ALERT_KINDS)[number];

export const SupervisorAlertSchema = z.object({
  kind: z.enum(SUPERVISOR_ALERT_KINDS),
  message: z.string(),
  /** OLDEST_WAITING: the case it names (the most urgent one past the threshold) … */
  category: z.enum(ALARM_CATEGORIES).optional(),
  caseNo: nullable(z.string()).optional(),
  waitingSeconds: z.number().optional(),
  /** … and how many cases wait per category, most urgent category first (categories with none left out). */
  waitingByCategory: z.array(z.object({ category: z.enum(ALARM_CATEGORIES), waiting: z.number().int() })).optional(),
});
export type SupervisorAlert = z.infer<typeof SupervisorAlertSchema>;

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
const transmitterOfSite = { transmitterId: id, account: z.string(), siteId: id, siteName: z.string() };

export const SupervisorSnapshotSchema = z.object({
  at: timestamp,
  queue: z.array(QueueByPrioritySchema),
  acceptTimes: z.object({
    last15m: AcceptTimeFiguresSchema,
    last1h: AcceptTimeFiguresSchema,
    today: AcceptTimeFiguresSchema,
  }),
  history: z.array(HistoryPointSchema),
  operators: z.array(OperatorLoadSchema),
  verifications: z.object({
    failedLast15m: z.number().int(),
    locked: z.array(VerificationAttemptSchema),
    recent: z.array(VerificationAttemptSchema),
  }),
  runaways: z.array(z.object({ ...transmitterOfSite, until: timestamp })),
  missingTests: z.array(z.object({ ...transmitterOfSite, since: timestamp })),
  alerts: z.array(SupervisorAlertSchema),
  thresholds: z.object({ oldestWaitingSeconds: z.number(), targets: z.array(ComplianceTargetSchema) }),
});
export type SupervisorSnapshot = z.infer<typeof SupervisorSnapshotSchema>;

/** The category as a word in the alert's English sentence (its translations are in the catalogues). */
const CATEGORY_WORD: Readonly<Record<AlarmCategory, string>> = {
  FIRE: 'fire',
  HOLDUP: 'hold-up',
  INTRUSION: 'intrusion',
  TECHNICAL: 'technical',
  SERVICE: 'service',
};

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
    const counts = waitingByCategory.map((w) => `${w.waiting} ${CATEGORY_WORD[w.category]}`).join(', ');
    alerts.push({
      kind: 'OLDEST_WAITING',
      message: `${CATEGORY_WORD[named.category] === 'intrusion' ? 'An' : 'A'} ${CATEGORY_WORD[named.category]} case has waited ${formatDurationWords(named.oldestWaitingSeconds!)} (threshold ${formatDurationWords(oldestWaitingThreshold)})${where}. Waiting: ${counts}`,
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
