import type { LoginFailureReason } from '@arc/shared/users';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { richMessage } from '../../../components/rich-message';
import { useNow } from '../../../hooks/use-now';
import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n/i18n';
import { messageOf } from '../../../utils/request-state';
import { fetchLoginActivity, unlockAccount, unlockAddress } from '../api/supervisor-api';
import { useSupervisorStore } from '../store/supervisor-store';
import { formatTime } from '../utils/format';

export interface LoginSecurityPanelProps {
  /** Administrators may lift a lock; supervisors only watch. */
  canUnlock: boolean;
}

/**
 * Failed sign-ins and locked accounts and addresses: loaded when the screen opens, then kept
 * live by `auth.login-failed.v1`, so a guessing attack shows while it happens.
 */
const IDS = { unlockAccount: 'unlock-account', unlockAddress: 'unlock-address' } as const;

export function LoginSecurityPanel({ canUnlock }: LoginSecurityPanelProps) {
  const { t } = useTranslation('supervisor');
  const loadError = useLoginActivity();
  const { failures, accounts, addresses } = useSupervisorStore(
    useShallow((state) => ({
      failures: state.loginFailures,
      accounts: state.lockedAccounts,
      addresses: state.lockedAddresses,
    })),
  );
  const now = useNow();
  const lockedAccounts = useMemo(() => accounts.filter((l) => Date.parse(l.lockedUntil) > now), [accounts, now]);
  const lockedAddresses = useMemo(() => addresses.filter((l) => Date.parse(l.lockedUntil) > now), [addresses, now]);

  return (
    <section className="supervisor-panel" aria-labelledby="sv-logins-title" data-testid="login-security-panel">
      <h3 className="supervisor-panel__title" id="sv-logins-title">
        {t('logins.title')}{' '}
        <span className="supervisor-panel__note" data-testid="login-failures-count">
          {t('logins.failures', { count: failures.length })}
        </span>
      </h3>
      {loadError && (
        <p className="form-error" role="alert" data-testid="login-activity-error">
          {loadError}
        </p>
      )}
      {lockedAccounts.length + lockedAddresses.length > 0 && (
        <ul className="plain-list" data-testid="locked-list">
          {lockedAccounts.map((lock) => (
            <li key={`account-${lock.username}`} className="supervisor-locked" data-testid="locked-account">
              <span className="tag tag--danger">{t('logins.lockedAccountTag')}</span>{' '}
              {richMessage(
                (m) => t('logins.lockedAccount', { username: m.username, time: formatTime(lock.lockedUntil) }),
                { username: <strong>{lock.username}</strong> },
              )}
              {canUnlock && lock.userId && (
                <UnlockButton
                  label={t('logins.unlockAccount', { username: lock.username })}
                  testId={IDS.unlockAccount}
                  run={async () => {
                    await unlockAccount(lock.userId!);
                    useSupervisorStore.getState().removeAccountLock(lock.username);
                  }}
                />
              )}
            </li>
          ))}
          {lockedAddresses.map((lock) => (
            <li key={`address-${lock.address}`} className="supervisor-locked" data-testid="locked-address">
              <span className="tag tag--danger">{t('logins.lockedAddressTag')}</span>{' '}
              {richMessage(
                (m) => t('logins.lockedAddress', { address: m.address, time: formatTime(lock.lockedUntil) }),
                { address: <span className="mono">{lock.address}</span> },
              )}
              {canUnlock && (
                <UnlockButton
                  label={t('logins.unlockAddress', { address: lock.address })}
                  testId={IDS.unlockAddress}
                  run={async () => {
                    await unlockAddress(lock.address);
                    useSupervisorStore.getState().removeAddressLock(lock.address);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {failures.length === 0 ? (
        <p className="muted">{t('logins.none')}</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th>{t('logins.time')}</th>
              <th>{t('logins.username')}</th>
              <th>{t('logins.reason')}</th>
              <th>{t('logins.from')}</th>
            </tr>
          </thead>
          <tbody>
            {failures.map((f) => (
              <tr key={f.id} data-testid="login-failure-row" data-reason={f.reason}>
                <td className="mono">{formatTime(f.at)}</td>
                <td>
                  {f.username}
                  {f.userId === null && <span className="muted"> {t('logins.noSuchAccount')}</span>}
                </td>
                <td>
                  {loginFailureLabel(f.reason)}
                  {f.lockedUntil && (
                    <span className="tag tag--danger">
                      {f.lockScope === 'address' ? t('logins.addressLocked') : t('logins.accountLocked')}
                    </span>
                  )}
                </td>
                <td className="mono">{f.sourceAddress ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function loginFailureLabel(reason: LoginFailureReason): string {
  return i18n.t(`supervisor:logins.reasons.${reason}`);
}

function useLoginActivity(): string | null {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchLoginActivity(controller.signal).then(
      (activity) => {
        useSupervisorStore.getState().applyLoginActivity(activity);
        setError(null);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(
          e instanceof ApiRequestError && e.status !== 0
            ? i18n.t('supervisor:logins.loadFailed', { reason: messageOf(e) })
            : i18n.t('supervisor:logins.unreachable'),
        );
      },
    );
    return () => controller.abort();
  }, []);
  return error;
}

function UnlockButton({ label, testId, run }: { label: string; testId: string; run: () => Promise<void> }) {
  const { t } = useTranslation('supervisor');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    setBusy(true);
    setError(null);
    run().then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(
          e instanceof ApiRequestError
            ? t('logins.notUnlocked', { reason: messageOf(e) })
            : t('logins.notUnlockedPlain'),
        );
      },
    );
  };
  return (
    <>
      {' '}
      <button
        className="button button--small"
        type="button"
        onClick={onClick}
        disabled={busy}
        aria-label={label}
        data-testid={testId}
      >
        {t('logins.unlock')}
      </button>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
