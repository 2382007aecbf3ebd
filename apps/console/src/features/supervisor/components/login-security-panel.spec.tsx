import type { LoginActivity, LoginFailure } from '@arc/shared/users';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSupervisorStore } from '../store/supervisor-store';
import { LoginSecurityPanel } from './login-security-panel';

const NOW = Date.parse('2026-01-01T10:00:00.000Z');

function failure(overrides: Partial<LoginFailure> = {}): LoginFailure {
  return {
    id: 'f1',
    at: '2026-01-01T09:58:00.000Z',
    username: 'olle',
    userId: '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e01',
    sourceAddress: '10.0.0.7',
    reason: 'INVALID_CREDENTIALS',
    lockedUntil: null,
    lockScope: null,
    ...overrides,
  };
}

const ACTIVITY: LoginActivity = {
  failures: [failure(), failure({ id: 'f0', at: '2026-01-01T09:50:00.000Z', username: 'ghost', userId: null })],
  lockedAccounts: [
    { username: 'sara', userId: '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a', lockedUntil: '2026-01-01T10:12:00.000Z' },
  ],
  lockedAddresses: [],
};

const SARA_UNLOCKED = {
  id: '5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a',
  username: 'sara',
  displayName: 'Sara Supervisor',
  role: 'supervisor',
  active: true,
  totpEnrolled: false,
  totpRequired: false,
  lastLoginAt: null,
  lastFailedLoginAt: '2026-01-01T09:57:00.000Z',
  failedLoginsSinceLastLogin: 0,
  lockedUntil: null,
  passwordChangedAt: null,
  createdAt: '2025-12-01T08:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};

function serve() {
  const fetchMock = vi.fn((url: string, _init?: RequestInit) =>
    Promise.resolve(
      url.startsWith('/api/v1/security/logins')
        ? Response.json(ACTIVITY)
        : url === '/api/v1/users/5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a/unlock'
          ? Response.json(SARA_UNLOCKED)
          : Response.json({ message: 'unexpected' }, { status: 500 }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('LoginSecurityPanel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    useSupervisorStore.getState().reset();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('lists recent failed sign-ins and locked accounts, then adds pushed ones live', async () => {
    serve();
    render(<LoginSecurityPanel canUnlock={false} />);
    await waitFor(() => expect(screen.getAllByTestId('login-failure-row')).toHaveLength(2));
    const rows = screen.getAllByTestId('login-failure-row');
    expect(rows[0]!.textContent).toContain('Wrong username or password');
    expect(rows[1]!.textContent).toContain('ghost (no such account)');
    expect(screen.getByTestId('locked-account').textContent).toContain('account sara until');

    act(() => {
      useSupervisorStore.getState().addLoginFailure(
        failure({
          id: 'f2',
          at: '2026-01-01T09:59:30.000Z',
          reason: 'TOTP_INVALID',
          lockedUntil: '2026-01-01T10:14:30.000Z',
          lockScope: 'account',
        }),
      );
    });
    const newest = screen.getAllByTestId('login-failure-row')[0]!;
    expect(newest.textContent).toContain('Wrong second-factor code');
    expect(newest.textContent).toContain('account locked');
    expect(screen.getAllByTestId('locked-account').map((l) => l.textContent)).toEqual([
      expect.stringContaining('account sara'),
      expect.stringContaining('account olle'),
    ]);
    // Supervisors watch; only administrators unlock.
    expect(screen.queryByTestId('unlock-account')).toBeNull();
  });

  it('lets an administrator unlock an account', async () => {
    const fetchMock = serve();
    render(<LoginSecurityPanel canUnlock />);
    fireEvent.click(await screen.findByRole('button', { name: 'Unlock account sara' }));
    await waitFor(() => expect(screen.queryByTestId('locked-account')).toBeNull());
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) => url === '/api/v1/users/5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a/unlock' && init?.method === 'POST',
      ),
    ).toBe(true);
  });
});
