import type { SecuritySettings, UserAccount } from '@arc/shared/users';

export function makeUser(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    username: 'olle',
    displayName: 'Olle Operator',
    role: 'operator',
    active: true,
    totpEnrolled: false,
    totpRequired: false,
    lastLoginAt: null,
    lastFailedLoginAt: null,
    failedLoginsSinceLastLogin: 0,
    lockedUntil: null,
    passwordChangedAt: null,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    ...overrides,
  };
}

export const SETTINGS: SecuritySettings = {
  totpRequiredRoles: [],
  throttle: {
    accountMaxFailures: 5,
    accountWindowMinutes: 15,
    accountLockMinutes: 15,
    addressMaxFailures: 20,
    addressWindowMinutes: 15,
    addressLockMinutes: 15,
  },
};
