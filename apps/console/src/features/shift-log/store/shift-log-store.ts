import type { ShiftNote, ShiftNoteInput } from '@arc/shared/shift-log';
import { create } from 'zustand';
import { describeRequestError } from '../../../utils/form-errors';
import { fetchShiftNotes, fetchUnreadShiftNotes, markShiftNoteRead, writeShiftNote } from '../api/shift-log-api';

export const SHIFT_LOG_PAGE_SIZE = 20;

export interface ShiftLogState {
  /** The current page of the log, newest first. */
  notes: ShiftNote[];
  total: number;
  page: number;
  loading: boolean;
  error: string | null;
  /** The caller's unread notes by others: the login dialog and the nav count. */
  unread: ShiftNote[];
  /** The login dialog was closed without reading everything ("Later"). */
  dialogDismissed: boolean;
  loadPage: (page?: number) => Promise<void>;
  loadUnread: () => Promise<void>;
  write: (input: ShiftNoteInput) => Promise<void>;
  markRead: (ids: readonly string[]) => Promise<void>;
  dismissDialog: () => void;
  reset: () => void;
}

const initial = {
  notes: [],
  total: 0,
  page: 1,
  loading: false,
  error: null,
  unread: [],
  dialogDismissed: false,
} satisfies Partial<ShiftLogState>;

function replaceNote(notes: ShiftNote[], note: ShiftNote): ShiftNote[] {
  return notes.map((n) => (n.id === note.id ? note : n));
}

/** The shift log: handover notes between shifts, and which of them the user has not read yet. */
export const useShiftLogStore = create<ShiftLogState>()((set, get) => ({
  ...initial,
  loadPage: async (page = get().page) => {
    set({ loading: true, error: null });
    try {
      const result = await fetchShiftNotes(page, SHIFT_LOG_PAGE_SIZE);
      set({ notes: result.items, total: result.total, page: result.page, loading: false });
    } catch (error) {
      set({ loading: false, error: describeRequestError(error).message });
    }
  },
  loadUnread: async () => {
    try {
      set({ unread: await fetchUnreadShiftNotes() });
    } catch {
      // The count stays as it was; the next load tries again.
    }
  },
  write: async (input) => {
    await writeShiftNote(input);
    await get().loadPage(1);
  },
  markRead: async (ids) => {
    for (const id of ids) {
      const note = await markShiftNoteRead(id);
      set((state) => ({
        unread: state.unread.filter((n) => n.id !== id),
        notes: replaceNote(state.notes, note),
      }));
    }
  },
  dismissDialog: () => set({ dialogDismissed: true }),
  reset: () => set(initial),
}));
