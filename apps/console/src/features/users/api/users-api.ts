import { z } from 'zod';
import {
  type CreateUserInput,
  type ResetPasswordInput,
  type SecuritySettings,
  SecuritySettingsSchema,
  type UpdateSecuritySettingsInput,
  type UserAccount,
  UserAccountSchema,
} from '@arc/shared/users';
import { apiRequest } from '../../../lib/api';

/** Every user, by username (administrators only). */
export function fetchUsers(signal?: AbortSignal): Promise<UserAccount[]> {
  return apiRequest<UserAccount[]>('/users', { signal, schema: z.array(UserAccountSchema) });
}

export function createUser(input: CreateUserInput): Promise<UserAccount> {
  return apiRequest<UserAccount>('/users', { method: 'POST', body: input, schema: UserAccountSchema });
}

/** Sets a new password; the user's sessions end at once. */
export function resetUserPassword(id: string, input: ResetPasswordInput): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/password`, { method: 'POST', body: input, schema: UserAccountSchema });
}

/** The user cannot sign in any more and their open consoles are signed out at once. */
export function deactivateUser(id: string): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/deactivate`, { method: 'POST', schema: UserAccountSchema });
}

export function activateUser(id: string): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/activate`, { method: 'POST', schema: UserAccountSchema });
}

export function unlockUser(id: string): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/unlock`, { method: 'POST', schema: UserAccountSchema });
}

/** Removes the second factor (a lost phone): the user enrols again. */
export function resetUserTotp(id: string): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/totp`, { method: 'DELETE', schema: UserAccountSchema });
}

export function fetchSecuritySettings(signal?: AbortSignal): Promise<SecuritySettings> {
  return apiRequest<SecuritySettings>('/security/settings', { signal, schema: SecuritySettingsSchema });
}

export function updateSecuritySettings(input: UpdateSecuritySettingsInput): Promise<SecuritySettings> {
  return apiRequest<SecuritySettings>('/security/settings', {
    method: 'PUT',
    body: input,
    schema: SecuritySettingsSchema,
  });
}
