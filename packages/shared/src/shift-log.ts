import { z } from 'zod';
import { queryInt, safeString } from './safe-input.js';

/**
 * The shift log: handover notes between shifts. Anyone on duty writes one; each user sees the
 * notes of others they have not read yet (of the last SHIFT_LOG_UNREAD_DAYS days) at login until
 * they mark them read; supervisors see who has read each note.
 */

export const SHIFT_NOTE_TEXT_MAX = 2000;
export const SHIFT_LOG_UNREAD_DAYS = 7;

export const ShiftNoteInputSchema = z
  .object({
    text: safeString('Write the note')
      .trim()
      .min(1, 'Write the note')
      .max(SHIFT_NOTE_TEXT_MAX, `The note must be at most ${SHIFT_NOTE_TEXT_MAX} characters`),
    important: z.boolean('must be true or false').optional().default(false),
  })
  .strict();
export type ShiftNoteInput = z.input<typeof ShiftNoteInputSchema>;

export const ShiftNoteListQuerySchema = z.object({
  page: queryInt(1, 1_000_000).default(1),
  pageSize: queryInt(1, 100).default(20),
});
export type ShiftNoteListQuery = z.output<typeof ShiftNoteListQuerySchema>;

export const ShiftNoteReaderSchema = z.object({ userId: z.uuid(), name: z.string(), readAt: z.iso.datetime() });
export type ShiftNoteReader = z.infer<typeof ShiftNoteReaderSchema>;

export const ShiftNoteSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  text: z.string(),
  important: z.boolean(),
  author: z.object({ userId: z.uuid(), name: z.string() }),
  /** Whether the caller has marked it read (always true for the caller's own notes). */
  readByMe: z.boolean(),
  /** Supervisors and administrators only: who has marked it read, and when (null for others). */
  readers: z.array(ShiftNoteReaderSchema).nullable(),
  /** Supervisors and administrators only: active users who have not read it yet (null for others). */
  unreadBy: z.array(z.object({ userId: z.uuid(), name: z.string() })).nullable(),
});
export type ShiftNote = z.infer<typeof ShiftNoteSchema>;

export const ShiftNotePageSchema = z.object({
  items: z.array(ShiftNoteSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ShiftNotePage = z.infer<typeof ShiftNotePageSchema>;
