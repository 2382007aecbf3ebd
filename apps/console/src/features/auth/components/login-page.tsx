import { LoginRequestSchema } from '@arc/shared';
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../../lib/api';
import { login } from '../api/auth-api';
import { useSessionStore } from '../store/session-store';

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    const parsed = LoginRequestSchema.safeParse({ username, password });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter username and password');
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await login(parsed.data);
      // Unmounts this page: the app switches to the console.
      useSessionStore.getState().setSession(response);
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'Login failed');
      setPassword('');
      setPending(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  return (
    <main className="login">
      <form className="login__form" onSubmit={onSubmit} aria-labelledby="login-heading" noValidate>
        <h1 id="login-heading" className="login__heading">
          ARC Operator Console
        </h1>
        <label className="field">
          <span className="field__label">Username</span>
          <input
            className="field__input"
            data-testid="login-username"
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            disabled={pending}
            required
          />
        </label>
        <label className="field">
          <span className="field__label">Password</span>
          <input
            className="field__input"
            data-testid="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            disabled={pending}
            required
          />
        </label>
        {error && (
          <p className="login__error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button className="button button--primary" type="submit" data-testid="login-submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
