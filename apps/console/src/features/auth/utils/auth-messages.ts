import { ApiRequestError } from '../../../lib/api';
import { i18n } from '../../../lib/i18n/i18n';
import { inEnglish, issueMessage } from '../../../utils/form-words';

/**
 * A refused sign-in (or second-factor step) in words, with the wait when there is one, in the
 * language in force. The server's machine-readable codes never reach the screen.
 */
export function describeLoginError(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return i18n.t('errors:login.failed');
  if (error.status === 0) return i18n.t('errors:login.unreachable');
  const wait = error.body?.retryAfterSeconds;
  switch (error.body?.code ?? '') {
    case 'INVALID_CREDENTIALS':
      return i18n.t('errors:login.invalidCredentials');
    case 'TOTP_INVALID':
      return i18n.t('errors:login.totpInvalid');
    case 'ACCOUNT_LOCKED':
      return i18n.t('errors:login.accountLocked', { wait: tryAgainIn(wait) });
    case 'LOGIN_THROTTLED':
      return i18n.t('errors:login.throttled', { wait: tryAgainIn(wait) });
    case 'STORAGE_UNAVAILABLE':
      return i18n.t('errors:login.storage');
    case 'TOKEN_INVALID':
      return i18n.t('errors:login.tokenInvalid');
    case 'TOTP_ALREADY_ENROLLED':
      return i18n.t('errors:login.totpEnrolled');
    case 'TOTP_NOT_STARTED':
      return i18n.t('errors:login.totpNotStarted');
    case 'VALIDATION': {
      const first = error.body?.issues?.[0];
      if (!first) return i18n.t('errors:login.checkForm');
      // The issue's own words (not beside a field here): its text in the language in force.
      return i18n.t('errors:login.checkFormWith', { problem: issueMessage(first.path, first, true) });
    }
    default:
      if (error.status === 429) return i18n.t('errors:login.tooMany', { wait: tryAgainIn(wait) });
      if (error.status >= 500) return i18n.t('errors:login.serverDown');
      return i18n.t('errors:login.failed');
  }
}

/** "Try again in 14 minutes." from a wait in seconds (rounded up, so the user is never early). */
export function tryAgainIn(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return i18n.t('errors:login.tryAgainLater');
  return i18n.t('errors:login.tryAgainIn', { wait: formatWait(seconds) });
}

export function formatWait(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return i18n.t('errors:login.seconds', { count: s });
  return i18n.t('errors:login.minutes', { count: Math.ceil(s / 60) });
}

/**
 * What the login page says after the server ended the session (deactivated, password reset,
 * token refused). `reason` is the server's message, when it gave one (English from the socket,
 * or already in words from a refused request).
 */
export function signedOutNotice(reason: string | null | undefined): string {
  const text = (reason ?? '').replace(/^UNAUTHORIZED:?\s*/u, '').trim();
  if (/deactivated|inaktiverat/iu.test(text)) return i18n.t('errors:login.deactivated');
  if (text === '') return i18n.t('errors:login.signedOut');
  // The server's own sentence already says it ("You were signed out (password … changed)").
  if (/^you (were|have been) signed out/iu.test(text)) {
    return inEnglish() ? `${text.replace(/\.$/u, '')}.` : i18n.t('errors:login.signedOutChanged');
  }
  // Any other reason is the server's English: quoted in English, not shown in Swedish.
  if (inEnglish()) return i18n.t('errors:login.signedOutBecause', { reason: text.replace(/\.$/u, '') });
  return i18n.t('errors:login.signedOut');
}
