import type { CaseSummary } from '@arc/shared/case';
import type { CaseDetail } from '@arc/shared/case-handling';
import { isAwaitingAck } from '../features/queue/utils/alarm-sound';

/**
 * Cases given to the user (site sticks, supervisor) and not yet acknowledged, most urgent first
 * (priority, then the earliest deadline).
 */
export function givenCases(cases: Readonly<Record<string, CaseSummary>>, userId: string | null): CaseSummary[] {
  return Object.values(cases)
    .filter((summary) => isAwaitingAck(summary, userId))
    .sort((a, b) => a.priority - b.priority || Date.parse(a.ackDueAt!) - Date.parse(b.ackDueAt!));
}

/**
 * A given case of higher priority than the case the operator has open (and holds) must not hide
 * behind it: the banner is urgent and cannot be put aside until that case is opened.
 */
export function outranksOpenCase(given: CaseSummary, open: CaseDetail | null, userId: string | null): boolean {
  if (!open || open.summary.id === given.id) return false;
  if (open.summary.status !== 'ACCEPTED' || open.summary.heldBy?.userId !== userId) return false;
  return given.priority < open.summary.priority;
}

/** Whole seconds left until the deadline (never below 0), by the server's clock. */
export function secondsLeft(ackDueAt: string, now: number, clockOffsetMs: number): number {
  return Math.max(0, Math.ceil((Date.parse(ackDueAt) - (now + clockOffsetMs)) / 1000));
}
