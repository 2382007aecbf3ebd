import { ROLES, type Role } from '@arc/shared/auth';
import { type UserAccount } from '@arc/shared/users';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../hooks/use-now';
import { formatNumber } from '../../../lib/i18n/format';
import {
  activateUser,
  createUser,
  deactivateUser,
  resetUserPassword,
  resetUserTotp,
  unlockUser,
} from '../api/users-api';
import { filterUsers, isLocked, useUsersStore, type StatusFilter } from '../store/users-store';
import { describeUserError, formatDateTime } from '../utils/user-messages';
import { CreateUserForm } from './create-user-form';
import { ResetPasswordForm } from './reset-password-form';
import { SecuritySettingsPanel } from './security-settings-panel';

const STATUS_OPTIONS: readonly StatusFilter[] = ['all', 'active', 'deactivated', 'locked'];

/** Administrators: every user account, with the changes an administrator may make. */
export function UsersScreen() {
  const { t } = useTranslation(['users', 'common']);
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
      <h2 id="users-heading">{t('heading')}</h2>
      <SecuritySettingsPanel onChanged={() => void useUsersStore.getState().load()} />

      <div className="users__bar" role="search">
        <label className="field">
          <span className="field__label">{t('search')}</span>
          <input
            className="field__input"
            type="search"
            placeholder={t('searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="users-search"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('filterRole')}</span>
          <select
            className="field__input"
            value={role}
            onChange={(event) => setRole(event.target.value as Role | 'all')}
            data-testid="users-role-filter"
          >
            <option value="all">{t('allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('filterStatus')}</span>
          <select
            className="field__input"
            value={status}
            onChange={(event) => setStatus(event.target.value as StatusFilter)}
            data-testid="users-status-filter"
          >
            {STATUS_OPTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
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
            {t('newUser')}
          </button>
        )}
      </div>

      {creating && (
        <section className="detail-section" aria-label={t('newUser')}>
          <h3 className="detail-section__title">{t('newUser')}</h3>
          <CreateUserForm
            onCancel={() => setCreating(false)}
            onSave={async (input) => {
              const user = await createUser(input);
              useUsersStore.getState().upsert(user);
              setCreating(false);
              setCreated(t('created', { name: user.displayName, username: user.username }));
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
        !loadError && <p className="muted">{t('loading')}</p>
      ) : (
        <table className="detail-table users-table" data-testid="users-table">
          <caption className="detail-table__caption">
            {shown.length === users.length
              ? t('count', { count: users.length })
              : t('countFiltered', { shown: formatNumber(shown.length), count: users.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('column.name')}</th>
              <th scope="col">{t('column.username')}</th>
              <th scope="col">{t('column.role')}</th>
              <th scope="col">{t('column.active')}</th>
              <th scope="col">{t('column.lastSignIn')}</th>
              <th scope="col">{t('column.failedSignIns')}</th>
              <th scope="col">{t('column.locked')}</th>
              <th scope="col">{t('column.secondFactor')}</th>
              <th scope="col">{t('column.actions')}</th>
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
  const { t } = useTranslation(['users', 'common']);
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
      setError(describeUserError(e).message ?? t('refused'));
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const confirmText: Record<Exclude<Pending, null>, { question: string; label: string; act: () => void }> = {
    deactivate: {
      question: t('deactivate.question', { name: user.displayName }),
      label: t('deactivate.label'),
      act: () => void run(() => deactivateUser(user.id), t('deactivate.done', { name: user.displayName })),
    },
    activate: {
      question: t('activate.question', { name: user.displayName }),
      label: t('activate.label'),
      act: () => void run(() => activateUser(user.id), t('activate.done', { name: user.displayName })),
    },
    'reset-totp': {
      question: t('resetTotp.question', { name: user.displayName, required: user.totpRequired ? 'yes' : 'no' }),
      label: t('resetTotp.label'),
      act: () => void run(() => resetUserTotp(user.id), t('resetTotp.done', { name: user.displayName })),
    },
  };

  return (
    <>
      <tr data-testid="user-row" data-username={user.username} data-active={String(user.active)}>
        <td data-testid="user-name">{user.displayName}</td>
        <td className="mono">{user.username}</td>
        <td data-testid="user-role-cell">{t(`common:role.${user.role}`)}</td>
        <td data-testid="user-active">
          {user.active ? t('common:state.yes') : <span className="tag tag--warn">{t('deactivated')}</span>}
        </td>
        <td>{formatDateTime(user.lastLoginAt)}</td>
        <td data-testid="user-failed">{formatNumber(user.failedLoginsSinceLastLogin)}</td>
        <td data-testid="user-locked">
          {locked ? (
            <span className="tag tag--danger">{t('lockedUntil', { time: formatDateTime(user.lockedUntil) })}</span>
          ) : (
            t('common:state.no')
          )}
        </td>
        <td data-testid="user-totp">
          {user.totpEnrolled
            ? t('totp.setUp')
            : user.totpRequired
              ? t('totp.requiredNotSetUp')
              : t('common:state.none')}
        </td>
        <td>
          {confirming ? (
            <span className="confirm-button" role="group" aria-label={t('common:action.confirm')}>
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
                {t('common:action.cancel')}
              </button>
            </span>
          ) : (
            <span className="row-actions">
              <button
                className="button button--small"
                type="button"
                onClick={() => setResetting(true)}
                aria-label={t('resetPassword.button', { username: user.username })}
                data-testid="user-reset-password"
              >
                {t('resetPassword.action')}
              </button>
              {user.active ? (
                <button
                  className="button button--small"
                  type="button"
                  onClick={() => setConfirming('deactivate')}
                  aria-label={t('deactivate.button', { username: user.username })}
                  data-testid="user-deactivate"
                >
                  {t('deactivate.label')}
                </button>
              ) : (
                <button
                  className="button button--small"
                  type="button"
                  onClick={() => setConfirming('activate')}
                  aria-label={t('activate.button', { username: user.username })}
                  data-testid="user-activate"
                >
                  {t('activate.label')}
                </button>
              )}
              {user.totpEnrolled && (
                <button
                  className="button button--small"
                  type="button"
                  onClick={() => setConfirming('reset-totp')}
                  aria-label={t('resetTotp.button', { username: user.username })}
                  data-testid="user-reset-totp"
                >
                  {t('resetTotp.action')}
                </button>
              )}
              {locked && (
                <button
                  className="button button--small"
                  type="button"
                  disabled={busy}
                  onClick={() => void run(() => unlockUser(user.id), t('unlock.done', { name: user.displayName }))}
                  aria-label={t('unlock.button', { username: user.username })}
                  data-testid="user-unlock"
                >
                  {t('unlock.action')}
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
                setDone(t('resetPassword.done', { name: user.displayName }));
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
