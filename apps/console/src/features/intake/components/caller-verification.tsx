import { VerifyCallerInputSchema } from '@arc/shared/intake';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useIntakeStore } from '../store/intake-store';
import { callerCandidates, candidateLabel, localToday, type CallerCandidate } from '../utils/callers';
import { issuesToFieldErrors, type FieldErrors } from '../../../utils/form-errors';
import { FormField, TextField } from '../../../components/form-field';
import { VerificationResult } from './verification-result';

/** The test ids this file passes to shared components (code, not text). */
const TEST_ID = {
  password: 'intake-password',
  caller: 'intake-caller',
} as const;

/**
 * Step 2: who is calling. The operator picks the caller among the persons of the site's
 * authorization lists and the installers of its service companies, and types the password the
 * caller says. The password lives only in this form until it is sent, and is cleared at once.
 */
export function CallerVerification() {
  const { t } = useTranslation('intake');
  const { detail, verifying, verifyError, verify } = useIntakeStore(
    useShallow((state) => ({
      detail: state.detail,
      verifying: state.verifying,
      verifyError: state.verifyError,
      verify: state.verify,
    })),
  );
  const candidates = useMemo(() => (detail ? callerCandidates(detail, localToday()) : []), [detail]);
  const [personId, setPersonId] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const chosen = candidates.find((c) => c.personId === personId);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = VerifyCallerInputSchema.safeParse({ personId, password });
    if (!parsed.success) {
      setErrors(
        issuesToFieldErrors(
          parsed.error.issues.map((issue) =>
            issue.path[0] === 'personId' ? { ...issue, message: t('caller.choose') } : issue,
          ),
        ),
      );
      return;
    }
    setErrors({});
    // Cleared before the answer comes: a second attempt is typed afresh.
    setPassword('');
    void verify(parsed.data.personId, parsed.data.password);
  };

  return (
    <section
      className="detail-section intake__step"
      aria-labelledby="intake-caller-heading"
      data-testid="intake-caller-step"
    >
      <h3 id="intake-caller-heading" className="detail-section__title">
        {t('caller.title')}
      </h3>
      {!detail ? (
        <p className="muted">{t('caller.loadingPersons')}</p>
      ) : candidates.length === 0 ? (
        <p className="form-error" role="alert" data-testid="intake-no-callers">
          {t('caller.nobody')}
        </p>
      ) : (
        <form className="edit-form" onSubmit={onSubmit} noValidate aria-label={t('caller.form')}>
          <CallerPicker candidates={candidates} value={personId} onChange={setPersonId} error={errors.personId} />
          {chosen && <CallerFacts candidate={chosen} />}
          <TextField
            label={t('caller.password')}
            type="password"
            autoComplete="off"
            testId={TEST_ID.password}
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <div className="form-actions">
            <button className="button button--primary" type="submit" disabled={verifying} data-testid="intake-verify">
              {verifying ? t('caller.checking') : t('caller.verify')}
            </button>
          </div>
          {verifyError && (
            <p className="form-error" role="alert" data-testid="intake-verify-error">
              {verifyError}
            </p>
          )}
        </form>
      )}
      <VerificationResult />
    </section>
  );
}

interface CallerPickerProps {
  candidates: readonly CallerCandidate[];
  value: string;
  onChange: (personId: string) => void;
  error: string | undefined;
}

/** A plain select, grouped by list and service company: quick with the keyboard. */
function CallerPicker({ candidates, value, onChange, error }: CallerPickerProps) {
  const { t } = useTranslation('intake');
  const groups = new Map<string, CallerCandidate[]>();
  for (const c of candidates) {
    const group =
      c.kind === 'list' ? t('caller.groupList', { name: c.source }) : t('caller.groupInstallers', { name: c.source });
    groups.set(group, [...(groups.get(group) ?? []), c]);
  }
  return (
    <FormField label={t('caller.picker')} error={error} testId={TEST_ID.caller}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          className="field__input"
          data-testid="intake-caller"
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('caller.pickerEmpty')}</option>
          {[...groups].map(([group, members]) => (
            <optgroup key={group} label={group}>
              {members.map((c) => (
                <option key={c.personId} value={c.personId}>
                  {candidateLabel(c)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </FormField>
  );
}

function CallerFacts({ candidate }: { candidate: CallerCandidate }) {
  const { t } = useTranslation('intake');
  return (
    <p className="intake-caller__facts" data-testid="intake-caller-facts">
      <strong>{candidate.name}</strong> · {t('level')} <strong>{candidate.level}</strong> ·{' '}
      {candidate.kind === 'list'
        ? t('caller.factList', { name: candidate.source })
        : t('installerOf', { company: candidate.source })}{' '}
      · <span className="mono">{candidate.phone}</span>
      {!candidate.hasPassword && <span className="tag tag--warn">{t('caller.noPassword')}</span>}
      {!candidate.validToday && <span className="tag tag--warn">{t('caller.notValidToday')}</span>}
    </p>
  );
}
