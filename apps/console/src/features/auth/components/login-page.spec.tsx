import type { ApiError, LoginResponse } from '@arc/shared/auth';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../store/session-store';
import { LoginPage } from './login-page';

const SIGNED_IN: LoginResponse = {
  accessToken: 'session-token',
  locale: 'en',
  expiresAt: new Date(Date.now() + 900_000).toISOString(),
  user: {
    id: '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e01',
    username: 'olle',
    displayName: 'Olle Operator',
    role: 'operator',
  },
};
const URI = 'otpauth://totp/ARC:olle?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=ARC';

type Reply = { status: number; body: unknown };
const err = (status: number, body: Partial<ApiError>): Reply => ({
  status,
  body: { statusCode: status, error: 'x', message: 'raw server text', ...body },
});

/** Answers the requests in order; records what was sent. */
function serve(...replies: Reply[]) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) => {
    const reply = replies.shift();
    if (!reply) throw new Error('unexpected request');
    return Promise.resolve(Response.json(reply.body, { status: reply.status }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const sent = (fetchMock: ReturnType<typeof serve>, i: number) => {
  const [url, init] = fetchMock.mock.calls[i]!;
  return {
    url,
    body: init?.body ? (JSON.parse(init.body as string) as Record<string, unknown>) : undefined,
    auth: (init?.headers as Record<string, string>).Authorization,
  };
};

function signIn(username = 'olle', password = 'correct horse battery') {
  fireEvent.change(screen.getByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  beforeEach(() => useSessionStore.getState().logout());
  afterEach(() => vi.unstubAllGlobals());

  it('says in words that the account is locked, with the wait, and never shows the code', async () => {
    serve(err(429, { code: 'ACCOUNT_LOCKED', retryAfterSeconds: 13 * 60 + 5 }));
    render(<LoginPage />);
    signIn();
    const error = await screen.findByTestId('login-error');
    expect(error.textContent).toBe('This account is locked after too many failed sign-ins. Try again in 14 minutes.');
    expect(error.textContent).not.toMatch(/ACCOUNT_LOCKED|429|raw server text/);
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('');
  });

  it('says in words that this computer is throttled, with the wait in seconds', async () => {
    serve(err(429, { code: 'LOGIN_THROTTLED', retryAfterSeconds: 40 }));
    render(<LoginPage />);
    signIn();
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      'Too many failed sign-ins from this computer. Try again in 40 seconds.',
    );
  });

  it('says "wrong username or password" for a refused password', async () => {
    serve(err(401, { code: 'INVALID_CREDENTIALS' }));
    render(<LoginPage />);
    signIn();
    expect((await screen.findByTestId('login-error')).textContent).toBe('Invalid username or password.');
  });

  it('asks for the code when the account has a second factor and sends it with the password', async () => {
    const fetchMock = serve(
      { status: 200, body: { secondFactor: 'code-required' } },
      err(401, { code: 'TOTP_INVALID' }),
      { status: 200, body: SIGNED_IN },
    );
    render(<LoginPage />);
    signIn();
    const code = await screen.findByTestId('login-code');
    expect(screen.getByLabelText('Code')).toBe(code);
    expect(screen.getByTestId('login-code-prompt').textContent).toContain('olle');

    // Not six digits: refused beside the field, nothing sent.
    fireEvent.change(code, { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(screen.getByTestId('login-code-error').textContent).toBe(
      'must be the 6 digits shown by the authenticator app',
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);

    // A wrong code: still on the code step, the reason beside the field.
    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('login-code-error')).textContent).toMatch(/^That code is wrong or has expired/);
    expect(sent(fetchMock, 1).body).toEqual({
      username: 'olle',
      password: 'correct horse battery',
      totpCode: '123456',
    });

    fireEvent.change(screen.getByTestId('login-code'), { target: { value: '654321' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(useSessionStore.getState().token).toBe('session-token'));
    expect(sent(fetchMock, 2).body).toMatchObject({ totpCode: '654321' });
  });

  it('walks a user whose role requires a second factor through enrolment, then signs in', async () => {
    const fetchMock = serve(
      {
        status: 200,
        body: {
          secondFactor: 'enrollment-required',
          enrollmentToken: 'enrol-token',
          expiresAt: new Date(Date.now() + 300_000).toISOString(),
        },
      },
      { status: 200, body: { otpauthUri: URI } },
      { status: 200, body: SIGNED_IN },
    );
    render(<LoginPage />);
    signIn();
    expect((await screen.findByTestId('otpauth-secret')).textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    expect(screen.getByTestId('otpauth-uri').textContent).toBe(URI);
    // The QR code is drawn from the same URI.
    const qr = await screen.findByTestId('otpauth-qr');
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(sent(fetchMock, 1)).toMatchObject({ url: '/api/v1/auth/totp/enrollment', auth: 'Bearer enrol-token' });

    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '246810' } });
    fireEvent.click(screen.getByTestId('totp-confirm'));
    await waitFor(() => expect(useSessionStore.getState().token).toBe('session-token'));
    expect(sent(fetchMock, 2)).toMatchObject({
      url: '/api/v1/auth/totp/confirm',
      auth: 'Bearer enrol-token',
      body: { code: '246810' },
    });
  });

  it('shows why the last session ended', () => {
    useSessionStore.getState().endSession('Your account has been deactivated.');
    render(<LoginPage />);
    expect(screen.getByTestId('signed-out-notice').textContent).toBe('Your account has been deactivated.');
    expect(screen.getByTestId('signed-out-notice').getAttribute('role')).toBe('alert');
  });
});
