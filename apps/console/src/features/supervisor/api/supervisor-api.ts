import type { OwnOperatorState, SetOperatorStateInput, SupervisorSnapshot } from '@arc/shared';
import { apiRequest } from '../../../lib/api';

/** The snapshot the socket also pushes; for the first paint when the screen opens. */
export function fetchSupervisorSnapshot(signal?: AbortSignal): Promise<SupervisorSnapshot> {
  return apiRequest<SupervisorSnapshot>('/supervisor/snapshot', { signal });
}

/** Available, or away with a reason. On a case and on a call are derived by the server. */
export function setMyOperatorState(input: SetOperatorStateInput): Promise<void> {
  return apiRequest<void>('/operators/me/state', { method: 'POST', body: input });
}

/** What the user last set, kept by the server across reloads and logins. */
export function fetchMyOperatorState(signal?: AbortSignal): Promise<OwnOperatorState> {
  return apiRequest<OwnOperatorState>('/operators/me/state', { signal });
}
