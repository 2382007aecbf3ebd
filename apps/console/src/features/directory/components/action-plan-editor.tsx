import { type AlarmCategory } from '@arc/shared/alarm';
import {
  ActionPlanInputSchema,
  STEP_TYPES,
  type ActionPlanInput,
  type ActionStep,
  type Contact,
  type OnCallRoster,
  type StepType,
} from '@arc/shared/directory';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sortByText } from '../../../lib/i18n/format';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { moveItem } from '../utils/move-item';
import { stepTypeLabel } from '../../../utils/labels';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import { MoveButtons } from './move-buttons';

export interface ActionPlanEditorProps {
  category: AlarmCategory;
  steps: readonly ActionStep[];
  contacts: readonly Contact[];
  rosters: readonly OnCallRoster[];
  onSave: (input: ActionPlanInput) => Promise<void>;
  onCancel: () => void;
}

interface StepDraft {
  key: string;
  type: StepType;
  contactId: string;
  rosterId: string;
  instruction: string;
  mandatory: boolean;
}

let nextStepKey = 1;

/** Edits one category's plan; Save replaces the stored steps with these, in this order. */
export function ActionPlanEditor({ category, steps, contacts, rosters, onSave, onCancel }: ActionPlanEditorProps) {
  const { t } = useTranslation('directory');
  const [drafts, setDrafts] = useState<StepDraft[]>(() => steps.map(toDraft));
  const form = useSchemaForm(ActionPlanInputSchema, onSave);

  const update = (index: number, change: Partial<StepDraft>) =>
    setDrafts((current) => current.map((step, i) => (i === index ? { ...step, ...change } : step)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({ steps: drafts.map(toInput) });
  };

  return (
    <form
      className="edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('planEditor.label', { category: t(`categoryCode.${category}`) })}
    >
      {drafts.length === 0 && <p className="muted">{t('planEditor.noSteps')}</p>}
      <ol className="step-list">
        {drafts.map((step, index) => (
          <li key={step.key} className="step-list__item" data-testid="step-editor-row" data-type={step.type}>
            <span className="step-list__number">{index + 1}</span>
            <StepFields
              index={index}
              step={step}
              contacts={contacts}
              rosters={rosters}
              errors={(field) => form.errors[`steps.${index}.${field}`]}
              onChange={(change) => update(index, change)}
            />
            <MoveButtons
              index={index}
              count={drafts.length}
              label={t('planEditor.step', { n: String(index + 1) })}
              testIdPrefix={`step-${index}`}
              onMove={(direction) => setDrafts((current) => moveItem(current, index, direction))}
            />
            <button
              className="button button--small"
              type="button"
              aria-label={t('planEditor.removeStep', { n: String(index + 1) })}
              data-testid={`step-${index}-remove`}
              onClick={() => setDrafts((current) => current.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        className="button"
        type="button"
        data-testid="step-add"
        onClick={() => setDrafts((current) => [...current, emptyStep()])}
      >
        {t('planEditor.addStep')}
      </button>
      <FormError message={form.formError} />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="plan" />
    </form>
  );
}

interface StepFieldsProps {
  index: number;
  step: StepDraft;
  contacts: readonly Contact[];
  rosters: readonly OnCallRoster[];
  errors: (field: 'type' | 'contactId' | 'rosterId' | 'instruction') => string | undefined;
  onChange: (change: Partial<StepDraft>) => void;
}

function StepFields({ index, step, contacts, rosters, errors, onChange }: StepFieldsProps) {
  const { t } = useTranslation('directory');
  const typeOptions = STEP_TYPES.map((type) => ({ value: type, label: stepTypeLabel(type) }));
  // Contacts in call order; rosters by name, as the language sorts.
  const contactOptions = [
    { value: '', label: t('planEditor.choose') },
    ...contacts.map((c) => ({ value: c.id, label: c.name })),
  ];
  const rosterOptions = [
    { value: '', label: t('planEditor.choose') },
    ...sortByText(rosters, (r) => r.name).map((r) => ({ value: r.id, label: r.name })),
  ];
  const error = {
    type: errors('type'),
    contactId: errors('contactId'),
    rosterId: errors('rosterId'),
    instruction: errors('instruction'),
  };
  return (
    <div className="step-list__fields">
      <SelectField
        label={t('planEditor.stepType')}
        testId={`step-${index}-type`}
        options={typeOptions}
        value={step.type}
        onChange={(type) => onChange({ type: type as StepType })}
        error={error.type}
      />
      {step.type === 'CALL_CONTACT' && (
        <SelectField
          label={t('planEditor.contact')}
          testId={`step-${index}-contact`}
          options={contactOptions}
          value={step.contactId}
          onChange={(contactId) => onChange({ contactId })}
          error={error.contactId}
        />
      )}
      {step.type === 'CALL_ON_CALL' && (
        <SelectField
          label={t('planEditor.roster')}
          testId={`step-${index}-roster`}
          options={rosterOptions}
          value={step.rosterId}
          onChange={(rosterId) => onChange({ rosterId })}
          error={error.rosterId}
        />
      )}
      <TextField
        label={step.type === 'INSTRUCTION' ? t('planEditor.instruction') : t('planEditor.note')}
        testId={`step-${index}-instruction`}
        value={step.instruction}
        onChange={(instruction) => onChange({ instruction })}
        error={error.instruction}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={step.mandatory}
          data-testid={`step-${index}-mandatory`}
          onChange={(event) => onChange({ mandatory: event.target.checked })}
        />
        {t('planEditor.mandatory')}
      </label>
    </div>
  );
}

function toDraft(step: ActionStep): StepDraft {
  return {
    key: step.id,
    type: step.type,
    contactId: step.contactId ?? '',
    rosterId: step.rosterId ?? '',
    instruction: step.instruction ?? '',
    mandatory: step.mandatory,
  };
}

function emptyStep(): StepDraft {
  return {
    key: `new-${nextStepKey++}`,
    type: 'INSTRUCTION',
    contactId: '',
    rosterId: '',
    instruction: '',
    mandatory: false,
  };
}

// A reference only counts for the type that uses it, so switching type does not send a stale id.
function toInput(step: StepDraft) {
  return {
    type: step.type,
    contactId: step.type === 'CALL_CONTACT' ? step.contactId || null : null,
    rosterId: step.type === 'CALL_ON_CALL' ? step.rosterId || null : null,
    instruction: step.instruction,
    mandatory: step.mandatory,
  };
}
