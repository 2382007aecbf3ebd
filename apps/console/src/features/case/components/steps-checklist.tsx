import { StepTickInputSchema, type CaseDetail, type CaseStep } from '@arc/shared/case-handling';
import { DEFAULT_EMERGENCY_NUMBERS } from '@arc/shared/site-knowledge';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { tickStep } from '../api/case-api';
import { useCaseStore } from '../store/case-store';
import { formatTime } from '../utils/labels';
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
  const steps = detail.steps;
  return (
    <CaseSection title="Action plan" testId="case-steps">
      {steps === null || steps.length === 0 ? (
        <p className="muted" data-testid="no-plan">
          No action plan for {detail.summary.category} at this site: follow the centre&apos;s general instructions.
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
            <span className="tag tag--warn" title="Must be done, or a reason given when closing">
              MANDATORY
            </span>
          )}
        </div>
        {number && (
          <p className="step-number" data-testid="step-number">
            Call <span className="mono step-number__value">{number.main}</span>
            {number.note && <span className="muted"> {number.note}</span>}
          </p>
        )}
        {step.instruction && <p className="checklist__instruction">{step.instruction}</p>}
        {step.ticked ? (
          <p className="muted" data-testid="step-ticked">
            Done {formatTime(step.ticked.at)} by {step.ticked.by.name}
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
              Tick…
            </button>
          )
        )}
        {selected && !step.ticked && !ticking && (
          <span className="muted step-key-hint">
            <kbd>T</kbd> tick
          </span>
        )}
      </div>
    </li>
  );
}

function TickForm({ stepId, onDone }: { stepId: string; onDone: () => void }) {
  const mutate = useCaseStore((state) => state.mutate);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    const parsed = StepTickInputSchema.safeParse({ note });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the note');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await mutate((caseId) => tickStep(caseId, stepId, parsed.data));
      onDone();
    } catch (caught) {
      setError(messageOf(caught, 'Ticking failed'));
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
    <form className="inline-form" onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label="Tick step">
      <input
        className="field__input"
        placeholder="Note (optional)"
        aria-label="Note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        autoFocus
        data-testid="step-note"
      />
      <button className="button button--small button--primary" type="submit" disabled={pending} data-testid="step-save">
        {pending ? 'Saving…' : 'Done'}
      </button>
      <button className="button button--small" type="button" onClick={onDone} disabled={pending}>
        Cancel
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
    return contact ? `— ${contact.name}` : '— (contact removed)';
  }
  if (step.rosterId) {
    const onCall = detail.onCall.find((o) => o.rosterId === step.rosterId);
    if (!onCall) return '';
    return `— ${onCall.rosterName}: ${onCall.member ? `${onCall.member.name}, ${onCall.member.phone}` : 'nobody on call'}`;
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
      note: `${emergency.policeFromSite ? "(site's number) " : ''}· not urgent: ${emergency.policeNonUrgent}`,
    };
  }
  if (step.type === 'ALERT_RESCUE_SERVICE') {
    return { main: emergency.rescue, note: emergency.rescueFromSite ? "(site's number)" : '' };
  }
  return null;
}
