import type { CaseDetail, CaseResult, ContactOutcome } from '@arc/shared/case-handling';
import type { SiteNote } from '@arc/shared/site-knowledge';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useShortcuts } from '../hooks/use-shortcuts';
import { useStepWork } from '../hooks/use-step-work';
import { isHeldBy, useCaseStore } from '../store/case-store';
import { callTargets, nextAfterAttempt, outcomeForKey, stepForTarget, type CallTarget } from '../utils/call-targets';
import { CaseTimesSection, EarlierCasesSection, SignalsSection, SiteSection } from './case-facts';
import { CaseTimeline } from './case-timeline';
import { CloseDialog } from './close-dialog';
import { AttemptsSection, ContactsPanel, type RecordingState } from './contacts-panel';
import { NotesSection } from './notes-section';
import { PutBackDialog } from './put-back-dialog';
import { CASE_SHORTCUTS, ShortcutHelp } from './shortcut-help';
import { SiteKnowledgeSection, SiteNotesPopup } from './site-knowledge';
import { StepsChecklist } from './steps-checklist';
import { TickOffer } from './tick-offer';
import { caseTitle } from '../../../utils/case-title';
import { resultLabel } from '../../../utils/labels';

/** The open case: everything the operator needs to work it, keyboard first. */
export function CaseScreen() {
  const { t } = useTranslation(['case', 'common', 'queue']);
  const { detail, status, error, userId, reload } = useCaseStore(
    useShallow((state) => ({
      detail: state.detail,
      status: state.status,
      error: state.error,
      userId: state.userId,
      reload: state.reload,
    })),
  );

  if (!detail) {
    return status === 'error' ? (
      <div className="form-error" role="alert" data-testid="case-load-error">
        {t('screen.loadFailed', { error })}{' '}
        <button className="button button--small" type="button" onClick={() => void reload()}>
          {t('common:action.retry')}
        </button>
      </div>
    ) : (
      <p className="muted">{t('screen.loading')}</p>
    );
  }
  // Keyed by case: a new case starts with no form open and the first number selected.
  return <CaseWork key={detail.summary.id} detail={detail} mine={isHeldBy(detail, userId)} loadError={error} />;
}

type Panel = 'none' | 'close' | 'put-back';

interface CaseWorkProps {
  detail: CaseDetail;
  /** Accepted and held by this operator; otherwise the screen is read-only. */
  mine: boolean;
  /** A later reload failed; what is shown may be out of date. */
  loadError: string | null;
}

