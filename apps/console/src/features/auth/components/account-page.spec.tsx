import type { LoginResponse } from '@arc/shared/auth';
import type { OwnAccount } from '@arc/shared/users';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../store/session-store';
import { AccountPage } from './account-page';

const ACCOUNT: OwnAccount = {
  id: '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e01',
  username: 'olle',
  displayName: 'Olle Operator',
  role: 'operator',
  totpEnrolled: false,
  totpRequired: false,
  lastLoginAt: null,
  passwordChangedAt: null,
};
const NEW_SESSION: LoginResponse = {
  accessToken: 'new-token',
  locale: 'en',
  expiresAt: new Date(Date.now() + 900_000).toISOString(),
  user: {
    id: '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e01',
    username: 'olle',
    displayName: 'Olle Operator',
    role: 'operator',
  },
};

function serve(passwordReply: { status: number; body: unknown }) {
  const fetchMock = vi.fn((url: string, _init?: RequestInit) =>
    Promise.resolve(
      url === '/api/v1/auth/account'
        ? Response.json(ACCOUNT)
        : Response.json(passwordReply.body, { status: passwordReply.status }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function fill(current: string, next: string, repeat = next) {
  fireEvent.change(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('Repeat new password'), { target: { value: repeat } });
  fireEvent.click(screen.getByTestId('own-password-save'));
}

describe('AccountPage', () => {
  beforeEach(() => useSessionStore.getState().setSession({ ...NEW_SESSION, accessToken: 'old-token' }));
  afterEach(() => {
    useSessionStore.getState().logout();
    vi.unstubAllGlobals();
  });

  it('checks the new password against the policy and the repeat before sending', async () => {
    const fetchMock = serve({ status: 200, body: NEW_SESSION });
    render(<AccountPage />);
    await screen.findByTestId('account-summary');
    fill('old password', 'password2024!', 'password2025!');
    expect(screen.getByTestId('own-new-error').textContent).toBe('is too common or too simple; choose another');
    expect(screen.getByTestId('own-repeat-error').textContent).toBe('does not match the new password');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('puts a wrong current password next to its field', async () => {
    serve({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'x', code: 'CURRENT_PASSWORD_INVALID' },
    });
    render(<AccountPage />);
    await screen.findByTestId('account-summary');
    fill('not it', 'Kaffekopp-Norrmalm-77');
    expect((await screen.findByTestId('own-current-error')).textContent).toBe('is not your current password');
    expect(useSessionStore.getState().token).toBe('old-token');
  });

  it('keeps the user signed in with the new token after a change', async () => {
    serve({ status: 200, body: NEW_SESSION });
    render(<AccountPage />);
    await screen.findByTestId('account-summary');
    fill('old password', 'Kaffekopp-Norrmalm-77');
    await screen.findByTestId('own-password-done');
    await waitFor(() => expect(useSessionStore.getState().token).toBe('new-token'));
    expect(screen.getByTestId('totp-state').dataset.enrolled).toBe('false');
  });
});
