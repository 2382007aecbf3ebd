import { z } from 'zod';
import { type ManagerMessageEntry, ManagerMessageEntrySchema } from '@arc/shared/intake';
import {
  type OwnOperatorState,
  OwnOperatorStateSchema,
  type SetOperatorStateInput,
  type SupervisorSnapshot,
  SupervisorSnapshotSchema,
} from '@arc/shared/supervisor';
import { type LoginActivity, LoginActivitySchema, type UserAccount, UserAccountSchema } from '@arc/shared/users';
import { apiRequest } from '../../../lib/api';

/** The snapshot the socket also pushes; for the first paint when the screen opens. */
export function fetchSupervisorSnapshot(signal?: AbortSignal): Promise<SupervisorSnapshot> {
  return apiRequest<SupervisorSnapshot>('/supervisor/snapshot', { signal, schema: SupervisorSnapshotSchema });
}

/** Available, or away with a reason. On a case and on a call are derived by the server. */
export function setMyOperatorState(input: SetOperatorStateInput): Promise<void> {
  return apiRequest<void>('/operators/me/state', { method: 'POST', body: input });
}

/** What the user last set, kept by the server across reloads and logins. */
export function fetchMyOperatorState(signal?: AbortSignal): Promise<OwnOperatorState> {
  return apiRequest<OwnOperatorState>('/operators/me/state', { signal, schema: OwnOperatorStateSchema });
}

/** Messages callers left for their contract manager and nobody has passed on yet, oldest first. */
export function fetchWaitingMessages(signal?: AbortSignal): Promise<ManagerMessageEntry[]> {
  return apiRequest<ManagerMessageEntry[]>('/intake/messages', { signal, schema: z.array(ManagerMessageEntrySchema) });
}

/** Records that the message reached its contract manager, and how. */
export function markMessageForwarded(id: string, note: string): Promise<ManagerMessageEntry> {
  return apiRequest<ManagerMessageEntry>(`/intake/messages/${id}/forwarded`, {
    method: 'POST',
    body: { note },
    schema: ManagerMessageEntrySchema,
  });
}

/** Failed sign-ins, newest first, and the accounts and addresses locked now. */
export function fetchLoginActivity(signal?: AbortSignal): Promise<LoginActivity> {
  return apiRequest<LoginActivity>('/security/logins?limit=50', { signal, schema: LoginActivitySchema });
}

/** Administrators: lifts an account's lock and clears its failure count. */
export function unlockAccount(userId: string): Promise<UserAccount> {
  return apiRequest<UserAccount>(`/users/${userId}/unlock`, { method: 'POST', schema: UserAccountSchema });
}

/** Administrators: lifts the lock of a source address. */
export function unlockAddress(address: string): Promise<void> {
  return apiRequest<void>('/security/unlock-address', { method: 'POST', body: { address } });
}
