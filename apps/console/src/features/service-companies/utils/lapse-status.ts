import { daysBetween } from '@arc/shared/directory';

/** Approvals and installers are flagged this many days before they lapse. */
export const LAPSE_WARNING_DAYS = 30;

/**
 * Where a validity period stands on `today` (a calendar day in the centre's time zone). The last
 * day (validTo) still counts: a period ending today "expires today" and has lapsed tomorrow.
 */
export type LapseStatus =
  /** No end date. */
  | { kind: 'open' }
  | { kind: 'valid'; until: string; daysLeft: number }
  /** Ends within the warning days (0 = today is the last day). */
  | { kind: 'expiring'; until: string; daysLeft: number }
  | { kind: 'expired'; until: string; daysAgo: number }
  | { kind: 'notYetValid'; from: string; daysUntil: number };

export interface Period {
  validFrom: string | null;
  validTo: string | null;
}

export function lapseStatus(period: Period, today: string, warningDays = LAPSE_WARNING_DAYS): LapseStatus {
  const { validFrom, validTo } = period;
  if (validTo !== null && validTo < today)
    return { kind: 'expired', until: validTo, daysAgo: daysBetween(validTo, today) };
  if (validFrom !== null && validFrom > today)
    return { kind: 'notYetValid', from: validFrom, daysUntil: daysBetween(today, validFrom) };
  if (validTo === null) return { kind: 'open' };
  const daysLeft = daysBetween(today, validTo);
  return daysLeft <= warningDays
    ? { kind: 'expiring', until: validTo, daysLeft }
    : { kind: 'valid', until: validTo, daysLeft };
}

/** How many of the periods lapse soon and how many have lapsed. */
export function lapseCounts(
  periods: readonly Period[],
  today: string,
  warningDays = LAPSE_WARNING_DAYS,
): { expiring: number; expired: number } {
  let expiring = 0;
  let expired = 0;
  for (const period of periods) {
    const { kind } = lapseStatus(period, today, warningDays);
    if (kind === 'expiring') expiring += 1;
    if (kind === 'expired') expired += 1;
  }
  return { expiring, expired };
}

/** Soonest end first, open-ended last: what needs attention comes first. */
export function byEnd(a: Period, b: Period): number {
  if (a.validTo === b.validTo) return 0;
  if (a.validTo === null) return 1;
  if (b.validTo === null) return -1;
  return a.validTo < b.validTo ? -1 : 1;
}
