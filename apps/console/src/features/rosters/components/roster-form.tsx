import { OnCallRosterInputSchema, type OnCallRoster } from '@arc/shared/directory';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormError, TextField } from '../../../components/form-field';
import { useSchemaForm } from '../../../hooks/use-schema-form';
import { createRoster, updateRoster, type RosterBody } from '../api/rosters-api';
import { useFocusFirst } from '../hooks/use-focus-first';
import { useRosterCache } from '../hooks/use-rosters';
import { withRosterWords } from '../utils/roster-words';

const ROSTER_SCHEMA = withRosterWords<RosterBody>(OnCallRosterInputSchema);

interface MemberRow {
  key: number;
  name: string;
  phone: string;
}

let nextKey = 0;
const row = (name = '', phone = ''): MemberRow => ({ key: (nextKey += 1), name, phone });

export interface RosterFormProps {
  /** null for a new roster. */
  roster: OnCallRoster | null;
  onSaved: (roster: OnCallRoster) => void;
  onCancel: () => void;
}

/** A roster's name, the Monday its rotation starts and its members in rotation order. */
export function RosterForm({ roster, onSaved, onCancel }: RosterFormProps) {
  const { t } = useTranslation(['rosters', 'common']);
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirst(ref);
  const cache = useRosterCache();
  const [name, setName] = useState(roster?.name ?? '');
  const [rotationStart, setRotationStart] = useState(roster?.rotationStart ?? '');
  const [members, setMembers] = useState<MemberRow[]>(() =>
    roster ? roster.members.map((m) => row(m.name, m.phone)) : [row()],
  );
  const saved = useRef<OnCallRoster | null>(null);
  const form = useSchemaForm<RosterBody>(ROSTER_SCHEMA, async (value) => {
    saved.current = roster ? await updateRoster(roster.id, value) : await createRoster(value);
    cache.put(saved.current);
  });

  const change = (index: number, patch: Partial<MemberRow>) =>
    setMembers(members.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...members];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setMembers(next);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = { name, rotationStart, members: members.map((m) => ({ name: m.name, phone: m.phone })) };
    if ((await form.submit(candidate)) && saved.current) onSaved(saved.current);
  };

  return (
    <form
      ref={ref}
      className="edit-form"
      aria-labelledby={titleId}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      data-testid="roster-form"
    >
      <h4 id={titleId} className="registry-form-title">
        {roster ? t('form.editTitle', { name: roster.name }) : t('form.newTitle')}
      </h4>
      <div className="edit-form__row">
        <TextField
          label={t('form.name')}
          testId="roster-name"
          autoComplete="off"
          value={name}
          onChange={setName}
          error={form.errors.name}
        />
        <TextField
          type="date"
          label={t('form.rotationStart')}
          testId="roster-start"
          value={rotationStart}
          onChange={setRotationStart}
          error={form.errors.rotationStart}
          hint={t('form.rotationStartHint')}
        />
      </div>
      <fieldset className="edit-form__group roster-form__members">
        <legend className="field__label">{t('form.members')}</legend>
        <ol className="step-list">
          {members.map((member, index) => {
            const n = index + 1;
            return (
              <li key={member.key} className="step-list__item" data-testid="roster-member">
                <span className="step-list__number" aria-hidden="true">
                  {n}
                </span>
                <div className="step-list__fields">
                  <TextField
                    label={t('form.memberName', { n })}
                    testId={`roster-member-${index}-name`}
                    autoComplete="off"
                    value={member.name}
                    onChange={(value) => change(index, { name: value })}
                    error={form.errors[`members.${index}.name`]}
                  />
                  <TextField
                    type="tel"
                    label={t('form.memberPhone', { n })}
                    testId={`roster-member-${index}-phone`}
                    autoComplete="off"
                    value={member.phone}
                    onChange={(value) => change(index, { phone: value })}
                    error={form.errors[`members.${index}.phone`]}
                  />
                </div>
                <div className="move-buttons">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('form.moveUp', { n })}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    data-testid={`roster-member-${index}-up`}
                  >
                    {t('form.up')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('form.moveDown', { n })}
                    disabled={index === members.length - 1}
                    onClick={() => move(index, 1)}
                    data-testid={`roster-member-${index}-down`}
                  >
                    {t('form.down')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('form.removeMember', { n })}
                    onClick={() => setMembers(members.filter((_, i) => i !== index))}
                    data-testid={`roster-member-${index}-remove`}
                  >
                    {t('common:action.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        {form.errors.members && (
          <p className="field__error" role="alert" data-testid="roster-members-error">
            {form.errors.members}
          </p>
        )}
        <button
          type="button"
          className="button button--small"
          onClick={() => setMembers([...members, row()])}
          data-testid="roster-member-add"
        >
          {t('form.addMember')}
        </button>
      </fieldset>
      <FormError message={form.formError} testId="roster-form-error" />
      <FormActions
        pending={form.pending}
        onCancel={onCancel}
        testIdPrefix="roster"
        saveLabel={roster ? t('form.save') : t('form.create')}
      />
    </form>
  );
}
