import type { LoginFailureReason } from '@arc/shared/users';
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useNow } from '../../../hooks/use-now';
import { ApiRequestError } from '../../../lib/api';
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
export function LoginSecurityPanel({ canUnlock }: LoginSecurityPanelProps) {
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
        Sign-ins{' '}
        <span className="supervisor-panel__note" data-testid="login-failures-count">
          {failures.length === 1 ? '1 recent failure' : `${failures.length} recent failures`}
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
              <span className="tag tag--danger">Locked</span> account <strong>{lock.username}</strong> until{' '}
              {formatTime(lock.lockedUntil)}
              {canUnlock && lock.userId && (
                <UnlockButton
                  label={`Unlock account ${lock.username}`}
                  testId="unlock-account"
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
              <span className="tag tag--danger">Locked</span> address <span className="mono">{lock.address}</span> until{' '}
              {formatTime(lock.lockedUntil)}
              {canUnlock && (
                <UnlockButton
                  label={`Unlock address ${lock.address}`}
                  testId="unlock-address"
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
        <p className="muted">No failed sign-ins.</p>
      ) : (
        <table className="detail-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Username</th>
              <th>Reason</th>
              <th>From</th>
            </tr>
          </thead>
          <tbody>
            {failures.map((f) => (
              <tr key={f.id} data-testid="login-failure-row" data-reason={f.reason}>
                <td className="mono">{formatTime(f.at)}</td>
                <td>
                  {f.username}
                  {f.userId === null && <span className="muted"> (no such account)</span>}
                </td>
                <td>
                  {loginFailureLabel(f.reason)}
                  {f.lockedUntil && (
                    <span className="tag tag--danger">
                      {f.lockScope === 'address' ? 'address locked' : 'account locked'}
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
  switch (reason) {
    case 'INVALID_CREDENTIALS':
      return 'Wrong username or password';
    case 'TOTP_INVALID':
      return 'Wrong second-factor code';
    default: {
      const unexpected: never = reason;
      return String(unexpected);
    }
  }
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
            ? `Could not load the sign-in list: ${e.message}`
            : 'Could not load the sign-in list: the server cannot be reached',
        );
      },
    );
    return () => controller.abort();
  }, []);
  return error;
}

function UnlockButton({ label, testId, run }: { label: string; testId: string; run: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    setBusy(true);
    setError(null);
    run().then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof ApiRequestError ? `Not unlocked: ${e.message}` : 'Not unlocked');
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
        Unlock
      </button>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
