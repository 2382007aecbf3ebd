import { z } from 'zod';
import { type AssignCaseInput, type OperatorPresence, OperatorPresenceSchema } from '@arc/shared/case-handling';
import { apiRequest } from '../../../lib/api';

/** Supervisor/admin: the operators a case can be given to, with who is online and how much they hold. */
export function listOperators(signal?: AbortSignal): Promise<OperatorPresence[]> {
  return apiRequest<OperatorPresence[]>('/cases/operators', { signal, schema: z.array(OperatorPresenceSchema) });
}

export function assignCase(caseId: string, input: AssignCaseInput): Promise<unknown> {
  return apiRequest<unknown>(`/cases/${caseId}/assign`, { method: 'POST', body: input });
}

export function moveCaseToTop(caseId: string): Promise<unknown> {
  return apiRequest<unknown>(`/cases/${caseId}/move-to-top`, { method: 'POST' });
}
