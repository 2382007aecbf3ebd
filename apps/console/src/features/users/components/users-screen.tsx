import { ROLES, type Role } from '@arc/shared/auth';
import { type UserAccount } from '@arc/shared/users';
import { useEffect, useMemo, useState } from 'react';
import { useNow } from '../../../hooks/use-now';
import {
  activateUser,
  createUser,
  deactivateUser,
  resetUserPassword,
  resetUserTotp,
  unlockUser,
} from '../api/users-api';
import { filterUsers, isLocked, useUsersStore, type StatusFilter } from '../store/users-store';
import { describeUserError, formatDateTime, roleLabel } from '../utils/user-messages';
import { CreateUserForm } from './create-user-form';
import { ResetPasswordForm } from './reset-password-form';
import { SecuritySettingsPanel } from './security-settings-panel';

const STATUS_OPTIONS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
  { value: 'locked', label: 'Locked' },
];

/** Administrators: every user account, with the changes an administrator may make. */
export function UsersScreen() {
  const users = useUsersStore((state) => state.users);
  const loadError = useUsersStore((state) => state.loadError);
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<Role | 'all'>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const now = useNow();

  useEffect(() => {
    void useUsersStore.getState().load();
    return () => useUsersStore.getState().reset();
  }, []);

  const shown = useMemo(() => filterUsers(users ?? [], query, role, status, now), [users, query, role, status, now]);

  return (
    <section className="users" aria-labelledby="users-heading" data-testid="users-screen">
      <h2 id="users-heading">Users</h2>
      <SecuritySettingsPanel onChanged={() => void useUsersStore.getState().load()} />

      <div className="users__bar" role="search">
        <label className="field">
          <span className="field__label">Search users</span>
          <input
            className="field__input"
            type="search"
            placeholder="Name or username"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="users-search"
          />
        </label>
        <label className="field">
          <span className="field__label">Filter by role</span>
          <select
            className="field__input"
            value={role}
            onChange={(event) => setRole(event.target.value as Role | 'all')}
            data-testid="users-role-filter"
          >
            <option value="all">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Filter by status</span>
          <select
            className="field__input"
            value={status}
            onChange={(event) => setStatus(event.target.value as StatusFilter)}
            data-testid="users-status-filter"
          >
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        {!creating && (
          <button
            className="button button--primary"
            type="button"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
            data-testid="new-user"
          >
            New user
          </button>
        )}
      </div>

      {creating && (
        <section className="detail-section" aria-label="New user">
          <h3 className="detail-section__title">New user</h3>
          <CreateUserForm
            onCancel={() => setCreating(false)}
            onSave={async (input) => {
              const user = await createUser(input);
              useUsersStore.getState().upsert(user);
              setCreating(false);
              setCreated(`${user.displayName} (${user.username}) was created.`);
              return user;
            }}
          />
        </section>
      )}
      {created && (
        <p role="status" data-testid="user-created">
          {created}
        </p>
      )}

      {loadError && (
        <p className="form-error" role="alert" data-testid="users-load-error">
          {loadError}
        </p>
      )}
      {users === null ? (
        !loadError && <p className="muted">Loading users…</p>
      ) : (
        <table className="detail-table users-table" data-testid="users-table">
          <caption className="detail-table__caption">
            {shown.length === users.length ? `${users.length} users` : `${shown.length} of ${users.length} users`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Username</th>
              <th scope="col">Role</th>
              <th scope="col">Active</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Failed sign-ins</th>
              <th scope="col">Locked</th>
              <th scope="col">Second factor</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((user) => (
              <UserRow key={user.id} user={user} now={now} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Pending = 'deactivate' | 'activate' | 'reset-totp' | null;

function UserRow({ user, now }: { user: UserAccount; now: number }) {
  const [confirming, setConfirming] = useState<Pending>(null);
  const [resetting, setResetting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const locked = isLocked(user, now);

  const run = async (action: () => Promise<UserAccount>, doneText: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      useUsersStore.getState().upsert(await action());
      setDone(doneText);
    } catch (e) {
      setError(describeUserError(e).message ?? 'Refused');
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const confirmText: Record<Exclude<Pending, null>, { question: string; label: string; act: () => void }> = {
    deactivate: {
      question: `Deactivate ${user.displayName}? They are signed out at once and cannot sign in.`,
      label: 'Deactivate',
      act: () => void run(() => deactivateUser(user.id), `${user.displayName} is deactivated.`),
    },
    activate: {
      question: `Reactivate ${user.displayName}? They can sign in again with their password.`,
      label: 'Reactivate',
      act: () => void run(() => activateUser(user.id), `${user.displayName} is active again.`),
    },
    'reset-totp': {
      question: `Remove ${user.displayName}'s second factor? They sign in with the password alone${
        user.totpRequired ? ' and must set up a new one' : ''
      }.`,
      label: 'Remove second factor',
      act: () => void run(() => resetUserTotp(user.id), `${user.displayName}'s second factor was removed.`),
    },
  };

  return (
    <>
      <tr data-testid="user-row" data-username={user.username} data-active={String(user.active)}>
        <td data-testid="user-name">{user.displayName}</td>
        <td className="mono">{user.username}</td>
        <td data-testid="user-role-cell">{roleLabel(user.role)}</td>
        <td data-testid="user-active">{user.active ? 'Yes' : <span className="tag tag--warn">Deactivated</span>}</td>
        <td>{formatDateTime(user.lastLoginAt)}</td>
        <td data-testid="user-failed">{user.failedLoginsSinceLastLogin}</td>
        <td data-testid="user-locked">
          {locked ? <span className="tag tag--danger">until {formatDateTime(user.lockedUntil)}</span> : 'No'}
        </td>
        <td data-testid="user-totp">{totpLabel(user)}</td>
        <td>
          {confirming ? (
            <span className="confirm-button" role="group" aria-label="Confirm">
              <span>{confirmText[confirming].question}</span>{' '}
              <button
                className="button button--small button--danger"
                type="button"
                disabled={busy}
                onClick={confirmText[confirming].act}
                autoFocus
                data-testid="user-confirm"
              >
                {confirmText[confirming].label}
              </button>
              <button
                className="button button--small"
                type="button"
                disabled={busy}
                onClick={() => setConfirming(null)}
                data-testid="user-confirm-cancel"
              >
                Cancel
              </button>
            </span>
          ) : (
            <span className="row-actions">
              <button
                className="button button--small"
                type="button"
                onClick={() => setResetting(true)}
                aria-label={`Reset password of ${user.username}`}
                data-testid="user-reset-password"
              >
                Reset password
              </button>
              {user.active ? (
                <button
                  className="button button--small"
                  type="button"
                  onClick={() => setConfirming('deactivate')}
                  aria-label={`Deactivate ${user.username}`}
                  data-testid="user-deactivate"
                >
                  Deactivate
                </button>
              ) : (
                <button
                  className="button button--small"
                  type="button"
                  onClick={() => setConfirming('activate')}
                  aria-label={`Reactivate ${user.username}`}
                  data-testid="user-activate"
                >
                  Reactivate
                </button>
              )}
              {user.totpEnrolled && (
                <button
                  className="button button--small"
                  type="button"
                  onClick={() => setConfirming('reset-totp')}
                  aria-label={`Reset second factor of ${user.username}`}
                  data-testid="user-reset-totp"
                >
                  Reset second factor
                </button>
              )}
              {locked && (
                <button
                  className="button button--small"
                  type="button"
                  disabled={busy}
                  onClick={() => void run(() => unlockUser(user.id), `${user.displayName} is unlocked.`)}
                  aria-label={`Unlock ${user.username}`}
                  data-testid="user-unlock"
                >
                  Unlock
                </button>
              )}
            </span>
          )}
          {error && (
            <p className="field__error" role="alert" data-testid="user-action-error">
              {error}
            </p>
          )}
          {done && (
            <p className="muted" role="status" data-testid="user-action-done">
              {done}
            </p>
          )}
        </td>
      </tr>
      {resetting && (
        <tr>
          <td colSpan={9}>
            <ResetPasswordForm
              user={user}
              onCancel={() => setResetting(false)}
              onSave={async (password) => {
                useUsersStore.getState().upsert(await resetUserPassword(user.id, { password }));
                setResetting(false);
                setDone(`${user.displayName} has a new password and was signed out.`);
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function totpLabel(user: UserAccount): string {
  if (user.totpEnrolled) return 'Set up';
  return user.totpRequired ? 'Required, not set up' : 'None';
}
