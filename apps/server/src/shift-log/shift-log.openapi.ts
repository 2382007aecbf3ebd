import {
  ShiftNoteInputSchema,
  ShiftNoteListQuerySchema,
  ShiftNotePageSchema,
  ShiftNoteSchema,
} from '@arc/shared/shift-log';
import { z } from 'zod';
import { READ, type Route } from '../common/http/openapi-route.js';

/** The shift log's routes, for the OpenAPI document. */
export const SHIFT_LOG_ROUTES: Route[] = [
  {
    method: 'get',
    path: '/shift-log',
    tag: 'shift-log',
    summary: 'Handover notes, newest first; supervisors and administrators also get who has read each and who has not',
    roles: READ,
    query: ShiftNoteListQuerySchema,
    response: ShiftNotePageSchema,
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
