import { ApiRequestError } from '../../../lib/api';

/**
 * A refused sign-in (or second-factor step) in words, with the wait when there is one. The
 * server's machine-readable codes never reach the screen.
 */
export function describeLoginError(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return 'Sign-in failed. Try again.';
  if (error.status === 0) return 'Cannot reach the server. Check the connection and try again.';
  const wait = error.body?.retryAfterSeconds;
  switch (error.body?.code ?? '') {
    case 'INVALID_CREDENTIALS':
      return 'Invalid username or password.';
    case 'TOTP_INVALID':
      return 'That code is wrong or has expired. Enter the code the authenticator app shows now.';
    case 'ACCOUNT_LOCKED':
      return `This account is locked after too many failed sign-ins. ${tryAgainIn(wait)}`;
    case 'LOGIN_THROTTLED':
      return `Too many failed sign-ins from this computer. ${tryAgainIn(wait)}`;
    case 'STORAGE_UNAVAILABLE':
      return 'The server cannot check sign-ins right now. Try again in a moment.';
    case 'TOKEN_INVALID':
      return 'This sign-in has expired. Start again with your username and password.';
    case 'TOTP_ALREADY_ENROLLED':
      return 'A second factor is already set up for this account. An administrator can reset it.';
    case 'TOTP_NOT_STARTED':
      return 'Start the set-up again: the key shown has not been issued for this account.';
    case 'VALIDATION': {
      const first = error.body?.issues?.[0]?.message;
      return first ? `Check the form: ${first}.` : 'Check the form.';
    }
    default:
      if (error.status === 429) return `Too many attempts. ${tryAgainIn(wait)}`;
      if (error.status >= 500) return 'The server could not sign you in right now. Try again in a moment.';
      return 'Sign-in failed. Try again.';
  }
}

/** "Try again in 14 minutes." from a wait in seconds (rounded up, so the user is never early). */
export function tryAgainIn(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return 'Try again later.';
  return `Try again in ${formatWait(seconds)}.`;
}

export function formatWait(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return s === 1 ? '1 second' : `${s} seconds`;
  const minutes = Math.ceil(s / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * What the login page says after the server ended the session (deactivated, password reset,
 * token refused). `reason` is the server's message, when it gave one.
 */
export function signedOutNotice(reason: string | null | undefined): string {
  const text = (reason ?? '').replace(/^UNAUTHORIZED:?\s*/u, '').trim();
  if (/deactivated/iu.test(text)) return 'Your account has been deactivated.';
  if (text === '') return 'You have been signed out. Sign in again.';
  // The server's own sentence already says it ("You were signed out (password … changed)").
  if (/^you (were|have been) signed out/iu.test(text)) return `${text.replace(/\.$/u, '')}.`;
  return `You have been signed out: ${text.replace(/\.$/u, '')}.`;
}
