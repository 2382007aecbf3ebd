import { z } from 'zod';
import { caseTitleFields } from './case-title.js';
import { ALARM_CATEGORIES } from './alarm.js';
import { CASE_RESULTS } from './case-handling.js';
import { id, nullable, timestamp, UserRefSchema } from './contract-fields.js';
import { instantInput, PAGE_MAX, queryInt, safeString } from './safe-input.js';

/**
 * The closed-case search (GET /api/v1/cases/closed): the centre's case history for operators,
 * supervisors and administrators, newest closed first, one bounded page at a time.
 */

/** Most rows one page of the search returns. */
export const CLOSED_CASES_PAGE_SIZE_MAX = 100;
export const CLOSED_CASES_PAGE_SIZE_DEFAULT = 25;
/** The period searched when none is given: the last 7 days. */
export const CLOSED_CASES_DEFAULT_DAYS = 7;
/** The longest period one search may cover. */
export const CLOSED_CASES_MAX_DAYS = 366;

const DAY_MS = 86_400_000;

const instant = instantInput();

export const ClosedCaseQuerySchema = z
  .object({
    /** Cases of this site. */
    siteId: z.uuid('must be an id').optional(),
    /** Part of the site's name, street, city or municipality. */
    site: safeString().trim().max(100, 'must be at most 100 characters').optional(),
    /** The transmitter account of the case (exact, 3–16 hex characters). */
    account: safeString()
      .trim()
      .regex(/^[0-9A-Fa-f]{3,16}$/, 'must be 3-16 hexadecimal characters')
      .transform((account) => account.toUpperCase())
      .optional(),
    /** Closed at or after this time; default `to` minus 7 days. */
    from: instant.optional(),
    /** Closed before this time; default now. */
    to: instant.optional(),
    category: z.enum(ALARM_CATEGORIES).optional(),
    result: z.enum(CASE_RESULTS).optional(),
    /** A user who worked the case: held it at some time or closed it. */
    operatorId: z.uuid('must be an id').optional(),
    page: queryInt(1, PAGE_MAX).default(1),
    pageSize: queryInt(1, CLOSED_CASES_PAGE_SIZE_MAX).default(CLOSED_CASES_PAGE_SIZE_DEFAULT),
  })
  .superRefine((query, ctx) => {
    const period = closedCasePeriod(query, new Date());
    if ('problem' in period) ctx.addIssue({ code: 'custom', path: [period.field], message: period.problem });
  });
export type ClosedCaseQuery = z.output<typeof ClosedCaseQuerySchema>;
export type ClosedCaseQueryInput = z.input<typeof ClosedCaseQuerySchema>;

/**
 * The period a search covers: `to` defaults to now, `from` to 7 days before `to`. `from` must be
 * before `to`, and the period at most CLOSED_CASES_MAX_DAYS long.
 */
export function closedCasePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): { from: Date; to: Date } | { field: 'from' | 'to'; problem: string } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - CLOSED_CASES_DEFAULT_DAYS * DAY_MS);
  if (Number.isNaN(to.getTime())) return { field: 'to', problem: 'must be a date and time' };
  if (Number.isNaN(from.getTime())) return { field: 'from', problem: 'must be a date and time' };
  if (from.getTime() >= to.getTime()) return { field: 'from', problem: 'must be before to' };
  if (to.getTime() - from.getTime() > CLOSED_CASES_MAX_DAYS * DAY_MS) {
    return { field: 'from', problem: `the period may be at most ${CLOSED_CASES_MAX_DAYS} days` };
  }
  return { from, to };
}

/** One row of the search. */
export const ClosedCaseSummarySchema = z.object({
  id,
  caseNo: z.string(),
  category: z.enum(ALARM_CATEGORIES),
  title: z.string(),
  ...caseTitleFields,
  account: z.string(),
  siteId: nullable(id),
  siteName: nullable(z.string()),
  siteAddress: nullable(z.string()),
  unknownTransmitter: z.boolean(),
  /** When the first signal of the case arrived. */
  openedAt: timestamp,
  closedAt: timestamp,
  result: nullable(z.enum(CASE_RESULTS)),
  /** Who closed it. */
  closedBy: nullable(UserRefSchema),
  signalCount: z.number().int(),
});
export type ClosedCaseSummary = z.infer<typeof ClosedCaseSummarySchema>;

export const ClosedCasePageSchema = z.object({
  items: z.array(ClosedCaseSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The period searched (with the defaults filled in). */
  from: timestamp,
  to: timestamp,
});
export type ClosedCasePage = z.infer<typeof ClosedCasePageSchema>;
