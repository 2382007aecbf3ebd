import type { Person, SiteDetail } from '@arc/shared/directory';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createAuthorizationList,
  createPerson,
  deletePerson,
  setPersonPassword,
  updatePerson,
} from '../api/directory-api';
import { useDirectoryStore } from '../store/directory-store';
import { formatPeriod, yesNo } from '../utils/labels';
import { ConfirmButton, DetailSection } from './detail-section';
import { FormActions, TextField } from '../../../components/form-field';
import { messageOf } from '../../../utils/request-state';
import { PasswordForm } from './password-form';
import { PersonForm } from './person-form';

export interface AuthorizationListsSectionProps {
  detail: SiteDetail;
  canEdit: boolean;
}

type ListList = SiteDetail['authorizationLists'];

/** Test ids: code, not text. */
const IDS = {
  section: 'detail-authorization-lists',
  personDelete: 'person-delete',
  listName: 'list-name',
  listPrefix: 'list',
} as const;

/** Who may speak for the site. Passwords are never shown, only whether one is set. */
export function AuthorizationListsSection({ detail, canEdit }: AuthorizationListsSectionProps) {
  const { t } = useTranslation('access');
  const [adding, setAdding] = useState(false);
  const actions = canEdit && !adding && (
    <button className="button button--small" type="button" onClick={() => setAdding(true)} data-testid="list-add">
      {t('lists.newList')}
    </button>
  );
  return (
    <DetailSection title={t('lists.title')} testId={IDS.section} actions={actions}>
      {adding && <NewListForm siteId={detail.site.id} onDone={() => setAdding(false)} />}
      {detail.authorizationLists.length === 0 && <p className="muted">{t('lists.none')}</p>}
      {detail.authorizationLists.map((list) => (
        <AuthorizationListView key={list.id} list={list} canEdit={canEdit} />
      ))}
    </DetailSection>
  );
}

/** What the admin is doing in one list: adding a person, editing one, or setting a password. */
type ListEdit = { kind: 'add' } | { kind: 'edit'; person: Person } | { kind: 'password'; person: Person } | null;

function AuthorizationListView({ list, canEdit }: { list: ListList[number]; canEdit: boolean }) {
  const { t } = useTranslation(['access', 'common']);
  const [edit, setEdit] = useState<ListEdit>(null);
  const mutate = useDirectoryStore((state) => state.mutate);
  const done = () => setEdit(null);

  return (
    <div className="auth-list" data-testid="auth-list" data-list-id={list.id}>
      <div className="auth-list__header">
        <h4 className="auth-list__title">{list.name}</h4>
        {canEdit && edit === null && (
          <button
            className="button button--small"
            type="button"
            onClick={() => setEdit({ kind: 'add' })}
            data-testid="person-add"
          >
            {t('lists.addPerson')}
          </button>
        )}
      </div>
      <ListEditForm list={list} edit={edit} onDone={done} mutate={mutate} />
      <PersonTable
        persons={list.persons}
        actions={
          canEdit && edit === null
            ? (person) => (
                <>
                  <button
                    className="button button--small"
                    type="button"
                    onClick={() => setEdit({ kind: 'edit', person })}
                    data-testid="person-edit"
                  >
                    {t('common:action.edit')}
                  </button>
                  <button
                    className="button button--small"
                    type="button"
                    onClick={() => setEdit({ kind: 'password', person })}
                    data-testid="person-set-password"
                  >
                    {t('lists.setPassword')}
                  </button>
                  <ConfirmButton
                    label={t('common:action.remove')}
                    confirmLabel={t('lists.removePerson')}
                    onConfirm={() => mutate(() => deletePerson(person.id))}
                    testId={IDS.personDelete}
                  />
                </>
              )
            : undefined
        }
      />
    </div>
  );
}

interface ListEditFormProps {
  list: ListList[number];
  edit: ListEdit;
  onDone: () => void;
  mutate: <T>(write: () => Promise<T>) => Promise<T>;
}

function ListEditForm({ list, edit, onDone, mutate }: ListEditFormProps) {
  if (edit === null) return null;
  switch (edit.kind) {
    case 'add':
      return (
        <PersonForm
          listId={list.id}
          onCancel={onDone}
          onSave={async (input) => {
            await mutate(() => createPerson(input));
            onDone();
          }}
        />
      );
    case 'edit':
      return (
        <PersonForm
          listId={list.id}
          initial={edit.person}
          onCancel={onDone}
          onSave={async (input) => {
            await mutate(() => updatePerson(edit.person.id, input));
            onDone();
          }}
        />
      );
    case 'password':
      return (
        <PasswordForm
          person={edit.person}
          listPersons={list.persons}
          onCancel={onDone}
          onSave={async (input) => {
            await mutate(() => setPersonPassword(edit.person.id, input));
            onDone();
          }}
        />
      );
    default: {
      const unexpected: never = edit;
      throw new Error(`Unknown edit ${String(unexpected)}`);
    }
  }
}

export interface PersonTableProps {
  persons: readonly Person[];
  actions?: ((person: Person) => ReactNode) | undefined;
}

/** Persons of a list; also used for a service company's installers. */
export function PersonTable({ persons, actions }: PersonTableProps) {
  const { t } = useTranslation('access');
  if (persons.length === 0) return <p className="muted">{t('persons.empty')}</p>;
  return (
    <table className="detail-table">
      <thead>
        <tr>
          <th scope="col">{t('persons.name')}</th>
          <th scope="col">{t('persons.phone')}</th>
          <th scope="col">{t('persons.level')}</th>
          <th scope="col">{t('persons.valid')}</th>
          <th scope="col">{t('persons.passwordSet')}</th>
          {actions && <th scope="col">{t('persons.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {persons.map((person) => (
          <tr key={person.id} data-testid="person-row" data-person-id={person.id}>
            <td>{person.name}</td>
            <td>{person.phone}</td>
            <td>
              <span className="tag">{person.level}</span>
            </td>
            <td>{formatPeriod(person.validFrom, person.validTo)}</td>
            <td data-testid="person-has-password">{yesNo(person.hasPassword)}</td>
            {actions && <td className="row-actions">{actions(person)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewListForm({ siteId, onDone }: { siteId: string; onDone: () => void }) {
  const { t } = useTranslation('access');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const mutate = useDirectoryStore((state) => state.mutate);

  const save = async () => {
    if (name.trim() === '') {
      setError(t('lists.nameRequired'));
      return;
    }
    setPending(true);
    try {
      await mutate(() => createAuthorizationList({ name, siteIds: [siteId] }));
      onDone();
    } catch (caught) {
      setError(messageOf(caught, t('lists.saveFailed')));
      setPending(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={t('lists.newListForm')}>
      <TextField label={t('lists.listName')} testId={IDS.listName} value={name} onChange={setName} error={error} />
      <FormActions pending={pending} onCancel={onDone} testIdPrefix={IDS.listPrefix} />
    </form>
  );
}
