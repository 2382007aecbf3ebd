import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeShort } from '../../../utils/time';
import { useShiftLogStore } from '../store/shift-log-store';

/** How often the count of unread notes is refreshed while signed in. */
const UNREAD_REFRESH_MS = 60_000;

/** Loads the user's unread notes at login, and again every minute (for the nav count). */
export function useUnreadShiftNotes(userId: string | null): void {
  const loadUnread = useShiftLogStore((state) => state.loadUnread);
  const reset = useShiftLogStore((state) => state.reset);
  useEffect(() => {
    if (!userId) return undefined;
    void loadUnread();
    const timer = window.setInterval(() => void loadUnread(), UNREAD_REFRESH_MS);
    return () => {
      window.clearInterval(timer);
      reset();
    };
  }, [userId, loadUnread, reset]);
}

/** "(2)" beside the nav entry while there are unread notes. */
export function ShiftLogCount() {
  const { t } = useTranslation('shiftLog');
  const count = useShiftLogStore((state) => state.unread.length);
  if (count === 0) return null;
  return (
    <span className="shift-log-count" data-testid="shift-log-count" aria-label={t('unreadCount', { count })}>
      {count}
    </span>
  );
}

/**
 * Right after login: the notes of the last days the user has not read, until they mark them
 * read ("Later" hides the dialog until the next login; the count in the nav stays).
 */
export function UnreadShiftNotesDialog() {
  const { t } = useTranslation('shiftLog');
  const unread = useShiftLogStore((state) => state.unread);
  const dismissed = useShiftLogStore((state) => state.dialogDismissed);
  const markRead = useShiftLogStore((state) => state.markRead);
  const dismiss = useShiftLogStore((state) => state.dismissDialog);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (unread.length === 0 || dismissed) return null;

  const readAll = async () => {
    setPending(true);
    setError(null);
    try {
      await markRead(unread.map((note) => note.id));
    } catch {
      setError(t('markFailed'));
    } finally {
      setPending(false);
    }
  };

  return (
    <section
      className="panel-dialog shift-log-dialog"
      role="dialog"
      aria-labelledby="shift-log-dialog-title"
      data-testid="shift-log-dialog"
    >
      <h2 id="shift-log-dialog-title" className="panel-dialog__title">
        {t('dialogTitle', { count: unread.length })}
      </h2>
      <ol className="plain-list shift-log__list">
        {unread.map((note) => (
          <li
            key={note.id}
            className="shift-note"
            data-testid="shift-log-dialog-note"
            data-important={note.important ? 'true' : undefined}
          >
            <div className="shift-note__head">
              <time dateTime={note.at}>{formatDateTimeShort(note.at)}</time>
              <span className="shift-note__author">{note.author.name}</span>
              {note.important && <span className="tag tag--danger">{t('importantTag')}</span>}
            </div>
            <p className="shift-note__text">{note.text}</p>
          </li>
        ))}
      </ol>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          className="button button--primary"
          type="button"
          disabled={pending}
          onClick={() => void readAll()}
          autoFocus
          data-testid="shift-log-mark-read"
        >
          {pending ? t('marking') : t('markRead')}
        </button>
        <button className="button" type="button" onClick={dismiss} disabled={pending} data-testid="shift-log-later">
          {t('later')}
        </button>
      </div>
    </section>
  );
}
