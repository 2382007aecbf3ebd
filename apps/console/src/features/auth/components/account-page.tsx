import { ChangeOwnPasswordInputSchema, passwordProblems, type OwnAccount } from '@arc/shared/users';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, TextField } from '../../../components/form-field';
import { ApiRequestError } from '../../../lib/api';
import { describeRequestError, type FieldErrors } from '../../../utils/form-errors';
import { changeOwnPassword, fetchOwnAccount } from '../api/auth-api';
import { changingToken, useSessionStore } from '../store/session-store';
import { describeLoginError } from '../utils/auth-messages';
import { TotpEnrollmentForm } from './totp-enrollment-form';
import { formatDateTime } from '../../../utils/time';
import { i18n } from '../../../lib/i18n/i18n';
import { issueText } from '../../../utils/form-words';

const IDS = {
  loadError: 'account-load-error',
  current: 'own-current',
  new: 'own-new',
  repeat: 'own-repeat',
  error: 'own-password-error',
} as const;

/** Every user's own account: change the password, set up a second factor. */
export function AccountPage() {
  const { t } = useTranslation('auth');
  const [account, setAccount] = useState<OwnAccount | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [enrolled, setEnrolled] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchOwnAccount(controller.signal).then(setAccount, (e: unknown) => {
      if (!controller.signal.aborted) setLoadError(describeRequestError(e).message);
    });
    return () => controller.abort();
  }, []);

  return (
    <section className="account" aria-labelledby="account-heading" data-testid="account-page">
      <h2 id="account-heading">{t('account.heading')}</h2>
      {loadError && <FormError message={t('account.loadFailed', { reason: loadError })} testId={IDS.loadError} />}
      {account && (
        <p className="muted" data-testid="account-summary">
          {account.displayName} ({account.username})
          {account.lastLoginAt ? t('account.lastSignIn', { when: formatDateTime(account.lastLoginAt) }) : ''}
        </p>
      )}

      <section className="detail-section" aria-labelledby="own-password-title">
        <h3 className="detail-section__title" id="own-password-title">
          {t('account.changePassword')}
        </h3>
        <ChangePasswordForm username={account?.username ?? ''} />
      </section>

      <section className="detail-section" aria-labelledby="own-totp-title" data-testid="own-totp">
        <h3 className="detail-section__title" id="own-totp-title">
          {t('account.secondFactor')}
        </h3>
        {!account ? null : account.totpEnrolled || enrolled ? (
          <p data-testid="totp-state" data-enrolled="true">
            {t('account.totpOn')}
          </p>
        ) : enrolling ? (
          <TotpEnrollmentForm
            onConfirmed={(response) => {
              useSessionStore.getState().setSession(response);
              setEnrolling(false);
              setEnrolled(true);
            }}
          />
        ) : (
          <>
            <p data-testid="totp-state" data-enrolled="false">
              {account.totpRequired ? t('account.totpRequired') : t('account.totpOptional')}
            </p>
            <button
              className="button button--primary"
              type="button"
              onClick={() => setEnrolling(true)}
              data-testid="totp-start"
            >
              {t('account.setUp')}
            </button>
          </>
        )}
      </section>
    </section>
  );
}

/** Current password, new password twice; the policy's messages next to the new password. */
export function ChangePasswordForm({ username }: { username: string }) {
  const { t } = useTranslation(['auth', 'common']);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  const submit = async () => {
    setDone(false);
    setFormError(null);
    const found: Record<string, string> = {};
    const parsed = ChangeOwnPasswordInputSchema.safeParse({ currentPassword: current, newPassword: next });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issueText(issue);
    }
    const problems = passwordProblems(next, username);
    if (problems.length > 0) found.newPassword = problems.map((message) => issueText({ message })).join('; ');
    if (repeat !== next) found.repeat = t('password.mismatch');
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;

    setPending(true);
    try {
      const response = await changingToken(changeOwnPassword(parsed.data));
      useSessionStore.getState().setSession(response);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (e) {
      const described = describeOwnPasswordError(e);
      setErrors(described.fields);
      setFormError(described.message);
    } finally {
      setPending(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={t('password.change')}>
      <TextField
        label={t('password.current')}
        testId={IDS.current}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={errors.currentPassword}
      />
      <div className="edit-form__row">
        <TextField
          label={t('password.new')}
          testId={IDS.new}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          error={errors.newPassword}
          hint={t('password.newHint')}
        />
        <TextField
          label={t('password.repeat')}
          testId={IDS.repeat}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          error={errors.repeat}
        />
      </div>
      <FormError message={formError} testId={IDS.error} />
      {done && (
        <p role="status" data-testid="own-password-done">
          {t('password.done')}
        </p>
      )}
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={pending} data-testid="own-password-save">
          {pending ? t('common:action.saving') : t('password.change')}
        </button>
      </div>
    </form>
  );
}

function describeOwnPasswordError(error: unknown): { message: string | null; fields: FieldErrors } {
  const described = describeRequestError(error);
  const code = error instanceof ApiRequestError ? error.body?.code : undefined;
  if (code === 'CURRENT_PASSWORD_INVALID') {
    return { message: null, fields: { currentPassword: i18n.t('auth:password.notCurrent') } };
  }
  if (code === 'ACCOUNT_LOCKED') {
    return { message: describeLoginError(error), fields: {} };
  }
  if (code === 'VALIDATION') return { message: null, fields: described.fields };
  return described;
}
