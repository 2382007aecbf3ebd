import { EndCallInputSchema, INTAKE_OUTCOMES, type IntakeOutcome } from '@arc/shared/intake';
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import { outcomeLabel } from '../utils/labels';
import { suggestedOutcome } from '../utils/outcome';
import { FormError, SelectField, TextAreaField } from '../../../components/form-field';

const OUTCOME_OPTIONS = INTAKE_OUTCOMES.map((outcome) => ({ value: outcome, label: outcomeLabel(outcome) }));

/**
 * Step 4: the call ends with an outcome (for the answering-service reports) and an optional
 * note. The outcome starts as what the call did last; the operator may pick another.
 */
export function EndCallForm() {
  const { call, verification, refusals, endCall } = useIntakeStore(
    useShallow((state) => ({
      call: state.call,
      verification: state.verification,
      refusals: state.events.filter((e) => e.kind === 'refused').length,
      endCall: state.endCall,
    })),
  );
  const [chosen, setChosen] = useState<IntakeOutcome | null>(null);
  const [note, setNote] = useState('');
  const form = useSchemaForm(EndCallInputSchema, endCall);
  const outcome = chosen ?? suggestedOutcome(call, verification, refusals);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ outcome, note });
  };

  return (
    <section className="detail-section intake__step" aria-labelledby="intake-end-heading">
      <h3 id="intake-end-heading" className="detail-section__title">
        4 · End the call
      </h3>
      <form className="edit-form" onSubmit={onSubmit} noValidate aria-label="End the call">
        <SelectField
          label="Outcome"
          testId="intake-outcome"
          options={OUTCOME_OPTIONS}
          value={outcome}
          onChange={(value) => setChosen(value as IntakeOutcome)}
          error={form.errors.outcome}
        />
        <TextAreaField
          label="Note (optional)"
          testId="intake-end-note"
          value={note}
          onChange={setNote}
          error={form.errors.note}
        />
        <FormError message={form.formError} testId="intake-end-error" />
        <div className="form-actions">
          <button
            className="button button--primary"
            type="submit"
            disabled={form.pending}
            data-testid="intake-end-call"
          >
            {form.pending ? 'Ending…' : 'End call'}
          </button>
        </div>
      </form>
    </section>
  );
}
