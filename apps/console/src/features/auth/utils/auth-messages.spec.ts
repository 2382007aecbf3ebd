import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../lib/api';
import { applyLocale } from '../../../lib/i18n/locale';
import { describeLoginError, formatWait, signedOutNotice, tryAgainIn } from './auth-messages';

describe('auth messages', () => {
  it('rounds a wait up, in seconds under a minute and in minutes above', () => {
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(59.2)).toBe('1 minute');
    expect(formatWait(58.2)).toBe('59 seconds');
    expect(formatWait(60)).toBe('1 minute');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(900)).toBe('15 minutes');
    expect(tryAgainIn(undefined)).toBe('Try again later.');
  });

  it('names a deactivation plainly and quotes any other reason', () => {
    expect(signedOutNotice('Your account has been deactivated')).toBe('Your account has been deactivated.');
    expect(signedOutNotice('UNAUTHORIZED: account deactivated')).toBe('Your account has been deactivated.');
    expect(signedOutNotice('Your password was reset by an administrator.')).toBe(
      'You have been signed out: Your password was reset by an administrator.',
    );
    expect(signedOutNotice('Your account is deactivated')).toBe('Your account has been deactivated.');
    expect(signedOutNotice('You were signed out (password, role or second factor changed); sign in again')).toBe(
      'You were signed out (password, role or second factor changed); sign in again.',
    );
    expect(signedOutNotice(undefined)).toBe('You have been signed out. Sign in again.');
  });
});

describe('auth messages in Swedish', () => {
  it('word a refused sign-in and a signed-out notice without English', () => {
    applyLocale('sv');
    const locked = new ApiRequestError(429, 'Too many failed sign-ins for this account; it is locked…', {
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many failed sign-ins for this account; it is locked…',
      code: 'ACCOUNT_LOCKED',
      retryAfterSeconds: 840,
    });
    expect(describeLoginError(locked)).toBe(
      'Kontot är låst efter för många misslyckade inloggningar. Försök igen om 14 minuter.',
    );
    expect(describeLoginError(new ApiRequestError(0, 'x'))).toBe(
      'Servern går inte att nå. Kontrollera anslutningen och försök igen.',
    );
    expect(signedOutNotice('Your account is deactivated')).toBe('Ditt konto har inaktiverats.');
    expect(signedOutNotice('Token is invalid')).toBe('Du har loggats ut. Logga in igen.');
    expect(formatWait(61)).toBe('2 minuter');
  });
});
