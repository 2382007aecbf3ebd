import { CaseNoteInputSchema, type CaseNote } from '@arc/shared/case-handling';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addNote } from '../api/case-api';
import { useCaseStore } from '../store/case-store';
import { formatTime } from '../utils/labels';
import { messageOf } from '../../../utils/request-state';
import { CaseSection } from './case-section';

export function NotesSection({ notes, editable }: { notes: readonly CaseNote[]; editable: boolean }) {
  const { t } = useTranslation(['case', 'common']);
  const mutate = useCaseStore((state) => state.mutate);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    const parsed = CaseNoteInputSchema.safeParse({ text });
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message;
      setError(message ? t('notes.withMessage', { message }) : t('notes.invalid'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await mutate((caseId) => addNote(caseId, parsed.data));
      setText('');
    } catch (caught) {
      setError(messageOf(caught, t('notes.failed')));
    } finally {
      setPending(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  // Enter is a new line in a note; Ctrl+Enter saves it.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <CaseSection title={t('notes.title', { count: notes.length })} data-testid="case-notes">
      {notes.length > 0 && (
        <ul className="plain-list notes">
          {notes.map((note) => (
            <li key={note.id} data-testid="note">
              <span className="muted">
                {formatTime(note.at)} {note.by.name}:
              </span>{' '}
              {note.text}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="inline-form" onSubmit={onSubmit} aria-label={t('notes.form')}>
          <textarea
            className="field__input notes__input"
            rows={2}
            placeholder={t('notes.placeholder')}
            aria-label={t('notes.newNote')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            data-testid="note-text"
          />
          <button className="button" type="submit" disabled={pending} data-testid="note-save">
            {pending ? t('common:action.saving') : t('notes.add')}
          </button>
          {error && (
            <span className="field__error" role="alert" data-testid="note-error">
              {error}
            </span>
          )}
        </form>
      )}
    </CaseSection>
  );
}
