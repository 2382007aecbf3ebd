import { z } from 'zod';
import { ROLES } from './auth.js';
import { queryInt, safeString } from './safe-input.js';

/**
 * User management, login security and the second factor (TOTP): the contract between the
 * server's `users` and `auth` modules and the console's admin screens. See
 * docs-contract-users.md for the routes, their roles and their error codes.
 */

// ---- password policy (a pure rule: the console checks as you type, the server decides) ----------

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * A small built-in list of passwords (and stems) that guessing tools try first. Compared after
 * lower-casing, and again with trailing digits and symbols removed ("Password2024!" is "password").
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password',
  'passw0rd',
  'passwort',
  'password1',
  'qwerty',
  'qwertyuiop',
  'qwertyuiopas',
  'qwertzuiop',
  'azerty',
  'asdfghjkl',
  'asdfghjkl;',
  'zxcvbnm',
  '1q2w3e4r',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5y6',
  'abc',
  'abcdef',
  'abcdefghijkl',
  'abcd1234',
  'letmein',
  'welcome',
  'welcometo',
  'iloveyou',
  'admin',
  'administrator',
  'supervisor',
  'operator',
  'root',
  'toor',
  'changeme',
  'changeit',
  'default',
  'secret',
  'master',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'shadow',
  'superman',
  'batman',
  'trustno',
  'whatever',
  'starwars',
  'computer',
  'internet',
  'security',
  'alarm',
  'alarmcentre',
  'alarmcenter',
  'summer',
  'winter',
  'spring',
  'autumn',
  'january',
  'december',
  'hello',
  'helloworld',
  'login',
  'access',
  'freedom',
  'michael',
  'jennifer',
  'charlie',
  'correcthorsebatterystaple',
  'passwordpassword',
  'adminadmin',
  'qazwsx',
  'qazwsxedc',
  'qazwsxedcrfv',
  'zaq1zaq1',
  'zaq12wsx',
  '!qaz2wsx',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  '123456789012',
  '1234567890ab',
  '000000000000',
  '111111111111',
  '123123123123',
  '121212121212',
  '987654321098',
  '098765432109',
]);

/** Lower-cased, then without trailing digits and symbols: the stem a guessing tool varies. */
function stemOf(password: string): string {
  return password.toLowerCase().replace(/[\d\W_]+$/u, '');
}

/**
 * What is wrong with a password, as messages for the `password` field; empty when it is fine.
 * Rules: at least PASSWORD_MIN_LENGTH characters, at most PASSWORD_MAX_LENGTH, not containing the
 * username (any case), not one of the common passwords, not one character repeated.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const name = username.trim().toLowerCase();
  if (name.length > 0 && password.toLowerCase().includes(name)) problems.push('must not contain the username');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stemOf(password)) || /^(.)\1*$/u.test(lower)) {
    problems.push('is too common or too simple; choose another');
  }
  return problems;
}

// ---- input schemas -------------------------------------------------------------------------------

/** Usernames are stored lower-case: 3 to 64 letters, digits, dots, dashes, underscores. */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/u, 'must be 3 to 64 letters, digits, dots, dashes or underscores');

const displayName = safeString().trim().min(1, 'is required').max(100);
const password = safeString().max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** POST /users */
export const CreateUserInputSchema = z
  .object({
    username: UsernameSchema,
    displayName,
    role: z.enum(ROLES),
    password,
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const message of passwordProblems(input.password, input.username)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message });
    }
  });
export type CreateUserInput = z.input<typeof CreateUserInputSchema>;

/** PATCH /users/:id (at least one field). A role change signs the user out everywhere. */
export const UpdateUserInputSchema = z
  .object({ displayName: displayName.optional(), role: z.enum(ROLES).optional() })
  .strict()
  .refine((input) => input.displayName !== undefined || input.role !== undefined, {
    message: 'give displayName or role',
  });
export type UpdateUserInput = z.input<typeof UpdateUserInputSchema>;

/** POST /users/:id/password (admin reset). The policy is checked on the server (it needs the username). */
export const ResetPasswordInputSchema = z.object({ password }).strict();
export type ResetPasswordInput = z.input<typeof ResetPasswordInputSchema>;

/** POST /auth/password (the signed-in user's own password). */
export const ChangeOwnPasswordInputSchema = z
  .object({
    currentPassword: safeString().min(1, 'is required').max(PASSWORD_MAX_LENGTH),
    newPassword: password,
  })
  .strict();
export type ChangeOwnPasswordInput = z.input<typeof ChangeOwnPasswordInputSchema>;

/** A 6-digit TOTP code (RFC 6238, SHA-1, 30-second steps, as every authenticator app uses). */
export const TotpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/u, 'must be the 6 digits shown by the authenticator app');

/** POST /auth/totp/confirm */
export const TotpConfirmInputSchema = z.object({ code: TotpCodeSchema }).strict();
export type TotpConfirmInput = z.input<typeof TotpConfirmInputSchema>;

/** PUT /security/settings */
export const UpdateSecuritySettingsInputSchema = z
  .object({
    /** Roles that must sign in with a second factor. */
    totpRequiredRoles: z
      .array(z.enum(ROLES))
      .max(ROLES.length)
      .transform((roles) => [...new Set(roles)]),
  })
  .strict();
