import { SiteKnowledgeInputSchema, type SiteKnowledge, type SiteNote } from '@arc/shared/site-knowledge';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AddSiteNoteForm, NoteLine } from '../../../components/site-note';
import { deleteSiteNote, getSiteKnowledge, listSiteNotes, putSiteKnowledge } from '../api/site-knowledge-api';
import { messageOf } from '../../../utils/request-state';
import { ConfirmButton, DetailSection } from './detail-section';

const KNOWLEDGE_LABELS: Record<string, string> = {
  instructions: 'Instructions',
  hazards: 'Hazards',
  policePhone: 'Police number',
  rescuePhone: 'Rescue-service number',
};

// ---- instructions, hazards and numbers -----------------------------------------------------

/** The site's instructions, hazards and own emergency numbers; admins edit them. */
export function SiteInstructionsSection({ siteId, canEdit }: { siteId: string; canEdit: boolean }) {
  const [knowledge, setKnowledge] = useState<SiteKnowledge | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getSiteKnowledge(siteId).then(
      (k) => live && setKnowledge(k),
      (caught: unknown) => live && setError(messageOf(caught, 'Loading the instructions failed')),
    );
    return () => {
      live = false;
    };
  }, [siteId]);

  const actions = canEdit && knowledge && !editing && (
    <button
      className="button button--small"
      type="button"
      onClick={() => setEditing(true)}
      data-testid="knowledge-edit"
    >
      Edit
    </button>
  );
  return (
    <DetailSection title="Instructions and hazards" testId="detail-site-knowledge" actions={actions}>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {knowledge && editing ? (
        <KnowledgeForm
          knowledge={knowledge}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setKnowledge(saved);
            setEditing(false);
          }}
        />
      ) : (
        knowledge && (
          <dl className="facts" data-testid="knowledge-view">
            <dt>Instructions</dt>
            <dd className="site-instructions">{knowledge.instructions ?? '—'}</dd>
            <dt>Hazards</dt>
            <dd>{knowledge.hazards ?? '—'}</dd>
            <dt>Police</dt>
            <dd className="mono">{knowledge.policePhone ?? "centre's default"}</dd>
            <dt>Rescue service</dt>
            <dd className="mono">{knowledge.rescuePhone ?? "centre's default"}</dd>
          </dl>
        )
      )}
    </DetailSection>
  );
}

function KnowledgeForm({
  knowledge,
  onCancel,
  onSaved,
}: {
  knowledge: SiteKnowledge;
  onCancel: () => void;
  onSaved: (saved: SiteKnowledge) => void;
}) {
  const [values, setValues] = useState({
    instructions: knowledge.instructions ?? '',
    hazards: knowledge.hazards ?? '',
    policePhone: knowledge.policePhone ?? '',
    rescuePhone: knowledge.rescuePhone ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SiteKnowledgeInputSchema.safeParse({
      ...values,
      policePhone: values.policePhone.trim() || null,
      rescuePhone: values.rescuePhone.trim() || null,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${KNOWLEDGE_LABELS[String(issue?.path[0])] ?? 'A field'} ${issue?.message ?? 'is not valid'}`);
      return;
    }
    setPending(true);
    setError(null);
    try {
      onSaved(await putSiteKnowledge(knowledge.siteId, parsed.data));
    } catch (caught) {
      setError(messageOf(caught, 'Saving failed'));
      setPending(false);
    }
  };
  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      aria-label="Instructions and hazards"
      data-testid="knowledge-form"
    >
      <label className="field">
        <span className="field__label">Instructions (keys, access, entry)</span>
        <textarea
          className="field__input"
          rows={3}
          value={values.instructions}
          onChange={set('instructions')}
          data-testid="knowledge-instructions"
        />
      </label>
      <label className="field">
        <span className="field__label">Hazards (gas bottles, dogs, asbestos …)</span>
        <textarea
          className="field__input"
          rows={2}
          value={values.hazards}
          onChange={set('hazards')}
          data-testid="knowledge-hazards"
        />
      </label>
      <label className="field">
        <span className="field__label">Police number (empty: the centre&apos;s default, 112)</span>
        <input
          className="field__input"
          value={values.policePhone}
          onChange={set('policePhone')}
          data-testid="knowledge-police"
        />
      </label>
      <label className="field">
        <span className="field__label">Rescue-service number (empty: the centre&apos;s default, 112)</span>
        <input
          className="field__input"
          value={values.rescuePhone}
          onChange={set('rescuePhone')}
          data-testid="knowledge-rescue"
        />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="knowledge-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={pending} data-testid="knowledge-save">
          {pending ? 'Saving…' : 'Save'}
        </button>
        <button className="button" type="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// ---- temporary notes -------------------------------------------------------------------------

/** Temporary site notes: anyone on duty adds one, admins delete; expired ones on request. */
export function SiteNotesSection({ siteId, canDelete }: { siteId: string; canDelete: boolean }) {
  // The notes with the time they were read, to mark expired and coming ones.
  const [loaded, setLoaded] = useState<{ notes: SiteNote[]; at: number }>({ notes: [], at: 0 });
  const [includeExpired, setIncludeExpired] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    listSiteNotes(siteId, includeExpired).then(
      (notes) => setLoaded({ notes, at: Date.now() }),
      (caught: unknown) => setError(messageOf(caught, 'Loading the site notes failed')),
    );
  }, [siteId, includeExpired]);
  useEffect(load, [load]);
  const { notes, at: now } = loaded;

  return (
    <DetailSection title="Temporary site notes" testId="detail-site-notes">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {notes.length === 0 ? (
        <p className="muted">No notes.</p>
      ) : (
        <ul className="plain-list site-notes">
          {notes.map((note) => (
            <NoteLine key={note.id} note={note}>
              {Date.parse(note.validUntil) <= now && <span className="tag">EXPIRED</span>}
              {Date.parse(note.validFrom) > now && <span className="tag">COMING</span>}
              {canDelete && (
                <ConfirmButton
                  label="Delete"
                  confirmLabel="Delete note"
                  testId="site-note-delete"
                  onConfirm={async () => {
                    await deleteSiteNote(siteId, note.id);
                    load();
                  }}
                />
              )}
            </NoteLine>
          ))}
        </ul>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includeExpired}
          onChange={(event) => setIncludeExpired(event.target.checked)}
          data-testid="site-notes-expired"
        />{' '}
        Show expired notes
      </label>
      <AddSiteNoteForm siteId={siteId} onAdded={load} />
    </DetailSection>
  );
}
