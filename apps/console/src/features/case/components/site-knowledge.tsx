import type { CaseSiteKnowledge, SiteNote } from '@arc/shared/site-knowledge';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AddSiteNoteForm, NoteLine } from '../../../components/site-note';
import { CaseSection } from './case-section';

/**
 * The site's notes in force, shown over the case before anything else: the operator must close
 * it (Enter or Esc, or the button) before working the case. Focus stays on its button.
 */
export function SiteNotesPopup({ notes, onClose }: { notes: readonly SiteNote[]; onClose: () => void }) {
  const { t } = useTranslation('case');
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
          {t('knowledge.popupTitle')}
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
          {t('knowledge.acknowledge')} <kbd>{t('key.enter')}</kbd>
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
  const { t } = useTranslation('case');
  const { instructions, hazards, notes } = knowledge;
  return (
    <CaseSection title={t('knowledge.title')} data-testid="case-site-knowledge">
      {hazards && (
        <p className="site-hazards" role="note" data-testid="case-hazards">
          <strong>{t('knowledge.hazards')}</strong> {hazards}
        </p>
      )}
      {instructions ? (
        <p className="site-instructions" data-testid="case-instructions">
          {instructions}
        </p>
      ) : (
        !hazards && <p className="muted">{t('knowledge.noInstructions')}</p>
      )}
      {notes.length > 0 && (
        <>
          <h4 className="site-notes__heading">{t('knowledge.notesInForce')}</h4>
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
