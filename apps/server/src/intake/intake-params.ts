import { z } from 'zod';
import { Roles } from '../auth/auth.decorators.js';

/** Longest list the list routes answer with. */
export const CALL_LIST_MAX = 10_000;

/** Whoever is on duty answers the phone. */
export const OnDuty = () => Roles('operator', 'supervisor', 'admin');
export const Supervising = () => Roles('supervisor', 'admin');

const instant = z.iso.datetime({ offset: true, message: 'must be a date and time, e.g. 2026-11-22T14:00:00Z' });
const uuid = z.uuid('must be an id');
const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

// The query schemas are the server's own: the shared contract has none for these routes.

/** GET /intake/calls: calls started in [from, to), for ZR0010/ZR0020. */
export const CallListQuerySchema = z
  .object({
    from: instant,
    to: instant,
    limit: z.coerce.number().int().min(1).max(CALL_LIST_MAX).default(1000),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'must be after from', path: ['to'] });
export type CallListQuery = z.output<typeof CallListQuerySchema>;

/** GET /intake/verifications: newest first. */
export const VerificationListQuerySchema = z.object({
  failedOnly: flag,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type VerificationListQuery = z.output<typeof VerificationListQuerySchema>;

/** GET /intake/messages: by default the messages not passed on yet. */
export const MessageListQuerySchema = z.object({
  waiting: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MessageListQuery = z.output<typeof MessageListQuerySchema>;

/** GET /intake/calls/:id/status. */
export const StatusQuerySchema = z.object({ verificationId: uuid });
