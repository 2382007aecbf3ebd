import type { AllowedActions, VerificationOutcome } from '@arc/shared/intake';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../hooks/use-now';
import { refusalReasonText, verificationMessageText } from '../../../utils/error-text';
import { useIntakeStore } from '../store/intake-store';
import {
  actionLabel,
  categoryText,
  formatClock,
  formatDateTime,
  formatTime,
  verificationResultLabel,
} from '../utils/labels';

/** The answer to the latest verification, in words: who, which level, for how long, and what they may ask. */
export function VerificationResult() {
  const verification = useIntakeStore((state) => state.verification);
  if (!verification) return null;
  return verification.result === 'VERIFIED' ? (
    <Verified verification={verification} />
  ) : (
    <NotVerified verification={verification} />
  );
}

function Verified({ verification }: { verification: VerificationOutcome }) {
  const { t } = useTranslation('intake');
  const now = useNow();
  const expiresAt = verification.expiresAt ? Date.parse(verification.expiresAt) : now;
  const expired = expiresAt <= now;
  const person = verification.person;
  return (
    <div
      className="intake-verdict intake-verdict--ok"
      role="status"
      data-testid="intake-verification"
      data-result={verification.result}
      data-expired={expired ? 'true' : 'false'}
    >
      <p className="intake-verdict__headline">
        {t('verification.verified')} <strong data-testid="intake-verified-person">{person?.name}</strong>, {t('level')}{' '}
        <strong data-testid="intake-verified-level">{person?.level}</strong>
        {person?.installerOf && <> · {t('installerOf', { company: person.installerOf })}</>}
      </p>
      <p data-testid="intake-verification-expiry">
        {expired ? (
          <span className="intake-verdict__expired">
            {t('verification.expired', { time: formatTime(verification.expiresAt ?? '') })}
          </span>
        ) : (
          <>
            {t('verification.validFor')} <span className="mono">{formatClock(expiresAt - now)}</span>{' '}
            {t('verification.validUntil', { time: formatTime(verification.expiresAt ?? '') })}
          </>
        )}
      </p>
      <AuthorityTable rows={verification.actions} />
    </div>
  );
}

function NotVerified({ verification }: { verification: VerificationOutcome }) {
  const { t } = useTranslation('intake');
  return (
    <div
      className="intake-verdict intake-verdict--fail"
      role="alert"
      data-testid="intake-verification"
      data-result={verification.result}
    >
      <p className="intake-verdict__headline">✗ {verificationResultLabel(verification.result)}</p>
      <p data-testid="intake-verification-message">{verificationMessageText(verification)}</p>
      <p className="muted">
        {t('verification.failedAttempts')}{' '}
        <strong data-testid="intake-failed-attempts">{verification.failedAttempts}</strong>
        {verification.lockedUntil && (
          <>
            {' '}
            {t('verification.lockedUntil')}{' '}
            <strong data-testid="intake-locked-until">{formatDateTime(verification.lockedUntil)}</strong>
          </>
        )}
      </p>
      <p className="muted">{t('verification.doNotAct')}</p>
    </div>
  );
}

/** Per category of the site's transmitters: what the caller may ask for, and why not the rest. */
function AuthorityTable({ rows }: { rows: readonly AllowedActions[] }) {
  const { t } = useTranslation('intake');
  return (
    <table className="detail-table intake-authority" aria-label={t('verification.table')}>
      <thead>
        <tr>
          <th scope="col">{t('verification.category')}</th>
          <th scope="col">{t('verification.mayAsk')}</th>
          <th scope="col">{t('verification.mayNot')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.category} data-testid="intake-authority-row" data-category={row.category}>
            <td>
              <span className="category-badge category-badge--small" data-category={row.category}>
                {categoryText(row.category)}
              </span>
            </td>
            <td data-testid="intake-allowed">{row.allowed.map(actionLabel).join(', ') || '—'}</td>
            <td>
              {row.refused.length === 0 ? (
                '—'
              ) : (
                <ul className="plain-list">
                  {row.refused.map((refusal) => (
                    <li key={refusal.action} data-testid="intake-refused" data-action={refusal.action}>
                      <strong>{actionLabel(refusal.action)}</strong>: {refusalReasonText(refusal)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
