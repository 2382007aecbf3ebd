import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { useSessionStore } from '../store/session-store';
import { LoginPage } from './login-page';

/** Answers the requests in order. */
function serve(...bodies: unknown[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(Response.json(bodies.shift(), { status: 200 }))),
  );
}

const text = () => document.body.textContent ?? '';

describe('LoginPage in Swedish', () => {
  beforeEach(() => {
    useSessionStore.getState().logout();
    applyLocale('sv');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the username and password in Swedish, with no English left', () => {
    render(<LoginPage />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Larmcentralens operatörskonsol');
    expect(screen.getByText('Användarnamn')).toBeTruthy();
    expect(screen.getByText('Lösenord')).toBeTruthy();
    expect(screen.getByText('Språk')).toBeTruthy();
    expect(screen.getByTestId('login-submit').textContent).toBe('Logga in');
    for (const english of ['ARC Operator Console', 'Username', 'Password', 'Sign in', 'Language']) {
      expect(text()).not.toContain(english);
    }
  });

  it('says what is missing in Swedish', () => {
    render(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(screen.getByTestId('login-error').textContent).toBe('Ange ditt användarnamn.');
  });

  it('asks for the one-time code of the authenticator app in Swedish', async () => {
    serve({ secondFactor: 'code-required' });
    render(<LoginPage />);
    fireEvent.change(screen.getByTestId('login-username'), { target: { value: 'olle' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    const code = await screen.findByTestId('login-code');
    expect(screen.getByLabelText('Engångskod')).toBe(code);
    expect(screen.getByTestId('login-code-prompt').textContent).toBe(
      'Du loggar in som olle. Ange den sexsiffriga engångskoden från din autentiseringsapp.',
    );
    expect(screen.getByTestId('login-code-prompt').querySelector('strong')?.textContent).toBe('olle');
    expect(screen.getByTestId('login-submit').textContent).toBe('Bekräfta koden');
    expect(screen.getByTestId('login-back').textContent).toBe('Tillbaka');
    for (const english of ['Signing in as', 'authenticator app', 'Confirm code', 'Back', 'Code']) {
      expect(text()).not.toContain(english);
    }
  });
});
