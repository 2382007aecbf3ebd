import { z } from 'zod';
import { caseTitleFields } from './case-title.js';
import { ALARM_CATEGORIES } from './alarm.js';

export const CASE_STATUSES = ['QUEUED', 'ACCEPTED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What a console needs to show a case in the queue. */
export const CaseSummarySchema = z.object({
  id: z.string().uuid(),
  caseNo: z.string(),
  category: z.enum(ALARM_CATEGORIES),
  priority: z.number().int().positive(),
  status: z.enum(CASE_STATUSES),
  title: z.string(),
  ...caseTitleFields,
  account: z.string(),
  siteId: z.string().uuid().nullable(),
  siteName: z.string().nullable(),
  siteAddress: z.string().nullable(),
  unknownTransmitter: z.boolean(),
  signalCount: z.number().int().nonnegative(),
  /** A transmitter of the case sent more signals than the runaway threshold: the count keeps rising. */
  runaway: z.boolean(),
  /**
   * A signal of the case came unencrypted from a transmitter that has a key: it may be forged
   * by someone who knows the account (or the panel lost its key). Verify before acting on it.
   */
  unencryptedFromKeyed: z.boolean(),
  queuedAt: z.string(),
  lastSignalAt: z.string(),
  /** The operator holding the case (status ACCEPTED). */
  heldBy: z.object({ userId: z.string().uuid(), name: z.string() }).nullable(),
  /** It went back to the queue (console gone, put back, reassigned) at least once. */
  returned: z.boolean(),
  /** Why it went back the last time (put back: the operator's reason; returned: "console lost"). */
  returnReason: z.string().nullable(),
  /** A supervisor moved it to the top of its queue. */
  movedToTop: z.boolean(),
  /**
   * Given to its holder (the site sticks to them, or a supervisor assigned it) and not yet
   * acknowledged: the time it goes back to the queue unless they open it. Null (or absent) otherwise.
   */
  ackDueAt: z.string().nullable().optional(),
  /** Increases with every change of the case; a console keeps the highest it saw. */
  version: z.number().int().positive(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const QueueSnapshotSchema = z.object({
  cases: z.array(CaseSummarySchema),
  at: z.string(),
  /** The number of the last change the server process sent to its consoles before this snapshot. */
  seq: z.number().int().nonnegative(),
});

/**
 * One change on a socket (they travel in batches, `case.changes.v3`). `seq` counts the changes a
 * server process sends to its consoles (every console gets every one), so after its snapshot a
 * console sees them one by one: a console that sees a number skipped has missed a change and asks
 * for a snapshot.
 */
export const CaseChangeSchema = z.object({ seq: z.number().int().positive(), summary: CaseSummarySchema });
export type CaseChange = z.infer<typeof CaseChangeSchema>;
export type QueueSnapshot = z.infer<typeof QueueSnapshotSchema>;
