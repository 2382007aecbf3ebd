import type { OperatorPresence } from '@arc/shared/case-handling';
import type { ClosedCasePage } from '@arc/shared/case-history';
import { apiRequest } from '../../../lib/api';

/** GET /cases/closed with the query string built by the history store. */
export function searchClosedCases(query: URLSearchParams, signal?: AbortSignal): Promise<ClosedCasePage> {
  const text = query.toString();
  return apiRequest<ClosedCasePage>(`/cases/closed${text ? `?${text}` : ''}`, { signal });
}

/** Supervisors and admins: the users who work cases, for the operator filter. */
export function listOperators(signal?: AbortSignal): Promise<OperatorPresence[]> {
  return apiRequest<OperatorPresence[]>('/cases/operators', { signal });
}
