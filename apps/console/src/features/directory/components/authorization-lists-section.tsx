import type { Person, SiteDetail } from '@arc/shared/directory';
import { useState, type FormEvent, type ReactNode } from 'react';
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
import { PasswordForm } from './password-form';
import { PersonForm } from './person-form';

export interface AuthorizationListsSectionProps {
  detail: SiteDetail;
  canEdit: boolean;
}

type ListList = SiteDetail['authorizationLists'];

/** Who may speak for the site. Passwords are never shown, only whether one is set. */
export function AuthorizationListsSection({ detail, canEdit }: AuthorizationListsSectionProps) {
  const [adding, setAdding] = useState(false);
  const actions = canEdit && !adding && (
    <button className="button button--small" type="button" onClick={() => setAdding(true)} data-testid="list-add">
      New list
    </button>
  );
  return (
    <DetailSection title="Authorization lists" testId="detail-authorization-lists" actions={actions}>
      {adding && <NewListForm siteId={detail.site.id} onDone={() => setAdding(false)} />}
      {detail.authorizationLists.length === 0 && <p className="muted">No authorization list covers this site.</p>}
      {detail.authorizationLists.map((list) => (
        <AuthorizationListView key={list.id} list={list} canEdit={canEdit} />
      ))}
    </DetailSection>
  );
}

/** What the admin is doing in one list: adding a person, editing one, or setting a password. */
type ListEdit = { kind: 'add' } | { kind: 'edit'; person: Person } | { kind: 'password'; person: Person } | null;

function AuthorizationListView({ list, canEdit }: { list: ListList[number]; canEdit: boolean }) {
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
            Add person
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
                    Edit
                  </button>
                  <button
                    className="button button--small"
                    type="button"
                    onClick={() => setEdit({ kind: 'password', person })}
                    data-testid="person-set-password"
                  >
                    Set password
                  </button>
                  <ConfirmButton
                    label="Remove"
                    confirmLabel="Remove person"
                    onConfirm={() => mutate(() => deletePerson(person.id))}
                    testId="person-delete"
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
  if (persons.length === 0) return <p className="muted">Nobody on this list.</p>;
  return (
    <table className="detail-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Phone</th>
          <th scope="col">Level</th>
          <th scope="col">Valid</th>
          <th scope="col">Password set</th>
          {actions && <th scope="col">Actions</th>}
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
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const mutate = useDirectoryStore((state) => state.mutate);

  const save = async () => {
    if (name.trim() === '') {
      setError('is required');
      return;
    }
    setPending(true);
    try {
      await mutate(() => createAuthorizationList({ name, siteIds: [siteId] }));
      onDone();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Saving failed');
      setPending(false);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label="New authorization list">
      <TextField label="List name" testId="list-name" value={name} onChange={setName} error={error} />
      <FormActions pending={pending} onCancel={onDone} testIdPrefix="list" />
    </form>
  );
}
