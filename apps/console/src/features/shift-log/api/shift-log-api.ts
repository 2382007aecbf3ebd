import { z } from 'zod';
import {
  type ShiftNote,
  type ShiftNoteInput,
  type ShiftNotePage,
  ShiftNotePageSchema,
  ShiftNoteSchema,
} from '@arc/shared/shift-log';
import { apiRequest } from '../../../lib/api';

export function fetchShiftNotes(page = 1, pageSize = 20, signal?: AbortSignal): Promise<ShiftNotePage> {
  return apiRequest<ShiftNotePage>(`/shift-log?page=${page}&pageSize=${pageSize}`, {
    signal,
    schema: ShiftNotePageSchema,
  });
}

/** The caller's unread notes by others of the last days (shown at login until read). */
export function fetchUnreadShiftNotes(signal?: AbortSignal): Promise<ShiftNote[]> {
  return apiRequest<ShiftNote[]>('/shift-log/unread', { signal, schema: z.array(ShiftNoteSchema) });
}

export function writeShiftNote(input: ShiftNoteInput): Promise<ShiftNote> {
  return apiRequest<ShiftNote>('/shift-log', { method: 'POST', body: input, schema: ShiftNoteSchema });
}

export function markShiftNoteRead(id: string): Promise<ShiftNote> {
  return apiRequest<ShiftNote>(`/shift-log/${id}/read`, { method: 'POST', schema: ShiftNoteSchema });
}