export type UpdateSecuritySettingsInput = z.input<typeof UpdateSecuritySettingsInputSchema>;

/** GET /security/logins */
export const LoginActivityQuerySchema = z.object({
  limit: queryInt(1, 500).default(100),
});

/** POST /security/unlock-address */
export const UnlockAddressInputSchema = z
  .object({ address: safeString().trim().min(1, 'is required').max(100) })
  .strict();
export type UnlockAddressInput = z.input<typeof UnlockAddressInputSchema>;

// ---- answers --------------------------------------------------------------------------------------

const isoOrNull = z.iso.datetime().nullable();

/** A user as administrators see it. Never carries a password hash or a TOTP secret. */
export const UserAccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  /** A second factor is enrolled (confirmed with a code). */
  totpEnrolled: z.boolean(),
  /** The user's role must sign in with a second factor (security settings). */
  totpRequired: z.boolean(),
  lastLoginAt: isoOrNull,
  lastFailedLoginAt: isoOrNull,
  /** Failed sign-ins (wrong password or code) since the last successful one. */
  failedLoginsSinceLastLogin: z.number().int(),
  /** Set while the account is locked after repeated failures. */
  lockedUntil: isoOrNull,
  passwordChangedAt: isoOrNull,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type UserAccount = z.infer<typeof UserAccountSchema>;

/** GET /auth/account: the signed-in user's own security state. */
export const OwnAccountSchema = UserAccountSchema.pick({
  id: true,
  username: true,
  displayName: true,
  role: true,
  totpEnrolled: true,
  totpRequired: true,
  lastLoginAt: true,
  passwordChangedAt: true,
});
export type OwnAccount = z.infer<typeof OwnAccountSchema>;

/** POST /auth/totp/enrollment: the new secret, shown this once as an otpauth:// URI (QR code). */
export const TotpEnrollmentSchema = z.object({ otpauthUri: z.string() });
export type TotpEnrollment = z.infer<typeof TotpEnrollmentSchema>;

export const LOGIN_FAILURE_REASONS = ['INVALID_CREDENTIALS', 'TOTP_INVALID'] as const;
export type LoginFailureReason = (typeof LOGIN_FAILURE_REASONS)[number];

/** One failed sign-in (also sent live to supervisors and admins as `auth.login-failed.v1`). */
export const LoginFailureSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  /** As typed (lower-cased); it may name no account. */
  username: z.string(),
  /** Null when no account has this username. */
  userId: z.uuid().nullable(),
  /** The source address the server saw (behind a proxy: see HTTP_TRUST_PROXY). */
  sourceAddress: z.string().nullable(),
  reason: z.enum(LOGIN_FAILURE_REASONS),
  /** Set when this failure locked the account or the address, until when. */
  lockedUntil: isoOrNull,
  lockScope: z.enum(['account', 'address']).nullable(),
});
export type LoginFailure = z.infer<typeof LoginFailureSchema>;

export const LockedAccountSchema = z.object({
  username: z.string(),
  userId: z.uuid().nullable(),
  lockedUntil: z.iso.datetime(),
});
export type LockedAccount = z.infer<typeof LockedAccountSchema>;

export const LockedAddressSchema = z.object({ address: z.string(), lockedUntil: z.iso.datetime() });
export type LockedAddress = z.infer<typeof LockedAddressSchema>;

/** GET /security/logins: newest failures first, and what is locked now. */
export const LoginActivitySchema = z.object({
  failures: z.array(LoginFailureSchema),
  lockedAccounts: z.array(LockedAccountSchema),
  lockedAddresses: z.array(LockedAddressSchema),
});
export type LoginActivity = z.infer<typeof LoginActivitySchema>;

/** GET/PUT /security/settings. The throttle figures come from the server's settings (read-only). */
export const SecuritySettingsSchema = z.object({
  totpRequiredRoles: z.array(z.enum(ROLES)),
  throttle: z.object({
    accountMaxFailures: z.number().int(),
    accountWindowMinutes: z.number().int(),
    accountLockMinutes: z.number().int(),
    addressMaxFailures: z.number().int(),
    addressWindowMinutes: z.number().int(),
    addressLockMinutes: z.number().int(),
  }),
});
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;

/**
 * Machine-readable error codes (the `code` field of ApiError) of these routes; `error` stays the
 * HTTP reason phrase.
 */
export const AUTH_ERROR_CODES = [
  'VALIDATION',
  'INVALID_CREDENTIALS',
  'TOKEN_INVALID',
  'TOTP_INVALID',
  'ACCOUNT_LOCKED',
  'LOGIN_THROTTLED',
  'CURRENT_PASSWORD_INVALID',
  'TOTP_ALREADY_ENROLLED',
  'TOTP_NOT_STARTED',
  'LAST_ADMIN',
  'SELF_DEACTIVATION',
  'FORBIDDEN_ROLE',
  'NOT_FOUND',
  'CONFLICT',
  'STORAGE_UNAVAILABLE',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];
