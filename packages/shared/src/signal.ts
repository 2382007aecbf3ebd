import { z } from 'zod';
import { safeString } from './safe-input.js';
import { isEventCodeShape } from './event-codes.js';
import type { SignalDecision } from './rules.js';

/** DC-09 accounts are 3–16 hex characters and stay strings: leading zeros matter. */
export const AccountSchema = safeString()
  .regex(/^[0-9A-Fa-f]{3,16}$/, 'account must be 3-16 hexadecimal characters')
  .transform((account) => account.toUpperCase());

/** Body of POST /api/v1/signals. */
export const IngestSignalSchema = z
  .object({
    account: AccountSchema,
    code: safeString().refine(
      isEventCodeShape,
      'code must be an SIA code of two capital letters (e.g. "BA") or Contact ID qualifier and event (e.g. "1130")',
    ),
    zone: safeString()
      .regex(/^[0-9A-Za-z]{1,8}$/, 'zone must be 1-8 letters or digits')
      .optional(),
    area: safeString()
      .regex(/^[0-9A-Za-z]{1,8}$/, 'area must be 1-8 letters or digits')
      .optional(),
    text: safeString().max(500).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    /** A caller-chosen id; the same id from the same account is stored once. */
    eventId: safeString().min(1).max(64).optional(),
  })
  .strict();
export type IngestSignalRequest = z.infer<typeof IngestSignalSchema>;

export interface IngestSignalResponse {
  signalId: string;
  /** True when this eventId was already stored: nothing new was written. */
  duplicate: boolean;
  kind: string;
  category: string | null;
  caseId: string | null;
  caseNo: string | null;
  /** What the rules decided (SUPPRESSED in service mode, DEFERRED for an AC loss, …); null for a duplicate. */
  decision: SignalDecision | null;
  /** The account has no transmitter in the directory; the case says so. */
  unknownTransmitter: boolean;
}
