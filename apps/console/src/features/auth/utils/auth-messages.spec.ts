import { describe, expect, it } from 'vitest';
import { formatWait, signedOutNotice, tryAgainIn } from './auth-messages';

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
