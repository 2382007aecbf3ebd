import { SiteNoteInputSchema, type CaseSiteKnowledge, type SiteNote } from '@arc/shared';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { apiRequest } from '../../../lib/api';
import { formatDateTimeShort } from '../../../utils/time';
import { messageOf } from '../utils/labels';
import { CaseSection } from './case-section';

/** How long a note added from the case screen (or the directory) is in force. */
export const NOTE_DURATIONS: readonly { hours: number; label: string }[] = [
  { hours: 1, label: '1 hour' },
  { hours: 4, label: '4 hours' },
  { hours: 8, label: '8 hours' },
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '1 week' },
  { hours: 720, label: '30 days' },
];

export function addSiteNote(siteId: string, text: string, hours: number): Promise<SiteNote> {
  const parsed = SiteNoteInputSchema.safeParse({
    text,
    validUntil: new Date(Date.now() + hours * 3_600_000).toISOString(),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === 'text' ? 'Note' : 'Valid until';
    return Promise.reject(new Error(`${field} ${issue?.message ?? 'is not valid'}`));
  }
  return apiRequest<SiteNote>(`/sites/${siteId}/notes`, { method: 'POST', body: parsed.data });
}

function NoteLine({ note }: { note: SiteNote }) {
  return (
    <li className="site-note" data-testid="site-note" data-note-id={note.id}>
      <span className="site-note__text">{note.text}</span>{' '}
      <span className="muted">
        until {formatDateTimeShort(note.validUntil)} · {note.author.name}
      </span>
    </li>
  );
}

/**
 * The site's notes in force, shown over the case before anything else: the operator must close
 * it (Enter or Esc, or the button) before working the case. Focus stays on its button.
 */
export function SiteNotesPopup({ notes, onClose }: { notes: readonly SiteNote[]; onClose: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Tab') event.preventDefault();
  };
  return (
    <div className="site-notes-popup" data-testid="site-notes-popup-backdrop">
      <div
        className="site-notes-popup__dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="site-notes-popup-title"
        aria-describedby="site-notes-popup-list"
        onKeyDown={onKeyDown}
        data-testid="site-notes-popup"
      >
        <h2 id="site-notes-popup-title" className="site-notes-popup__title">
          Site notes — read before you act
        </h2>
        <ul id="site-notes-popup-list" className="plain-list site-notes">
          {notes.map((note) => (
            <NoteLine key={note.id} note={note} />
          ))}
        </ul>
        <button
          ref={button}
          className="button button--primary"
          type="button"
          onClick={onClose}
          data-testid="site-notes-ack"
        >
          Read, continue <kbd>Enter</kbd>
        </button>
      </div>
    </div>
  );
}

export interface SiteKnowledgeSectionProps {
  siteId: string;
  knowledge: CaseSiteKnowledge;
  /** Operators add notes from the case they hold. */
  canAddNote: boolean;
  /** After a note was added; the case is reloaded to show it. */
  onNoteAdded: (note: SiteNote) => void;
}

/** Instructions, hazards and notes in force, above everything else in the case's column. */
export function SiteKnowledgeSection({ siteId, knowledge, canAddNote, onNoteAdded }: SiteKnowledgeSectionProps) {
  const { instructions, hazards, notes } = knowledge;
  return (
    <CaseSection title="Site instructions" testId="case-site-knowledge">
      {hazards && (
        <p className="site-hazards" role="note" data-testid="case-hazards">
          <strong>HAZARDS</strong> {hazards}
        </p>
      )}
      {instructions ? (
        <p className="site-instructions" data-testid="case-instructions">
          {instructions}
        </p>
      ) : (
        !hazards && <p className="muted">No instructions for this site.</p>
      )}
      {notes.length > 0 && (
        <>
          <h4 className="site-notes__heading">Notes in force</h4>
          <ul className="plain-list site-notes" data-testid="case-site-notes">
            {notes.map((note) => (
              <NoteLine key={note.id} note={note} />
            ))}
          </ul>
        </>
      )}
      {canAddNote && <AddSiteNoteForm siteId={siteId} onAdded={onNoteAdded} />}
    </CaseSection>
  );
}

export function AddSiteNoteForm({ siteId, onAdded }: { siteId: string; onAdded: (note: SiteNote) => void }) {
  const [text, setText] = useState('');
  const [hours, setHours] = useState(8);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const note = await addSiteNote(siteId, text, hours);
      setText('');
      onAdded(note);
    } catch (caught) {
      setError(messageOf(caught, 'Saving the site note failed'));
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="inline-form site-note-form" onSubmit={(e) => void submit(e)} aria-label="Add site note">
      <input
        className="field__input"
        placeholder="Temporary site note, e.g. painters on site, ignore zone 4"
        aria-label="Site note"
        value={text}
        maxLength={1000}
        onChange={(event) => setText(event.target.value)}
        data-testid="site-note-text"
      />
      <select
        className="field__input"
        aria-label="Valid for"
        value={hours}
        onChange={(event) => setHours(Number(event.target.value))}
        data-testid="site-note-hours"
      >
        {NOTE_DURATIONS.map((d) => (
          <option key={d.hours} value={d.hours}>
            {d.label}
          </option>
        ))}
      </select>
      <button className="button" type="submit" disabled={pending} data-testid="site-note-save">
        {pending ? 'Saving…' : 'Add site note'}
      </button>
      {error && (
        <span className="field__error" role="alert" data-testid="site-note-error">
          {error}
        </span>
      )}
    </form>
  );
}
