import type { AllowedActions, VerificationOutcome } from '@arc/shared/intake';
import { useNow } from '../../../hooks/use-now';
import { useIntakeStore } from '../store/intake-store';
import { actionLabel, formatClock, formatDateTime, formatTime, verificationResultLabel } from '../utils/labels';

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
        ✓ Verified: <strong data-testid="intake-verified-person">{person?.name}</strong>, level{' '}
        <strong data-testid="intake-verified-level">{person?.level}</strong>
        {person?.installerOf && <> · installer of {person.installerOf}</>}
      </p>
      <p data-testid="intake-verification-expiry">
        {expired ? (
          <span className="intake-verdict__expired">
            Verification expired at {formatTime(verification.expiresAt ?? '')}: verify the caller again before acting.
          </span>
        ) : (
          <>
            Valid for <span className="mono">{formatClock(expiresAt - now)}</span> (until{' '}
            {formatTime(verification.expiresAt ?? '')})
          </>
        )}
      </p>
      <AuthorityTable rows={verification.actions} />
    </div>
  );
}

function NotVerified({ verification }: { verification: VerificationOutcome }) {
  return (
    <div
      className="intake-verdict intake-verdict--fail"
      role="alert"
      data-testid="intake-verification"
      data-result={verification.result}
    >
      <p className="intake-verdict__headline">✗ {verificationResultLabel(verification.result)}</p>
      <p data-testid="intake-verification-message">{verification.message}</p>
      <p className="muted">
        Failed attempts: <strong data-testid="intake-failed-attempts">{verification.failedAttempts}</strong>
        {verification.lockedUntil && (
          <>
            {' '}
            · locked until <strong data-testid="intake-locked-until">{formatDateTime(verification.lockedUntil)}</strong>
          </>
        )}
      </p>
      <p className="muted">Do not act on the caller&apos;s request. Failed attempts are shown to the supervisor.</p>
    </div>
  );
}

/** Per category of the site's transmitters: what the caller may ask for, and why not the rest. */
function AuthorityTable({ rows }: { rows: readonly AllowedActions[] }) {
  return (
    <table className="detail-table intake-authority" aria-label="What the caller may ask for">
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">May ask for</th>
          <th scope="col">May not</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.category} data-testid="intake-authority-row" data-category={row.category}>
            <td>
              <span className="category-badge category-badge--small" data-category={row.category}>
                {row.category}
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
                      <strong>{actionLabel(refusal.action)}</strong>: {refusal.reason}
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
