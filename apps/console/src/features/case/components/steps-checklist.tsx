import { StepTickInputSchema, type CaseDetail, type CaseStep } from '@arc/shared/case-handling';
import { DEFAULT_EMERGENCY_NUMBERS } from '@arc/shared/site-knowledge';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tickStep } from '../api/case-api';
import { useCaseStore } from '../store/case-store';
import { formatTime } from '../utils/labels';
import { i18n } from '../../../lib/i18n/i18n';
import { messageOf } from '../../../utils/request-state';
import { stepTypeLabel } from '../../../utils/labels';
import { CaseSection } from './case-section';

export interface StepsChecklistProps {
  detail: CaseDetail;
  /** False when the case is not the operator's (any more): nothing can be ticked. */
  editable: boolean;
  /** The step the T key ticks (highlighted). */
  selectedStepId?: string | null;
}

/** The site's action plan for the category, ticked off one step at a time, each with an optional note. */
export function StepsChecklist({ detail, editable, selectedStepId = null }: StepsChecklistProps) {
  const { t } = useTranslation(['case', 'common']);
  const steps = detail.steps;
  return (
    <CaseSection title={t('steps.title')} data-testid="case-steps">
      {steps === null || steps.length === 0 ? (
        <p className="muted" data-testid="no-plan">
          {t('steps.noPlan', { category: detail.summary.category })}
        </p>
      ) : (
        <ol className="checklist">
          {[...steps]
            .sort((a, b) => a.position - b.position)
            .map((step) => (
              <StepItem
                key={step.id}
                step={step}
                detail={detail}
                editable={editable}
                selected={editable && step.id === selectedStepId}
              />
            ))}
        </ol>
      )}
    </CaseSection>
  );
}

interface StepItemProps {
  step: CaseStep;
  detail: CaseDetail;
  editable: boolean;
  selected: boolean;
}

function StepItem({ step, detail, editable, selected }: StepItemProps) {
  const { t } = useTranslation(['case', 'common']);
  const [ticking, setTicking] = useState(false);
  const number = emergencyNumberOf(step, detail);
  return (
    <li
      className="checklist__step"
      data-testid="step"
      data-step-id={step.id}
      data-step-type={step.type}
      data-selected={selected ? 'true' : undefined}
      aria-current={selected ? 'step' : undefined}
      data-mandatory={step.mandatory ? 'true' : undefined}
      data-ticked={step.ticked ? 'true' : undefined}
    >
      <span className="checklist__box" aria-hidden="true">
        {step.ticked ? '☑' : '☐'}
      </span>
      <div className="checklist__body">
        <div>
          <strong>{stepTypeLabel(step.type)}</strong> {stepTarget(step, detail)}
          {step.mandatory && (
            <span className="tag tag--warn" title={t('steps.mandatoryTitle')}>
              {t('steps.mandatory')}
            </span>
          )}
        </div>
        {number && (
          <p className="step-number" data-testid="step-number">
            {t('steps.call')} <span className="mono step-number__value">{number.main}</span>
            {number.note && <span className="muted"> {number.note}</span>}
          </p>
        )}
        {step.instruction && <p className="checklist__instruction">{step.instruction}</p>}
        {step.ticked ? (
          <p className="muted" data-testid="step-ticked">
            {t('steps.done', { time: formatTime(step.ticked.at), name: step.ticked.by.name })}
            {step.ticked.note && <> · {step.ticked.note}</>}
          </p>
        ) : ticking ? (
          <TickForm stepId={step.id} onDone={() => setTicking(false)} />
        ) : (
          editable && (
            <button
              className="button button--small"
              type="button"
              onClick={() => setTicking(true)}
              data-testid="step-tick"
            >
              {t('steps.tick')}
            </button>
          )
        )}
        {selected && !step.ticked && !ticking && (
          <span className="muted step-key-hint">
            <kbd>T</kbd> {t('steps.tickHint')}
          </span>
        )}
      </div>
    </li>
  );
}

function TickForm({ stepId, onDone }: { stepId: string; onDone: () => void }) {
  const { t } = useTranslation(['case', 'common']);
  const mutate = useCaseStore((state) => state.mutate);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    const parsed = StepTickInputSchema.safeParse({ note });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? t('steps.checkNote'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await mutate((caseId) => tickStep(caseId, stepId, parsed.data));
      onDone();
    } catch (caught) {
      setError(messageOf(caught, t('steps.failed')));
      setPending(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label={t('steps.tickForm')}>
      <input
        className="field__input"
        placeholder={t('steps.notePlaceholder')}
        aria-label={t('steps.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        autoFocus
        data-testid="step-note"
      />
      <button className="button button--small button--primary" type="submit" disabled={pending} data-testid="step-save">
        {pending ? t('common:action.saving') : t('steps.save')}
      </button>
      <button className="button button--small" type="button" onClick={onDone} disabled={pending}>
        {t('common:action.cancel')}
      </button>
      {error && (
        <span className="field__error" role="alert" data-testid="step-error">
          {error}
        </span>
      )}
    </form>
  );
}

export function stepTarget(step: CaseStep, detail: CaseDetail): string {
  if (step.contactId) {
    const contact = detail.contacts.find((c) => c.id === step.contactId);
    return contact ? `— ${contact.name}` : i18n.t('case:steps.contactRemoved');
  }
  if (step.rosterId) {
    const onCall = detail.onCall.find((o) => o.rosterId === step.rosterId);
    if (!onCall) return '';
    const who = onCall.member ? `${onCall.member.name}, ${onCall.member.phone}` : i18n.t('case:steps.nobodyOnCall');
    return `— ${onCall.rosterName}: ${who}`;
  }
  return '';
}

/** The number to call for the police and rescue-service steps: the site's own, else the centre's. */
export function emergencyNumberOf(step: CaseStep, detail: CaseDetail): { main: string; note: string } | null {
  const emergency = detail.siteKnowledge?.emergency;
  if (!emergency) {
    if (step.type === 'ALERT_POLICE') return { main: DEFAULT_EMERGENCY_NUMBERS.police, note: '' };
    if (step.type === 'ALERT_RESCUE_SERVICE') return { main: DEFAULT_EMERGENCY_NUMBERS.rescue, note: '' };
    return null;
  }
  if (step.type === 'ALERT_POLICE') {
    return {
      main: emergency.police,
      note: i18n.t(emergency.policeFromSite ? 'case:steps.policeNoteFromSite' : 'case:steps.policeNote', {
        number: emergency.policeNonUrgent,
      }),
    };
  }
  if (step.type === 'ALERT_RESCUE_SERVICE') {
    return { main: emergency.rescue, note: emergency.rescueFromSite ? i18n.t('case:steps.siteNumber') : '' };
  }
  return null;
}
