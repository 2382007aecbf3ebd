import { CaseNoteInputSchema, type CaseNote } from '@arc/shared/case-handling';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { addNote } from '../api/case-api';
import { useCaseStore } from '../store/case-store';
import { formatTime } from '../utils/labels';
import { messageOf } from '../../../utils/request-state';
import { CaseSection } from './case-section';

export function NotesSection({ notes, editable }: { notes: readonly CaseNote[]; editable: boolean }) {
  const mutate = useCaseStore((state) => state.mutate);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    const parsed = CaseNoteInputSchema.safeParse({ text });
    if (!parsed.success) {
      setError(`Note ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
      return;
    }
    setPending(true);
    setError(null);
    try {
      await mutate((caseId) => addNote(caseId, parsed.data));
      setText('');
    } catch (caught) {
      setError(messageOf(caught, 'Saving the note failed'));
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
    <CaseSection title={`Notes (${notes.length})`} testId="case-notes">
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
        <form className="inline-form" onSubmit={onSubmit} aria-label="Add note">
          <textarea
            className="field__input notes__input"
            rows={2}
            placeholder="Add a note (Ctrl+Enter saves)"
            aria-label="New note"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            data-testid="note-text"
          />
          <button className="button" type="submit" disabled={pending} data-testid="note-save">
            {pending ? 'Saving…' : 'Add note'}
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
