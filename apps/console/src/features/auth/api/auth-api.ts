import {
  type LoginRequest,
  type LoginResponse,
  LoginResponseSchema,
  type LoginResult,
  LoginResultSchema,
  type Preferences,
  PreferencesSchema,
} from '@arc/shared/auth';
import {
  type ChangeOwnPasswordInput,
  type OwnAccount,
  OwnAccountSchema,
  type TotpEnrollment,
  TotpEnrollmentSchema,
} from '@arc/shared/users';
import { apiRequest } from '../../../lib/api';

/** Signed in, or the second step it needs: a code, or the enrolment of a second factor. */
export function login(credentials: LoginRequest): Promise<LoginResult> {
  return apiRequest<LoginResult>('/auth/login', { method: 'POST', body: credentials, schema: LoginResultSchema });
}

export function refreshToken(token: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/refresh', { method: 'POST', token, schema: LoginResponseSchema });
}

/** Remembers the user's language on the server, for their next sign-in on any machine. */
export function savePreferences(preferences: Preferences): Promise<Preferences> {
  return apiRequest<Preferences>('/auth/preferences', { method: 'PUT', body: preferences, schema: PreferencesSchema });
}

/** The signed-in user's own security state (second factor, last sign-in). */
export function fetchOwnAccount(signal?: AbortSignal): Promise<OwnAccount> {
  return apiRequest<OwnAccount>('/auth/account', { signal, schema: OwnAccountSchema });
}

/** Answers a new token; every other token of the user stops working. */
export function changeOwnPassword(input: ChangeOwnPasswordInput): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/password', { method: 'POST', body: input, schema: LoginResponseSchema });
}

/**
 * Starts enrolling a second factor: the new secret, shown once. `token` is the enrolment token
 * of a sign-in that requires one; without it the session's token is used.
 */
export function startTotpEnrollment(token?: string): Promise<TotpEnrollment> {
  return apiRequest<TotpEnrollment>('/auth/totp/enrollment', {
    method: 'POST',
    ...(token ? { token } : {}),
    schema: TotpEnrollmentSchema,
  });
}

/** Confirms the enrolment with a code from the app; answers a (new) session. */
export function confirmTotp(code: string, token?: string): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/totp/confirm', {
    method: 'POST',
    body: { code },
    ...(token ? { token } : {}),
    schema: LoginResponseSchema,
  });
}
