import { type LoginResponse } from '@arc/shared/auth';
import { TotpCodeSchema, type TotpEnrollment } from '@arc/shared/users';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, FormField } from '../../../components/form-field';
import { ApiRequestError } from '../../../lib/api';
import { confirmTotp, startTotpEnrollment } from '../api/auth-api';
import { changingToken } from '../store/session-store';
import { describeLoginError } from '../utils/auth-messages';
import { OtpauthQr } from './otpauth-qr';

export interface TotpEnrollmentFormProps {
  /** The enrolment token of a sign-in that requires a second factor; absent when signed in. */
  enrollmentToken?: string;
  /** The code was right: the server answers a (new) session. */
  onConfirmed: (response: LoginResponse) => void;
  /** The enrolment token is no longer accepted (it lasts 10 minutes). */
  onExpired?: () => void;
}

/**
 * Enrols a TOTP second factor: asks the server for a new secret (shown this once, as a QR code
 * and as text), then confirms it with a code from the app.
 */
const IDS = { code: 'totp-code', error: 'totp-error' } as const;

export function TotpEnrollmentForm({ enrollmentToken, onConfirmed, onExpired }: TotpEnrollmentFormProps) {
  const { t } = useTranslation(['auth', 'common']);
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // One secret per form: React's development double effect must not ask for a second one.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    startTotpEnrollment(enrollmentToken).then(setEnrollment, (e: unknown) => {
      if (isExpired(e, enrollmentToken) && onExpired) onExpired();
      else setError(describeLoginError(e));
    });
  }, [enrollmentToken, onExpired]);

  const submit = async () => {
    const parsed = TotpCodeSchema.safeParse(code);
    if (!parsed.success) {
      setCodeError(parsed.error.issues[0]?.message ?? t('login.codeFormat'));
      return;
    }
    setPending(true);
    setCodeError(null);
    setError(null);
    try {
      // Signed in, the answer replaces the session's token (the server may close the old one's sockets).
      const confirming = confirmTotp(parsed.data, enrollmentToken);
      const response = await (enrollmentToken ? confirming : changingToken(confirming));
      onConfirmed(response);
    } catch (e) {
      setPending(false);
      if (e instanceof ApiRequestError && e.body?.code === 'TOTP_INVALID') {
        setCode('');
        setCodeError(describeLoginError(e));
      } else if (isExpired(e, enrollmentToken) && onExpired) {
        onExpired();
      } else {
        setError(describeLoginError(e));
      }
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={t('enroll.formLabel')}>
      {enrollment ? <OtpauthQr uri={enrollment.otpauthUri} /> : !error && <p className="muted">{t('enroll.asking')}</p>}
      {enrollment && (
        <FormField
          label={t('enroll.codeLabel')}
          error={codeError ?? undefined}
          hint={t('enroll.codeHint')}
          testId={IDS.code}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="field__input"
              data-testid="totp-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(event) => setCode(event.target.value.replace(/\s/gu, ''))}
              disabled={pending}
            />
          )}
        </FormField>
      )}
      <FormError message={error} testId={IDS.error} />
      {enrollment && (
        <div className="form-actions">
          <button className="button button--primary" type="submit" disabled={pending} data-testid="totp-confirm">
            {pending ? t('enroll.checking') : t('common:action.confirm')}
          </button>
        </div>
      )}
    </form>
  );
}

function isExpired(error: unknown, enrollmentToken: string | undefined): boolean {
  return enrollmentToken !== undefined && error instanceof ApiRequestError && error.status === 401;
}
