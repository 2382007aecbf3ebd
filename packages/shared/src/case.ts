import { z } from 'zod';
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
  account: z.string(),
  siteId: z.string().uuid().nullable(),
  siteName: z.string().nullable(),
  siteAddress: z.string().nullable(),
  unknownTransmitter: z.boolean(),
  signalCount: z.number().int().nonnegative(),
  queuedAt: z.string(),
  lastSignalAt: z.string(),
  /** Increases with every change of the case; a console keeps the highest it saw. */
  version: z.number().int().positive(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const QueueSnapshotSchema = z.object({
  cases: z.array(CaseSummarySchema),
  at: z.string(),
});
export type QueueSnapshot = z.infer<typeof QueueSnapshotSchema>;
