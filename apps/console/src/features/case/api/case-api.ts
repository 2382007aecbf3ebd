import type {
  CaseDetail,
  CaseNote,
  CaseNoteInput,
  CaseStep,
  CaseSummary,
  CloseCaseInput,
  ContactAttempt,
  ContactAttemptInput,
  PutBackInput,
  StepTickInput,
} from '@arc/shared';
import { apiRequest } from '../../../lib/api';

/** The top case of the queue, now held by the caller; undefined when nothing waits (204). */
export function takeNextCase(): Promise<CaseDetail | undefined> {
  return apiRequest<CaseDetail | undefined>('/cases/take-next', { method: 'POST' });
}

/** The cases the caller holds, to reopen after a page reload. */
export function listMyCases(): Promise<CaseSummary[]> {
  return apiRequest<CaseSummary[]>('/cases/mine');
}

export function getCase(caseId: string, signal?: AbortSignal): Promise<CaseDetail> {
  return apiRequest<CaseDetail>(`/cases/${caseId}`, { signal });
}

export function recordAttempt(caseId: string, input: ContactAttemptInput): Promise<ContactAttempt> {
  return apiRequest<ContactAttempt>(`/cases/${caseId}/attempts`, { method: 'POST', body: input });
}

export function tickStep(caseId: string, stepId: string, input: StepTickInput): Promise<CaseStep> {
  return apiRequest<CaseStep>(`/cases/${caseId}/steps/${stepId}/tick`, { method: 'POST', body: input });
}

export function addNote(caseId: string, input: CaseNoteInput): Promise<CaseNote> {
  return apiRequest<CaseNote>(`/cases/${caseId}/notes`, { method: 'POST', body: input });
}

/** 422 with a message when mandatory steps are open without a reason, or the result is not allowed. */
export function closeCase(caseId: string, input: CloseCaseInput): Promise<CaseDetail> {
  return apiRequest<CaseDetail>(`/cases/${caseId}/close`, { method: 'POST', body: input });
}

export function putBackCase(caseId: string, input: PutBackInput): Promise<CaseSummary> {
  return apiRequest<CaseSummary>(`/cases/${caseId}/put-back`, { method: 'POST', body: input });
}
