import { SiteNoteInputSchema, type SiteNote } from '@arc/shared/site-knowledge';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiRequestError, apiRequest } from '../lib/api';
import { formatDateTimeShort } from '../utils/time';

/** Temporary site notes: one line of a note, and the form that adds one (case screen and directory). */

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

export function NoteLine({ note, children }: { note: SiteNote; children?: ReactNode }) {
  return (
    <li className="site-note" data-testid="site-note" data-note-id={note.id}>
      <span className="site-note__text">{note.text}</span>{' '}
      <span className="muted">
        {formatDateTimeShort(note.validFrom)} – {formatDateTimeShort(note.validUntil)} · {note.author.name}
      </span>
      {children}
    </li>
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
      setError(
        caught instanceof ApiRequestError || caught instanceof Error ? caught.message : 'Saving the site note failed',
      );
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
