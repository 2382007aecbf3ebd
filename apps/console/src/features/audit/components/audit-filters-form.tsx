import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@arc/shared/directory';
import type { UserAccount } from '@arc/shared/users';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/form-field';
import { sortByText } from '../../../lib/i18n/format';
import type { FieldErrors } from '../../../utils/form-errors';
import { centreTimeZone } from '../../../utils/time';
import { checkAuditFilters, isAuditEntity, NO_FILTERS, type AuditFilters } from '../utils/audit-query';

export interface AuditUsers {
  /** The users to choose from; null when the caller may not list users (only administrators may). */
  list: readonly UserAccount[] | null;
  loading: boolean;
  error: string | null;
}

export interface AuditFiltersFormProps {
  /** The filters in force (the form starts from them). */
  initial: AuditFilters;
  users: AuditUsers;
  onApply: (filters: AuditFilters) => void;
}

/**
 * Who, what and when. Nothing is asked until "Show": the filters are first checked with the
 * server's own query schema (a period must end after it starts), in the centre's time zone.
 */
export function AuditFiltersForm({ initial, users, onApply }: AuditFiltersFormProps) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState<AuditFilters>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (change: Partial<AuditFilters>) => setDraft((current) => ({ ...current, ...change }));

  const apply = (filters: AuditFilters) => {
    const problems = checkAuditFilters(filters);
    setErrors(problems);
    if (Object.keys(problems).length === 0) onApply(filters);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setErrors({});
    onApply(NO_FILTERS);
  };

  const entityLabel = (entity: string) => (isAuditEntity(entity) ? t(`entity.${entity}`) : entity);
  const entityOptions = [
    { value: '', label: t('filters.anyEntity') },
    ...sortByText(
      [...AUDIT_ENTITIES, ...(draft.entity && !isAuditEntity(draft.entity) ? [draft.entity] : [])].map((entity) => ({
        value: entity,
        label: entityLabel(entity),
      })),
      (option) => option.label,
    ),
  ];
  const actionOptions = [
    { value: '', label: t('filters.anyAction') },
    ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`action.${action}`) })),
  ];

  return (
    <form className="admin-audit-filters" onSubmit={onSubmit} noValidate data-testid="audit-filters">
      <fieldset className="admin-audit-filters__group">
        <legend>{t('filters.legend')}</legend>
        <div className="edit-form__row">
          <WhoFilter
            draft={draft}
            users={users}
            error={errors.actor}
            onChange={set}
            onEveryone={() => apply({ ...draft, actor: '', actorName: '' })}
          />
          <SelectField
            label={t('filters.entity')}
            testId="audit-filter-entity"
            value={draft.entity}
            options={entityOptions}
            onChange={(entity) => set({ entity })}
            error={errors.entity}
          />
          <TextField
            label={t('filters.entityId')}
            testId="audit-filter-entity-id"
            value={draft.entityId}
            onChange={(entityId) => set({ entityId })}
            error={errors.entityId}
          />
          <SelectField
            label={t('filters.action')}
            testId="audit-filter-action"
            value={draft.action}
            options={actionOptions}
            onChange={(action) => set({ action })}
            error={errors.action}
          />
        </div>
        <div className="edit-form__row">
          <TextField
            label={t('filters.from')}
            testId="audit-filter-from"
            type="datetime-local"
            value={draft.from}
            onChange={(from) => set({ from })}
            error={errors.from}
            hint={t('filters.zoneHint', { zone: centreTimeZone() })}
          />
          <TextField
            label={t('filters.to')}
            testId="audit-filter-to"
            type="datetime-local"
            value={draft.to}
            onChange={(to) => set({ to })}
            error={errors.to}
            hint={t('filters.zoneHint', { zone: centreTimeZone() })}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" data-testid="audit-filter-apply">
            {t('filters.apply')}
          </button>
          <button type="button" className="button" onClick={clear} data-testid="audit-filter-clear">
            {t('filters.clear')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

interface WhoFilterProps {
  draft: AuditFilters;
  users: AuditUsers;
  error: string | undefined;
  onChange: (change: Partial<AuditFilters>) => void;
  onEveryone: () => void;
}

/**
 * Administrators choose from the users; supervisors, who may not list them, narrow to one person
 * from an entry ("Only this person") and can go back to everyone.
 */
function WhoFilter({ draft, users, error, onChange, onEveryone }: WhoFilterProps) {
  const { t } = useTranslation('audit');
  if (users.list === null) {
    return (
      <div className="field admin-audit-filters__who" data-testid="audit-filter-who">
        <span className="field__label">{t('filters.who')}</span>
        {draft.actor ? (
          <span className="admin-audit-filters__chosen">
            <span data-testid="audit-filter-who-chosen">{t('filters.whoChosen', { name: draft.actorName })}</span>{' '}
            <button
              type="button"
              className="button button--small"
              onClick={onEveryone}
              data-testid="audit-filter-who-clear"
            >
              {t('filters.whoClear')}
            </button>
          </span>
        ) : (
          <span className="muted field__hint">{t('filters.whoHint')}</span>
        )}
        {error && <span className="field__error">{error}</span>}
      </div>
    );
  }
  const known = users.list.some((user) => user.id === draft.actor);
  const options = [
    { value: '', label: users.loading ? t('filters.usersLoading') : t('filters.anyone') },
    ...sortByText(users.list, (user) => user.displayName).map((user) => ({
      value: user.id,
      label: t('filters.userOption', { name: user.displayName, username: user.username }),
    })),
    ...(draft.actor && !known ? [{ value: draft.actor, label: draft.actorName || draft.actor }] : []),
  ];
  return (
    <div className="admin-audit-filters__who">
      <SelectField
        label={t('filters.who')}
        testId="audit-filter-actor"
        value={draft.actor}
        options={options}
        error={error ?? (users.error ? t('filters.usersFailed', { error: users.error }) : undefined)}
        onChange={(actor) =>
          onChange({ actor, actorName: users.list?.find((user) => user.id === actor)?.displayName ?? '' })
        }
      />
    </div>
  );
}