function CaseWork({ detail, mine, loadError }: CaseWorkProps) {
  const { t } = useTranslation(['case', 'common', 'queue']);
  const finish = useCaseStore((state) => state.finish);
  const reload = useCaseStore((state) => state.reload);
  const steps = useStepWork(detail);
  // Site notes in force pop up first; each once per opening of the case.
  const [seenNotes, setSeenNotes] = useState<ReadonlySet<string>>(() => new Set());
  const unseenNotes = (detail.siteKnowledge?.notes ?? []).filter((note) => !seenNotes.has(note.id));
  const markSeen = (notes: readonly SiteNote[]) =>
    setSeenNotes((seen) => new Set([...seen, ...notes.map((n) => n.id)]));
  const targets = useMemo(() => callTargets(detail), [detail]);
  const [panel, setPanel] = useState<Panel>('none');
  const closePanel = () => setPanel('none');
  const [recording, setRecording] = useState<RecordingState | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = targets.find((t) => t.key === selectedKey) ?? targets[0] ?? null;
  const { summary } = detail;

  const moveSelection = (step: 1 | -1) => {
    if (targets.length === 0) return;
    const index = selected ? targets.indexOf(selected) : -1;
    const next = targets[Math.min(targets.length - 1, Math.max(0, index + step))];
    if (next) setSelectedKey(next.key);
  };

  const onRecorded = (target: CallTarget, outcome: ContactOutcome) => {
    setRecording(null);
    // Nobody answered: the next phone in the list is the one to call.
    const next = nextAfterAttempt(targets, target, outcome);
    if (next) setSelectedKey(next.key);
    const step = stepForTarget(detail.steps, target);
    if (step) steps.offerTick(step);
  };

  useShortcuts((key) => {
    if (unseenNotes.length > 0) {
      // The notes' dialog first: Esc closes it, Enter works its button; the case's own keys wait
      // (the shell's, like M for the tone, still work).
      if (key === 'Escape') markSeen(unseenNotes);
      return key === 'Escape' || /^[0-9CPSTJK]$/.test(key) || key.startsWith('Arrow');
    }
    if (key === 'Escape') {
      if (recording) setRecording(null);
      else if (steps.offer) steps.dismissOffer();
      else if (panel !== 'none') setPanel('none');
      else return false;
      return true;
    }
    if (!mine) return false;
    if (key === 'C' || key === 'P') {
      setRecording(null);
      setPanel(key === 'C' ? 'close' : 'put-back');
      return true;
    }
    if (panel !== 'none') return false;
    if (key === 'ArrowDown' || key === 'J' || key === 'ArrowUp' || key === 'K') {
      moveSelection(key === 'ArrowDown' || key === 'J' ? 1 : -1);
      return true;
    }
    if (key === 'T' || key === 'S') {
      if (key === 'T') steps.tickSelected();
      else steps.selectNext();
      return true;
    }
    const outcome = selected ? outcomeForKey(key, selected) : null;
    if (outcome && selected) {
      setRecording({ targetKey: selected.key, outcome });
      return true;
    }
    return false;
  });

  return (
    <article
      className="case-screen"
      aria-labelledby="case-heading"
      data-testid="case-screen"
      data-case-id={summary.id}
      data-status={summary.status}
      data-mine={mine ? 'true' : 'false'}
    >
      <header className="case-header">
        <span className="category-badge" data-category={summary.category}>
          {t(`queue:badge.${summary.category}`)}
        </span>
        <div className="case-header__what">
          <h2 id="case-heading" className="case-header__title">
            <span className="mono muted">{summary.caseNo}</span> {caseTitle(summary)}
          </h2>
          <p className="case-header__site" data-testid="case-header-site">
            {summary.siteName ?? t('screen.unknownTransmitter', { account: summary.account })}
            {summary.siteAddress && <span className="muted"> · {summary.siteAddress}</span>}
          </p>
          {summary.unencryptedFromKeyed && (
            <p className="tag tag--danger" data-testid="case-unencrypted" role="note">
              {t('screen.unencrypted')}
            </p>
          )}
          {summary.returned && (
            <span className="tag tag--returned">
              {t('screen.returned')}
              {summary.returnReason ? ` · ${summary.returnReason}` : ''}
            </span>
          )}
        </div>
        {mine && (
          <div className="case-header__actions">
            <button className="button" type="button" onClick={() => setPanel('put-back')} data-testid="put-back">
              {t('screen.putBack')} <kbd>P</kbd>
            </button>
            <button
              className="button button--primary"
              type="button"
              onClick={() => setPanel('close')}
              data-testid="close-case"
            >
              {t('screen.close')} <kbd>C</kbd>
            </button>
          </div>
        )}
      </header>

      {unseenNotes.length > 0 && <SiteNotesPopup notes={unseenNotes} onClose={() => markSeen(unseenNotes)} />}
      {mine && <ShortcutHelp shortcuts={CASE_SHORTCUTS} />}
      {!mine && <NotYoursBanner detail={detail} onLeave={() => finish(t('screen.left', { caseNo: summary.caseNo }))} />}
      {loadError && (
        <p className="form-error" role="alert" data-testid="case-reload-error">
          {t('screen.reloadFailed', { error: loadError })}
        </p>
      )}
      {mine && panel === 'close' && (
        <CloseDialog
          detail={detail}
          onCancel={closePanel}
          onClosed={(result: CaseResult) =>
            finish(t('screen.closedNotice', { caseNo: summary.caseNo, result: resultLabel(result) }))
          }
        />
      )}
      {mine && panel === 'put-back' && (
        <PutBackDialog
          detail={detail}
          onCancel={closePanel}
          onPutBack={() => finish(t('screen.putBackNotice', { caseNo: summary.caseNo }))}
        />
      )}

      <div className="case-grid">
        <div className="case-grid__column">
          {detail.site && detail.siteKnowledge && (
            <SiteKnowledgeSection
              siteId={detail.site.id}
              knowledge={detail.siteKnowledge}
              canAddNote={mine}
              onNoteAdded={(note) => {
                markSeen([note]);
                void reload();
              }}
            />
          )}
          <StepsChecklist detail={detail} editable={mine} selectedStepId={steps.selectedStep?.id ?? null} />
          {mine && steps.offer && steps.selectedStep && (
            <TickOffer
              step={steps.selectedStep}
              detail={detail}
              pending={steps.pending}
              onTick={steps.tickSelected}
              onDismiss={steps.dismissOffer}
            />
          )}
          {mine && steps.error && (
            <p className="form-error" role="alert" data-testid="step-key-error">
              {steps.error}
            </p>
          )}
          <ContactsPanel
            detail={detail}
            targets={targets}
            selectedKey={selected?.key ?? null}
            onSelect={setSelectedKey}
            recording={recording}
            onRecord={setRecording}
            onRecorded={onRecorded}
            editable={mine && panel === 'none'}
          />
          <AttemptsSection attempts={detail.attempts} />
          <NotesSection notes={detail.notes} editable={mine} />
        </div>
        <div className="case-grid__column">
          <CaseTimesSection times={detail.times} />
          <CaseTimeline detail={detail} />
          <SiteSection detail={detail} />
          <SignalsSection detail={detail} />
          <EarlierCasesSection detail={detail} />
        </div>
      </div>
    </article>
  );
}

function NotYoursBanner({ detail, onLeave }: { detail: CaseDetail; onLeave: () => void }) {
  const { t } = useTranslation(['case', 'common', 'queue']);
  const { summary, result } = detail;
  const why =
    summary.status === 'CLOSED'
      ? result
        ? t('notYours.closedWithResult', { result: resultLabel(result.code), name: result.by.name })
        : t('notYours.closed')
      : summary.status === 'QUEUED'
        ? t('notYours.queued')
        : t('notYours.heldBy', { name: summary.heldBy?.name ?? t('notYours.anotherOperator') });
  return (
    <div className="case-banner" role="alert" data-testid="case-not-yours">
      {t('notYours.text', { why })}{' '}
      <button className="button button--small" type="button" onClick={onLeave} data-testid="case-leave">
        {t('notYours.back')}
      </button>
    </div>
  );
}
