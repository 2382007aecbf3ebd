import type {
  CreateUserInput,
  ResetPasswordInput,
  SecuritySettings,
  UpdateSecuritySettingsInput,
  UserAccount,
} from '@arc/shared/users';
import { apiRequest } from '../../../lib/api';

/** Every user, by username (administrators only). */
export function fetchUsers(signal?: AbortSignal): Promise<UserAccount[]> {
  return apiRequest<UserAccount[]>('/users', { signal });
}

export function createUser(input: CreateUserInput): Promise<UserAccount> {
  return apiRequest<UserAccount>('/users', { method: 'POST', body: input });
}

/** Sets a new password; the user's sessions end at once. */
export function resetUserPassword(id: string, input: ResetPasswordInput): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/password`, { method: 'POST', body: input });
}

/** The user cannot sign in any more and their open consoles are signed out at once. */
export function deactivateUser(id: string): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/deactivate`, { method: 'POST' });
}

export function activateUser(id: string): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/activate`, { method: 'POST' });
}

export function unlockUser(id: string): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/unlock`, { method: 'POST' });
}

/** Removes the second factor (a lost phone): the user enrols again. */
export function resetUserTotp(id: string): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${id}/totp`, { method: 'DELETE' });
}

export function fetchSecuritySettings(signal?: AbortSignal): Promise<SecuritySettings> {
  return apiRequest<SecuritySettings>('/security/settings', { signal });
}

export function updateSecuritySettings(input: UpdateSecuritySettingsInput): Promise<SecuritySettings> {
  return apiRequest<SecuritySettings>('/security/settings', { method: 'PUT', body: input });
}
