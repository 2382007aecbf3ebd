import type { ShiftNote } from '@arc/shared/shift-log';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { useShiftLogStore } from '../store/shift-log-store';
import { ShiftLogScreen } from './shift-log-screen';
import { ShiftLogCount, UnreadShiftNotesDialog } from './unread-shift-notes';

function note(overrides: Partial<ShiftNote> = {}): ShiftNote {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    at: '2026-12-01T21:43:00.000Z',
    text: 'The Västerås line is down, use the backup number',
    important: true,
    author: { userId: '22222222-2222-4222-8222-222222222222', name: 'Siv Supervisor' },
    readByMe: false,
    readers: null,
    unreadBy: null,
    ...overrides,
  };
}

/** Answers fetch with `answer(method, path)` and records the calls. */
function stubFetch(answer: (method: string, path: string) => unknown) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = url.replace('/api/v1', '');
      calls.push(`${method} ${path}`);
      return new Response(JSON.stringify(answer(method, path)), { status: 200 });
    }),
  );
  return calls;
}

describe('shift log', () => {
  beforeEach(() => useShiftLogStore.getState().reset());
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unread notes right after login with a count, until they are marked read', async () => {
    const unread = note();
    const calls = stubFetch(() => ({ ...unread, readByMe: true }));
    useShiftLogStore.setState({ unread: [unread] });
    render(
      <>
        <ShiftLogCount />
        <UnreadShiftNotesDialog />
      </>,
    );
    expect(screen.getByTestId('shift-log-count').textContent).toBe('1');
    expect(screen.getByTestId('shift-log-dialog').textContent).toContain('1 note you have not read');
    expect(screen.getByTestId('shift-log-dialog-note').textContent).toContain('The Västerås line is down');
    // In the centre's time zone (Europe/Stockholm), 24-hour.
    expect(screen.getByTestId('shift-log-dialog-note').textContent).toContain('2026-12-01 22:43');

    fireEvent.click(screen.getByTestId('shift-log-mark-read'));
    await waitFor(() => expect(screen.queryByTestId('shift-log-dialog')).toBeNull());
    expect(screen.queryByTestId('shift-log-count')).toBeNull();
    expect(calls).toEqual([`POST /shift-log/${unread.id}/read`]);
  });

  it('shows supervisors who has read each note and who has not', async () => {
    stubFetch(() => ({
      items: [
        note({
          readByMe: true,
          readers: [
            {
              userId: '33333333-3333-4333-8333-333333333333',
              name: 'Olle Operator',
              readAt: '2026-12-01T22:00:00.000Z',
            },
          ],
          unreadBy: [{ userId: '44444444-4444-4444-8444-444444444444', name: 'Nina Night' }],
        }),
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    }));
    render(<ShiftLogScreen canSeeReaders />);
    expect((await screen.findByTestId('shift-note-readers')).textContent).toBe(
      'Read by: Olle Operator (2026-12-01 23:00)',
    );
    expect(screen.getByTestId('shift-note-unread-by').textContent).toContain('Not read by: Nina Night');
  });

  it('refuses an empty note with a sentence in words', async () => {
    const calls = stubFetch(() => ({ items: [], total: 0, page: 1, pageSize: 20 }));
    render(<ShiftLogScreen canSeeReaders={false} />);
    await screen.findByTestId('shift-log-empty');
    fireEvent.click(screen.getByTestId('shift-note-save'));
    expect((await screen.findByTestId('shift-note-text-error')).textContent).toBe('Write the note');
    expect(calls).toEqual(['GET /shift-log?page=1&pageSize=20']);
  });
});

describe('shift log in Swedish', () => {
  beforeEach(() => {
    useShiftLogStore.getState().reset();
    applyLocale('sv');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unread notes dialog in Swedish', () => {
    useShiftLogStore.setState({
      unread: [note(), note({ id: '55555555-5555-4555-8555-555555555555', important: false })],
    });
    render(
      <>
        <ShiftLogCount />
        <UnreadShiftNotesDialog />
      </>,
    );
    const dialog = screen.getByTestId('shift-log-dialog');
    expect(dialog.textContent).toContain('Skiftlogg: 2 anteckningar som du inte har läst');
    expect(dialog.textContent).toContain('VIKTIG');
    expect(screen.getByTestId('shift-log-mark-read').textContent).toBe('Markera som läst');
    expect(screen.getByTestId('shift-log-later').textContent).toBe('Senare');
    expect(screen.getByTestId('shift-log-count').getAttribute('aria-label')).toBe('2 olästa');
    for (const english of ['Shift log', 'notes you have not read', 'IMPORTANT', 'Mark as read', 'Later', 'unread']) {
      expect(document.body.textContent, english).not.toContain(english);
    }
  });

  it('shows the log, the form and the read receipts in Swedish', async () => {
    stubFetch(() => ({
      items: [
        note({
          readByMe: false,
          readers: [
            {
              userId: '33333333-3333-4333-8333-333333333333',
              name: 'Olle Operator',
              readAt: '2026-12-01T22:00:00.000Z',
            },
          ],
          unreadBy: [{ userId: '44444444-4444-4444-8444-444444444444', name: 'Nina Night' }],
        }),
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    }));
    render(<ShiftLogScreen canSeeReaders />);
    expect((await screen.findByTestId('shift-note-readers')).textContent).toBe(
      'Läst av: Olle Operator (2026-12-01 23:00)',
    );
    expect(screen.getByTestId('shift-note-unread-by').textContent).toContain('Inte läst av: Nina Night');
    const log = screen.getByTestId('shift-log');
    expect(screen.getByRole('heading', { name: 'Skiftlogg' })).toBeTruthy();
    expect(log.textContent).toContain('Anteckning till nästa skift');
    expect(log.textContent).toContain('Viktig');
    expect(screen.getByTestId('shift-note-save').textContent).toBe('Lägg till anteckning');
    expect(screen.getByTestId('shift-note-read').textContent).toBe('Markera som läst');
    const english = ['Shift log', 'Note for the next shift', 'Important', 'IMPORTANT', 'Add note', 'Mark as read'];
    for (const sentence of [...english, 'Read by', 'Not read by', 'nobody yet']) {
      expect(log.textContent, sentence).not.toContain(sentence);
    }
  });
});
