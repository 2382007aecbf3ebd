import { SiteKnowledgeInputSchema, type SiteKnowledge, type SiteNote } from '@arc/shared/site-knowledge';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AddSiteNoteForm, NoteLine } from '../../../components/site-note';
import { deleteSiteNote, getSiteKnowledge, listSiteNotes, putSiteKnowledge } from '../api/site-knowledge-api';
import { messageOf } from '../../../utils/request-state';
import { ConfirmButton, DetailSection } from './detail-section';

const KNOWLEDGE_FIELDS = ['instructions', 'hazards', 'policePhone', 'rescuePhone'] as const;
type KnowledgeField = (typeof KNOWLEDGE_FIELDS)[number];

function isKnowledgeField(value: unknown): value is KnowledgeField {
  return (KNOWLEDGE_FIELDS as readonly unknown[]).includes(value);
}

// ---- instructions, hazards and numbers -----------------------------------------------------

/** The site's instructions, hazards and own emergency numbers; admins edit them. */
export function SiteInstructionsSection({ siteId, canEdit }: { siteId: string; canEdit: boolean }) {
  const { t } = useTranslation(['directory', 'common']);
  const [knowledge, setKnowledge] = useState<SiteKnowledge | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getSiteKnowledge(siteId).then(
      (k) => live && setKnowledge(k),
      (caught: unknown) => live && setError(messageOf(caught, t('knowledge.loadFailed'))),
    );
    return () => {
      live = false;
    };
  }, [siteId, t]);

  const actions = canEdit && knowledge && !editing && (
    <button
      className="button button--small"
      type="button"
      onClick={() => setEditing(true)}
      data-testid="knowledge-edit"
    >
      {t('common:action.edit')}
    </button>
  );
  return (
    <DetailSection title={t('knowledge.title')} testId="detail-site-knowledge" actions={actions}>
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
            <dt>{t('knowledge.instructions')}</dt>
            <dd className="site-instructions">{knowledge.instructions ?? '—'}</dd>
            <dt>{t('knowledge.hazards')}</dt>
            <dd>{knowledge.hazards ?? '—'}</dd>
            <dt>{t('knowledge.police')}</dt>
            <dd className="mono">{knowledge.policePhone ?? t('knowledge.centreDefault')}</dd>
            <dt>{t('knowledge.rescue')}</dt>
            <dd className="mono">{knowledge.rescuePhone ?? t('knowledge.centreDefault')}</dd>
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
  const { t } = useTranslation(['directory', 'common']);
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
      const field = issue?.path[0];
      setError(
        t('knowledge.fieldIssue', {
          field: t(`knowledge.field.${isKnowledgeField(field) ? field : 'other'}`),
          message: issue?.message ?? t('knowledge.notValid'),
        }),
      );
      return;
    }
    setPending(true);
    setError(null);
    try {
      onSaved(await putSiteKnowledge(knowledge.siteId, parsed.data));
    } catch (caught) {
      setError(messageOf(caught, t('knowledge.saveFailed')));
      setPending(false);
    }
  };
  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      aria-label={t('knowledge.title')}
      data-testid="knowledge-form"
    >
      <label className="field">
        <span className="field__label">{t('knowledge.instructionsInput')}</span>
        <textarea
          className="field__input"
          rows={3}
          value={values.instructions}
          onChange={set('instructions')}
          data-testid="knowledge-instructions"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('knowledge.hazardsInput')}</span>
        <textarea
          className="field__input"
          rows={2}
          value={values.hazards}
          onChange={set('hazards')}
          data-testid="knowledge-hazards"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('knowledge.policeInput')}</span>
        <input
          className="field__input"
          value={values.policePhone}
          onChange={set('policePhone')}
          data-testid="knowledge-police"
        />
      </label>
      <label className="field">
        <span className="field__label">{t('knowledge.rescueInput')}</span>
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
          {pending ? t('common:action.saving') : t('common:action.save')}
        </button>
        <button className="button" type="button" onClick={onCancel} disabled={pending}>
          {t('common:action.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---- temporary notes -------------------------------------------------------------------------

/** Temporary site notes: anyone on duty adds one, admins delete; expired ones on request. */
export function SiteNotesSection({ siteId, canDelete }: { siteId: string; canDelete: boolean }) {
  const { t } = useTranslation(['directory', 'common']);
  // The notes with the time they were read, to mark expired and coming ones.
  const [loaded, setLoaded] = useState<{ notes: SiteNote[]; at: number }>({ notes: [], at: 0 });
  const [includeExpired, setIncludeExpired] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    listSiteNotes(siteId, includeExpired).then(
      (notes) => setLoaded({ notes, at: Date.now() }),
      (caught: unknown) => setError(messageOf(caught, t('notes.loadFailed'))),
    );
  }, [siteId, includeExpired, t]);
  useEffect(load, [load]);
  const { notes, at: now } = loaded;

  return (
    <DetailSection title={t('notes.title')} testId="detail-site-notes">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {notes.length === 0 ? (
        <p className="muted">{t('notes.none')}</p>
      ) : (
        <ul className="plain-list site-notes">
          {notes.map((note) => (
            <NoteLine key={note.id} note={note}>
              {Date.parse(note.validUntil) <= now && <span className="tag">{t('notes.expired')}</span>}
              {Date.parse(note.validFrom) > now && <span className="tag">{t('notes.coming')}</span>}
              {canDelete && (
                <ConfirmButton
                  label={t('common:action.delete')}
                  confirmLabel={t('notes.deleteConfirm')}
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
        {t('notes.showExpired')}
      </label>
      <AddSiteNoteForm siteId={siteId} onAdded={load} />
    </DetailSection>
  );
}
