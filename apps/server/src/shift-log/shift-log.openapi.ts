import { ShiftNoteInputSchema, ShiftNoteListQuerySchema } from '@arc/shared';
import { z } from 'zod';
import type { Route } from '../directory/openapi-route.js';

const READ = ['operator', 'supervisor', 'admin'] as const;

const ShiftNoteSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  text: z.string(),
  important: z.boolean(),
  author: z.object({ userId: z.uuid(), name: z.string() }),
  readByMe: z.boolean(),
  readers: z.array(z.object({ userId: z.uuid(), name: z.string(), readAt: z.iso.datetime() })).nullable(),
  unreadBy: z.array(z.object({ userId: z.uuid(), name: z.string() })).nullable(),
});

/** The shift log's routes, for the OpenAPI document. */
export const SHIFT_LOG_ROUTES: Route[] = [
  {
    method: 'get',
    path: '/shift-log',
    tag: 'shift-log',
    summary: 'Handover notes, newest first; supervisors and administrators also get who has read each and who has not',
    roles: READ,
    query: ShiftNoteListQuerySchema,
    response: z.object({
      items: z.array(ShiftNoteSchema),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
  },
  {
    method: 'get',
    path: '/shift-log/unread',
    tag: 'shift-log',
    summary: "The caller's unread notes by others of the last 7 days (shown at login until read), important first",
    roles: READ,
    response: z.array(ShiftNoteSchema),
  },
  {
    method: 'post',
    path: '/shift-log',
    tag: 'shift-log',
    summary: 'Write a handover note (optionally important)',
    roles: READ,
    body: ShiftNoteInputSchema,
    response: ShiftNoteSchema,
    status: 201,
  },
  {
    method: 'post',
    path: '/shift-log/:id/read',
    tag: 'shift-log',
    summary: 'Mark the note read by the caller (recorded once, with the time)',
    roles: READ,
    response: ShiftNoteSchema,
    errors: [404],
  },
];
