import { isSignedIn, LoginRequestSchema, type LoginResponse } from '@arc/shared/auth';
import { TotpCodeSchema } from '@arc/shared/users';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { LanguageSelect } from '../../../components/language-select';
import { richMessage } from '../../../components/rich-message';
import { chooseBeforeSignIn, useLocale } from '../../../lib/i18n/locale';
import { ApiRequestError } from '../../../lib/api';
import { login } from '../api/auth-api';
import { useSessionStore } from '../store/session-store';
import { describeLoginError } from '../utils/auth-messages';
import { TotpEnrollmentForm } from './totp-enrollment-form';

type Step = { kind: 'password' } | { kind: 'code' } | { kind: 'enroll'; enrollmentToken: string };

const IDS = { code: 'login-code' } as const;

/**
 * Sign-in: username and password, then, when the account has one, the code of its second
 * factor; or, when the role requires a second factor the user has not set up, its enrolment.
 * Refusals are shown in words with the wait (throttled, locked), never as codes.
 */
export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const notice = useSessionStore((state) => state.notice);
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const locale = useLocale();

  const signIn = (response: LoginResponse) => {
    // Unmounts this page: the app switches to the console.
    useSessionStore.getState().setSession(response);
  };

  const startOver = (message: string | null = null) => {
    setStep({ kind: 'password' });
    setPassword('');
    setCode('');
    setCodeError(null);
    setError(message);
  };

  const submit = async () => {
    const totpCode = step.kind === 'code' ? code : undefined;
    if (step.kind === 'code') {
      const checked = TotpCodeSchema.safeParse(code);
      if (!checked.success) {
        setCodeError(checked.error.issues[0]?.message ?? t('login.codeFormat'));
        return;
      }
    }
    const parsed = LoginRequestSchema.safeParse({ username, password, ...(totpCode ? { totpCode } : {}) });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.path[0] === 'password' ? t('login.enterPassword') : t('login.enterUsername'));
      return;
    }
    setPending(true);
    setError(null);
    setCodeError(null);
    try {
      const result = await login(parsed.data);
      if (isSignedIn(result)) {
        signIn(result);
        return;
      }
      setPending(false);
      if (result.secondFactor === 'code-required') {
        setStep({ kind: 'code' });
      } else {
        setStep({ kind: 'enroll', enrollmentToken: result.enrollmentToken });
      }
    } catch (caught) {
      setPending(false);
      const message = describeLoginError(caught);
      if (step.kind === 'code' && isCodeRefusal(caught)) {
        // A wrong code: stay on the code step, with the message beside the field.
        setCode('');
        setCodeError(message);
      } else {
        startOver(message);
      }
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  if (step.kind === 'enroll') {
    return (
      <main className="login">
        <section className="login__form login__form--wide" aria-labelledby="login-heading">
          <h1 id="login-heading" className="login__heading">
            {t('enroll.heading')}
          </h1>
          <p>{t('enroll.intro')}</p>
          <TotpEnrollmentForm
            enrollmentToken={step.enrollmentToken}
            onConfirmed={signIn}
            onExpired={() => startOver(t('enroll.expired'))}
          />
          <button className="button" type="button" onClick={() => startOver()} data-testid="login-back">
            {t('enroll.cancel')}
          </button>
        </section>
      </main>
    );
  }

  return (
    <main className="login">
      <div className="login__language">
        <LanguageSelect value={locale} onChange={chooseBeforeSignIn} />
      </div>
      <form className="login__form" onSubmit={onSubmit} aria-labelledby="login-heading" noValidate>
        <h1 id="login-heading" className="login__heading">
          {t('common:appName')}
        </h1>
        {notice && (
          <p className="login__notice" role="alert" data-testid="signed-out-notice">
            {notice}
          </p>
        )}
        {step.kind === 'password' ? (
          <>
            <label className="field">
              <span className="field__label">{t('login.username')}</span>
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
              <span className="field__label">{t('login.password')}</span>
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
          </>
        ) : (
          <>
            <p data-testid="login-code-prompt">
              {richMessage((m) => t('login.codePrompt', { username: m.username }), {
                username: <strong>{username}</strong>,
              })}
            </p>
            <FormField label={t('login.code')} error={codeError ?? undefined} testId={IDS.code}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className="field__input"
                  data-testid="login-code"
                  name="totpCode"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  autoFocus
                  value={code}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onChange={(event) => setCode(event.target.value.replace(/\s/gu, ''))}
                  disabled={pending}
                  required
                />
              )}
            </FormField>
          </>
        )}
        {error && (
          <p className="login__error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button className="button button--primary" type="submit" data-testid="login-submit" disabled={pending}>
          {pending ? t('login.signingIn') : step.kind === 'code' ? t('login.confirmCode') : t('login.signIn')}
        </button>
        {step.kind === 'code' && (
          <button className="button" type="button" onClick={() => startOver()} data-testid="login-back">
            {t('common:action.back')}
          </button>
        )}
      </form>
    </main>
  );
}

/** Refusals of the code itself; anything else (a lock, throttling) starts the sign-in over. */
function isCodeRefusal(error: unknown): boolean {
  return error instanceof ApiRequestError && error.body?.code === 'TOTP_INVALID';
}
