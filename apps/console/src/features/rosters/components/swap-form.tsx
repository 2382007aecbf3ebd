import {
  isMonday,
  OnCallSwapInputSchema,
  scheduledMember,
  swapProblem,
  type OnCallRoster,
} from '@arc/shared/directory';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormError, SelectField, TextField } from '../../../components/form-field';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { addSwap, type SwapBody } from '../api/rosters-api';
import { useFocusFirst } from '../hooks/use-focus-first';
import { swapProblemWords, withRosterWords } from '../utils/roster-words';

const OUTSIDE = 'outside';
const SWAP_SCHEMA = withRosterWords<SwapBody>(OnCallSwapInputSchema);

export interface SwapFormProps {
  roster: OnCallRoster;
  /** The Monday of the week the form starts with. */
  weekStart: string;
  onSaved: (roster: OnCallRoster) => void;
  onCancel: () => void;
}

/**
 * Hands one week to another member or someone outside the roster (name and phone). Checked here
 * by the same schema and rotation rules (swapProblem) the server applies.
 */
export function SwapForm({ roster, weekStart, onSaved, onCancel }: SwapFormProps) {
  const { t } = useTranslation(['rosters', 'common']);
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirst(ref);
  const [week, setWeek] = useState(weekStart);
  const scheduled = isMonday(week) ? scheduledMember(roster, week) : null;
  const [takenBy, setTakenBy] = useState(() => {
    const first = roster.members.findIndex((_, index) => index !== scheduled?.index);
    return first >= 0 ? String(first) : OUTSIDE;
  });
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const saved = useRef<OnCallRoster | null>(null);
  const form = useSchemaForm<SwapBody>(
    SWAP_SCHEMA,
    async (value) => {
      saved.current = await addSwap(roster.id, value);
    },
    (value) => {
      const problem = swapProblem(roster, value);
      return problem ? { [problem.field]: swapProblemWords(problem) } : null;
    },
  );

  const options = [
    ...roster.members.flatMap((member, index) =>
      index === scheduled?.index ? [] : [{ value: String(index), label: member.name }],
    ),
    { value: OUTSIDE, label: t('swapForm.outsider') },
  ];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      weekStart: week,
      takenBy:
        takenBy === OUTSIDE ? { kind: 'OUTSIDE', name, phone } : { kind: 'MEMBER', memberIndex: Number(takenBy) },
    };
    if ((await form.submit(candidate)) && saved.current) onSaved(saved.current);
  };

  return (
    <form
      ref={ref}
      className="edit-form"
      aria-labelledby={titleId}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      data-testid="swap-form"
    >
      <h5 id={titleId} className="registry-form-title">
        {t('swapForm.title', { name: roster.name })}
      </h5>
      <div className="edit-form__row">
        <TextField
          type="date"
          label={t('swapForm.week')}
          testId="swap-week"
          value={week}
          onChange={setWeek}
          error={form.errors.weekStart}
          hint={
            isMonday(week)
              ? scheduled
                ? t('swapForm.weekHint', { name: scheduled.member.name })
                : t('swapForm.weekHintNobody')
              : undefined
          }
        />
        <SelectField
          label={t('swapForm.takenBy')}
          testId="swap-taken-by"
          value={takenBy}
          onChange={setTakenBy}
          options={options}
          error={form.errors['takenBy.memberIndex'] ?? form.errors.takenBy}
        />
      </div>
      {takenBy === OUTSIDE && (
        <div className="edit-form__row">
          <TextField
            label={t('swapForm.name')}
            testId="swap-name"
            autoComplete="off"
            value={name}
            onChange={setName}
            error={form.errors['takenBy.name']}
          />
          <TextField
            type="tel"
            label={t('swapForm.phone')}
            testId="swap-phone"
            autoComplete="off"
            value={phone}
            onChange={setPhone}
            error={form.errors['takenBy.phone']}
          />
        </div>
      )}
      <FormError message={form.formError} testId="swap-form-error" />
      <FormActions pending={form.pending} onCancel={onCancel} testIdPrefix="swap" saveLabel={t('swapForm.save')} />
    </form>
  );
}
