/**
 * A contract's term from its start date and length in months (`ContractSchema`: startDate,
 * termMonths). Dates are calendar dates (YYYY-MM-DD) and compared as such.
 */

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The term's last day: the day before the same date `termMonths` later (2026-01-01, 12 months:
 * 2026-12-31), or the last day of that month when the date does not exist there (2026-01-31,
 * 1 month: 2026-02-28). The text as it is when it is not a date.
 */
export function contractEndDate(startDate: string, termMonths: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
  if (!match) return startDate;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const targetYear = year + Math.floor((month + termMonths) / 12);
  const targetMonth = (month + termMonths) % 12;
  const last = daysInMonth(targetYear, targetMonth);
  if (day > last) return isoDate(Date.UTC(targetYear, targetMonth, last));
  return isoDate(Date.UTC(targetYear, targetMonth, day) - 86_400_000);
}

export type ContractStatus = 'upcoming' | 'active' | 'ended';

/** Where `today` (YYYY-MM-DD in the centre's zone) falls in the term, both ends included. */
export function contractStatus(startDate: string, termMonths: number, today: string): ContractStatus {
  if (today < startDate) return 'upcoming';
  return today > contractEndDate(startDate, termMonths) ? 'ended' : 'active';
}
