import { EndCallInputSchema, INTAKE_OUTCOMES, type IntakeOutcome } from '@arc/shared/intake';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { useIntakeStore } from '../store/intake-store';
import { outcomeLabel } from '../utils/labels';
import { suggestedOutcome } from '../utils/outcome';
import { FormError, SelectField, TextAreaField } from '../../../components/form-field';

/** The test ids this file passes to shared components (code, not text). */
const TEST_ID = {
  outcome: 'intake-outcome',
  endNote: 'intake-end-note',
  endError: 'intake-end-error',
} as const;

/**
 * Step 4: the call ends with an outcome (for the answering-service reports) and an optional
 * note. The outcome starts as what the call did last; the operator may pick another.
 */
export function EndCallForm() {
  const { t } = useTranslation('intake');
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
  const outcomeOptions = INTAKE_OUTCOMES.map((value) => ({ value, label: outcomeLabel(value) }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ outcome, note });
  };

  return (
    <section className="detail-section intake__step" aria-labelledby="intake-end-heading">
      <h3 id="intake-end-heading" className="detail-section__title">
        {t('endCall.title')}
      </h3>
      <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={t('endCall.form')}>
        <SelectField
          label={t('endCall.outcome')}
          testId={TEST_ID.outcome}
          options={outcomeOptions}
          value={outcome}
          onChange={(value) => setChosen(value as IntakeOutcome)}
          error={form.errors.outcome}
        />
        <TextAreaField
          label={t('endCall.note')}
          testId={TEST_ID.endNote}
          value={note}
          onChange={setNote}
          error={form.errors.note}
        />
        <FormError message={form.formError} testId={TEST_ID.endError} />
        <div className="form-actions">
          <button
            className="button button--primary"
            type="submit"
            disabled={form.pending}
            data-testid="intake-end-call"
          >
            {form.pending ? t('endCall.ending') : t('endCall.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
