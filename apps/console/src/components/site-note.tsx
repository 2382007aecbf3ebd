import { SiteNoteInputSchema, type SiteNote } from '@arc/shared/site-knowledge';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../lib/api';
import { i18n } from '../lib/i18n/i18n';
import { messageOf } from '../utils/request-state';
import { formatDateTimeShort } from '../utils/time';

/** Temporary site notes: one line of a note, and the form that adds one (case screen and directory). */

/** How long a note added from the case screen (or the directory) is in force. */
export const NOTE_DURATIONS: readonly { hours: number; unit: 'hours' | 'days' | 'weeks'; count: number }[] = [
  { hours: 1, unit: 'hours', count: 1 },
  { hours: 4, unit: 'hours', count: 4 },
  { hours: 8, unit: 'hours', count: 8 },
  { hours: 24, unit: 'days', count: 1 },
  { hours: 72, unit: 'days', count: 3 },
  { hours: 168, unit: 'weeks', count: 1 },
  { hours: 720, unit: 'days', count: 30 },
];

export function addSiteNote(siteId: string, text: string, hours: number): Promise<SiteNote> {
  const parsed = SiteNoteInputSchema.safeParse({
    text,
    validUntil: new Date(Date.now() + hours * 3_600_000).toISOString(),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field =
      issue?.path[0] === 'text' ? i18n.t('common:siteNote.fieldText') : i18n.t('common:siteNote.fieldValidUntil');
    return Promise.reject(new Error(`${field} ${issue?.message ?? i18n.t('common:siteNote.notValid')}`));
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
  const { t } = useTranslation();
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
      setError(messageOf(caught, t('siteNote.saveFailed')));
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="inline-form site-note-form" onSubmit={(e) => void submit(e)} aria-label={t('siteNote.formLabel')}>
      <input
        className="field__input"
        placeholder={t('siteNote.placeholder')}
        aria-label={t('siteNote.text')}
        value={text}
        maxLength={1000}
        onChange={(event) => setText(event.target.value)}
        data-testid="site-note-text"
      />
      <select
        className="field__input"
        aria-label={t('siteNote.validFor')}
        value={hours}
        onChange={(event) => setHours(Number(event.target.value))}
        data-testid="site-note-hours"
      >
        {NOTE_DURATIONS.map((d) => (
          <option key={d.hours} value={d.hours}>
            {t(`duration.${d.unit}`, { count: d.count })}
          </option>
        ))}
      </select>
      <button className="button" type="submit" disabled={pending} data-testid="site-note-save">
        {pending ? t('action.saving') : t('siteNote.add')}
      </button>
      {error && (
        <span className="field__error" role="alert" data-testid="site-note-error">
          {error}
        </span>
      )}
    </form>
  );
}
