import { ShiftNoteInputSchema, type ShiftNote, type ShiftNoteInput } from '@arc/shared/shift-log';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-field';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { formatDateTimeShort } from '../../../utils/time';
import { useCentreSettings } from '../../../lib/settings/settings-store';
import { SHIFT_LOG_PAGE_SIZE, useShiftLogStore } from '../store/shift-log-store';

export interface ShiftLogScreenProps {
  /** Supervisors and administrators see who has read each note. */
  canSeeReaders: boolean;
}

/** The shift log: write a handover note, read the latest notes, newest first. */
export function ShiftLogScreen({ canSeeReaders }: ShiftLogScreenProps) {
  const { t } = useTranslation('shiftLog');
  const { notes, total, page, loading, error, loadPage, markRead } = useShiftLogStore();
  useEffect(() => {
    void loadPage(1);
  }, [loadPage]);
  const pages = Math.max(1, Math.ceil(total / SHIFT_LOG_PAGE_SIZE));

  return (
    <section className="shift-log" aria-label={t('title')} data-testid="shift-log">
      <h2 className="shift-log__title">{t('title')}</h2>
      <ShiftNoteForm />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {loading && notes.length === 0 ? (
        <p className="muted">{t('loading')}</p>
      ) : notes.length === 0 ? (
        <p className="muted" data-testid="shift-log-empty">
          {t('empty')}
        </p>
      ) : (
        <ol className="plain-list shift-log__list">
          {notes.map((note) => (
            <ShiftNoteItem
              key={note.id}
              note={note}
              canSeeReaders={canSeeReaders}
              onRead={() => void markRead([note.id])}
            />
          ))}
        </ol>
      )}
      {pages > 1 && (
        <div className="shift-log__pages">
          <button
            className="button button--small"
            type="button"
            disabled={page <= 1}
            onClick={() => void loadPage(page - 1)}
          >
            {t('newer')}
          </button>
          <span className="muted">{t('pageOf', { page, pages })}</span>
          <button
            className="button button--small"
            type="button"
            disabled={page >= pages}
            onClick={() => void loadPage(page + 1)}
          >
            {t('older')}
          </button>
        </div>
      )}
    </section>
  );
}

function ShiftNoteForm() {
  const { t } = useTranslation(['shiftLog', 'common']);
  const write = useShiftLogStore((state) => state.write);
  const maxLength = useCentreSettings().shiftLog.textMaxLength;
  const [text, setText] = useState('');
  const [important, setImportant] = useState(false);
  const form = useSchemaForm<ShiftNoteInput>(ShiftNoteInputSchema, async (input) => {
    await write(input);
    setText('');
    setImportant(false);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ text, important });
  };
  return (
    <form className="edit-form shift-log__form" onSubmit={onSubmit} noValidate aria-label={t('form')}>
      <label className="field">
        <span className="field__label">{t('noteLabel')}</span>
        <textarea
          className="field__input shift-log__text"
          value={text}
          maxLength={maxLength}
          rows={3}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={form.errors.text ? true : undefined}
          data-testid="shift-note-text"
        />
        {form.errors.text && (
          <span className="field__error" role="alert" data-testid="shift-note-text-error">
            {form.errors.text}
          </span>
        )}
      </label>
      <label className="shift-log__important">
        <input
          type="checkbox"
          checked={important}
          onChange={(event) => setImportant(event.target.checked)}
          data-testid="shift-note-important"
        />{' '}
        {t('important')}
      </label>
      <FormError message={form.formError} />
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={form.pending} data-testid="shift-note-save">
          {form.pending ? t('common:action.saving') : t('add')}
        </button>
      </div>
    </form>
  );
}

function ShiftNoteItem({
  note,
  canSeeReaders,
  onRead,
}: {
  note: ShiftNote;
  canSeeReaders: boolean;
  onRead: () => void;
}) {
  const { t } = useTranslation('shiftLog');
  return (
    <li
      className="shift-note"
      data-testid="shift-note"
      data-note-id={note.id}
      data-important={note.important ? 'true' : undefined}
    >
      <div className="shift-note__head">
        <time dateTime={note.at} data-testid="shift-note-at">
          {formatDateTimeShort(note.at)}
        </time>
        <span className="shift-note__author">{note.author.name}</span>
        {note.important && <span className="tag tag--danger">{t('importantTag')}</span>}
        {!note.readByMe && (
          <button className="button button--small" type="button" onClick={onRead} data-testid="shift-note-read">
            {t('markRead')}
          </button>
        )}
      </div>
      <p className="shift-note__text" data-testid="shift-note-body">
        {note.text}
      </p>
      {canSeeReaders && note.readers && (
        <div className="shift-note__receipts muted" data-testid="shift-note-receipts">
          <span data-testid="shift-note-readers">
            {t('readBy')}{' '}
            {note.readers.length === 0
              ? t('nobodyYet')
              : note.readers.map((r) => t('readerAt', { name: r.name, at: formatDateTimeShort(r.readAt) })).join(', ')}
          </span>
          {note.unreadBy && note.unreadBy.length > 0 && (
            <span data-testid="shift-note-unread-by">
              {' '}
              {t('notReadBy', { names: note.unreadBy.map((u) => u.name).join(', ') })}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
