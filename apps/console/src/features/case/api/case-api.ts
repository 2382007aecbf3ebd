import { z } from 'zod';
import { type CaseSummary, CaseSummarySchema } from '@arc/shared/case';
import {
  type CaseDetail,
  CaseDetailSchema,
  type CaseNote,
  type CaseNoteInput,
  CaseNoteSchema,
  type CaseStep,
  CaseStepSchema,
  type CloseCaseInput,
  type ContactAttempt,
  type ContactAttemptInput,
  ContactAttemptSchema,
  type PutBackInput,
  type StepTickInput,
} from '@arc/shared/case-handling';
import { type OwnOperatorState, OwnOperatorStateSchema } from '@arc/shared/supervisor';
import { apiRequest } from '../../../lib/api';

/**
 * The top case of the queue, now held by the caller; undefined when nothing waits (204). An away
 * operator is refused (409 OPERATOR_NOT_AVAILABLE) unless `becomeAvailable`.
 */
export function takeNextCase(becomeAvailable = false): Promise<CaseDetail | undefined> {
  return apiRequest<CaseDetail | undefined>('/cases/take-next', {
    method: 'POST',
    body: becomeAvailable ? { becomeAvailable: true } : undefined,
    schema: CaseDetailSchema,
  });
}

/** The holder acknowledges a case given to them (site sticks, supervisor): it stays theirs. */
export function acknowledgeCase(caseId: string): Promise<CaseSummary> {
  return apiRequest<CaseSummary>(`/cases/${caseId}/acknowledge`, { method: 'POST', schema: CaseSummarySchema });
}

/** What the caller last set as their state (to word the question when take next is refused). */
export function getOwnOperatorState(): Promise<OwnOperatorState> {
  return apiRequest<OwnOperatorState>('/operators/me/state', { schema: OwnOperatorStateSchema });
}

/** The cases the caller holds, to reopen after a page reload. */
export function listMyCases(): Promise<CaseSummary[]> {
  return apiRequest<CaseSummary[]>('/cases/mine', { schema: z.array(CaseSummarySchema) });
}

export function getCase(caseId: string, signal?: AbortSignal): Promise<CaseDetail> {
  return apiRequest<CaseDetail>(`/cases/${caseId}`, { signal, schema: CaseDetailSchema });
}

export function recordAttempt(caseId: string, input: ContactAttemptInput): Promise<ContactAttempt> {
  return apiRequest<ContactAttempt>(`/cases/${caseId}/attempts`, {
    method: 'POST',
    body: input,
    schema: ContactAttemptSchema,
  });
}

export function tickStep(caseId: string, stepId: string, input: StepTickInput): Promise<CaseStep> {
  return apiRequest<CaseStep>(`/cases/${caseId}/steps/${stepId}/tick`, {
    method: 'POST',
    body: input,
    schema: CaseStepSchema,
  });
}

export function addNote(caseId: string, input: CaseNoteInput): Promise<CaseNote> {
  return apiRequest<CaseNote>(`/cases/${caseId}/notes`, { method: 'POST', body: input, schema: CaseNoteSchema });
}

/** 422 with a message when mandatory steps are open without a reason, or the result is not allowed. */
export function closeCase(caseId: string, input: CloseCaseInput): Promise<CaseDetail> {
  return apiRequest<CaseDetail>(`/cases/${caseId}/close`, { method: 'POST', body: input, schema: CaseDetailSchema });
}

export function putBackCase(caseId: string, input: PutBackInput): Promise<CaseSummary> {
  return apiRequest<CaseSummary>(`/cases/${caseId}/put-back`, {
    method: 'POST',
    body: input,
    schema: CaseSummarySchema,
  });
}
