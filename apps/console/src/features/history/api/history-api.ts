import { z } from 'zod';
import { type OperatorPresence, OperatorPresenceSchema } from '@arc/shared/case-handling';
import { type ClosedCasePage, ClosedCasePageSchema } from '@arc/shared/case-history';
import { apiRequest } from '../../../lib/api';

/** GET /cases/closed with the query string built by the history store. */
export function searchClosedCases(query: URLSearchParams, signal?: AbortSignal): Promise<ClosedCasePage> {
  const text = query.toString();
  return apiRequest<ClosedCasePage>(`/cases/closed${text ? `?${text}` : ''}`, { signal, schema: ClosedCasePageSchema });
}

/** Supervisors and admins: the users who work cases, for the operator filter. */
export function listOperators(signal?: AbortSignal): Promise<OperatorPresence[]> {
  return apiRequest<OperatorPresence[]>('/cases/operators', { signal, schema: z.array(OperatorPresenceSchema) });
}
