import { z } from 'zod';
import { LOCALES } from './i18n/locales.js';
import { safeString } from './safe-input.js';

export const ROLES = ['operator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LoginRequestSchema = z
  .object({
    username: safeString().trim().min(1, 'username is required').max(64),
    password: safeString().min(1, 'password is required').max(256),
    /** The 6-digit code of the user's authenticator app, when the account has a second factor. */
    totpCode: safeString()
      .trim()
      .regex(/^\d{6}$/u, 'must be the 6 digits shown by the authenticator app')
      .optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const SessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const LoginResponseSchema = z.object({
  accessToken: z.string(),
  /** ISO time the token stops working; the console refreshes before then. */
  expiresAt: z.iso.datetime(),
  user: SessionUserSchema,
  /**
   * The user's language, remembered on the server: the console switches to it at sign-in. Null
   * until the user first signs in to the console, which then remembers the language in use.
   */
  locale: z.enum(LOCALES).nullable(),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** PUT /auth/preferences: the signed-in user's own choices, kept with the account. */
export const PreferencesSchema = z.object({ locale: z.enum(LOCALES) }).strict();
export type Preferences = z.infer<typeof PreferencesSchema>;

/** The password was right and the account has a second factor: send the login again with `totpCode`. */
export const LoginTotpRequiredSchema = z.object({ secondFactor: z.literal('code-required') });
export type LoginTotpRequired = z.infer<typeof LoginTotpRequiredSchema>;

/**
 * The password was right, but the user's role must have a second factor and the user has none yet.
 * `enrollmentToken` (a Bearer token valid only for POST /auth/totp/enrollment and
 * POST /auth/totp/confirm, until `expiresAt`) lets the user enrol; confirming signs them in.
 */
export const LoginTotpEnrollmentRequiredSchema = z.object({
  secondFactor: z.literal('enrollment-required'),
  enrollmentToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type LoginTotpEnrollmentRequired = z.infer<typeof LoginTotpEnrollmentRequiredSchema>;

/** What POST /auth/login answers with 200. */
export const LoginResultSchema = z.union([
  LoginResponseSchema,
  LoginTotpRequiredSchema,
  LoginTotpEnrollmentRequiredSchema,
]);
export type LoginResult = z.infer<typeof LoginResultSchema>;

export function isSignedIn(result: LoginResult): result is LoginResponse {
  return 'accessToken' in result;
}

/**
 * Another catalogue text as an argument of a message: its full key ("authority:intake.holdupCancel",
 * "errors:duration") and its arguments.
 */
export const MessageRefSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** The arguments of a catalogue message: values, or (one level deep) other catalogue texts. */
export const MessageParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), MessageRefSchema]));

/** One field at fault in a VALIDATION answer. */
export const ApiIssueSchema = z.object({
  /** The field's path, dot-separated ("steps.0.contactId"); '' for the whole body. */
  path: z.string(),
  /** In English, for API clients and logs. */
  message: z.string(),
  /** zod's issue code (too_small, too_big, invalid_format, invalid_type, unrecognized_keys, custom, …). */
  code: z.string().optional(),
  /**
   * The text in the `errors` catalogue, relative to it: `issue.*` (by zod's code, shown after the
   * field's label) or `schema.*` (a shared schema's own message); absent when unknown.
   */
  messageKey: z.string().optional(),
  /** The arguments of messageKey, and zod's own (minimum, maximum, origin, format, expected, …). */
  params: MessageParamsSchema.optional(),
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

/**
 * Error body of every failed HTTP request. `message` is English, for API clients and logs; a
 * screen shows `messageKey` (a key of the `errors.server` catalogue) with `params`, else the text
 * of `code` (`errors.code`), never `message` (docs/i18n.md, "Server errors").
 */
export const ApiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  /** Machine-readable reason (e.g. ACCOUNT_LOCKED, TOTP_INVALID); see AUTH_ERROR_CODES in users.ts. */
  code: z.string().optional(),
  /** The text of this answer: a key of `errors.server` in the message catalogues. */
  messageKey: z.string().optional(),
  /** The arguments of messageKey (a value, or another catalogue text as { key, params }). */
  params: MessageParamsSchema.optional(),
  /** With 429: seconds until another attempt may succeed (also the Retry-After header). */
  retryAfterSeconds: z.number().int().optional(),
  issues: z.array(ApiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
