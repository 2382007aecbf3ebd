import { z } from 'zod';
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

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface LoginResponse {
  accessToken: string;
  /** ISO time the token stops working; the console refreshes before then. */
  expiresAt: string;
  user: SessionUser;
}

/** The password was right and the account has a second factor: send the login again with `totpCode`. */
export interface LoginTotpRequired {
  secondFactor: 'code-required';
}

/**
 * The password was right, but the user's role must have a second factor and the user has none yet.
 * `enrollmentToken` (a Bearer token valid only for POST /auth/totp/enrollment and
 * POST /auth/totp/confirm, until `expiresAt`) lets the user enrol; confirming signs them in.
 */
export interface LoginTotpEnrollmentRequired {
  secondFactor: 'enrollment-required';
  enrollmentToken: string;
  expiresAt: string;
}

/** What POST /auth/login answers with 200. */
export type LoginResult = LoginResponse | LoginTotpRequired | LoginTotpEnrollmentRequired;

export function isSignedIn(result: LoginResult): result is LoginResponse {
  return 'accessToken' in result;
}

/** Error body of every failed HTTP request. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** Machine-readable reason (e.g. ACCOUNT_LOCKED, TOTP_INVALID); see AUTH_ERROR_CODES in users.ts. */
  code?: string;
  /** With 429: seconds until another attempt may succeed (also the Retry-After header). */
  retryAfterSeconds?: number;
  issues?: { path: string; message: string }[];
}
