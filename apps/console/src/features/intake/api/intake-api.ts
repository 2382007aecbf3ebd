import { z } from 'zod';
import { type CaseSummary, CaseSummarySchema } from '@arc/shared/case';
import {
  type DirectorySearchHit,
  DirectorySearchHitSchema,
  type SiteDetail,
  SiteDetailSchema,
} from '@arc/shared/directory';
import {
  type EndCallInputSchema,
  type IntakeBlockWindowInputSchema,
  type IntakeCall,
  IntakeCallSchema,
  type IntakeCancelCaseInputSchema,
  type IntakeEndServiceModeInputSchema,
  type IntakeMessageInputSchema,
  type IntakeServiceModeInputSchema,
  type ManagerMessage,
  ManagerMessageSchema,
  type SiteStatus,
  SiteStatusSchema,
  type VerificationOutcome,
  VerificationOutcomeSchema,
} from '@arc/shared/intake';
import { type BlockWindow, BlockWindowSchema, type ServiceMode, ServiceModeSchema } from '@arc/shared/rules';
import { apiRequest } from '../../../lib/api';

/**
 * Phone intake routes (`/intake/calls/...`) and the two directory reads the intake screen needs.
 * The directory reads are repeated here rather than imported: features do not import each other.
 */

export function startCall(): Promise<IntakeCall> {
  return apiRequest<IntakeCall>('/intake/calls', { method: 'POST', body: {}, schema: IntakeCallSchema });
}

/** The signed-in operator's calls not ended yet, newest first. */
export function listMyOpenCalls(): Promise<IntakeCall[]> {
  return apiRequest<IntakeCall[]>('/intake/calls/mine/open', { schema: z.array(IntakeCallSchema) });
}

export function getCall(callId: string): Promise<IntakeCall> {
  return apiRequest<IntakeCall>(`/intake/calls/${callId}`, { schema: IntakeCallSchema });
}

export function setCallSite(callId: string, siteId: string): Promise<IntakeCall> {
  return apiRequest<IntakeCall>(`/intake/calls/${callId}/site`, {
    method: 'POST',
    body: { siteId },
    schema: IntakeCallSchema,
  });
}

/** The password goes to the server and nowhere else: not into a store, not into a log. */
export function verifyCaller(callId: string, personId: string, password: string): Promise<VerificationOutcome> {
  return apiRequest<VerificationOutcome>(`/intake/calls/${callId}/verify`, {
    method: 'POST',
    body: { personId, password },
    schema: VerificationOutcomeSchema,
  });
}

/** The bodies as the shared schemas parse them (the forms validate with the same schemas). */
export type ServiceModeRequest = ReturnType<typeof IntakeServiceModeInputSchema.parse>;
export type EndServiceModeRequest = ReturnType<typeof IntakeEndServiceModeInputSchema.parse>;
export type BlockWindowRequest = ReturnType<typeof IntakeBlockWindowInputSchema.parse>;
export type CancelCaseRequest = ReturnType<typeof IntakeCancelCaseInputSchema.parse>;
export type MessageRequest = ReturnType<typeof IntakeMessageInputSchema.parse>;
export type EndCallRequest = ReturnType<typeof EndCallInputSchema.parse>;

export function requestServiceMode(callId: string, input: ServiceModeRequest): Promise<ServiceMode> {
  return apiRequest<ServiceMode>(`/intake/calls/${callId}/service-mode`, {
    method: 'POST',
    body: input,
    schema: ServiceModeSchema,
  });
}

export function requestEndServiceMode(callId: string, input: EndServiceModeRequest): Promise<ServiceMode> {
  return apiRequest<ServiceMode>(`/intake/calls/${callId}/end-service-mode`, {
    method: 'POST',
    body: input,
    schema: ServiceModeSchema,
  });
}

export function requestBlockWindow(callId: string, input: BlockWindowRequest): Promise<BlockWindow> {
  return apiRequest<BlockWindow>(`/intake/calls/${callId}/block-window`, {
    method: 'POST',
    body: input,
    schema: BlockWindowSchema,
  });
}

export function requestCancelCase(callId: string, input: CancelCaseRequest): Promise<CaseSummary> {
  return apiRequest<CaseSummary>(`/intake/calls/${callId}/cancel-case`, {
    method: 'POST',
    body: input,
    schema: CaseSummarySchema,
  });
}

export function getSiteStatus(callId: string, verificationId: string): Promise<SiteStatus> {
  const params = new URLSearchParams({ verificationId });
  return apiRequest<SiteStatus>(`/intake/calls/${callId}/status?${params.toString()}`, { schema: SiteStatusSchema });
}

export function leaveMessage(callId: string, input: MessageRequest): Promise<ManagerMessage> {
  return apiRequest<ManagerMessage>(`/intake/calls/${callId}/message`, {
    method: 'POST',
    body: input,
    schema: ManagerMessageSchema,
  });
}

export function endCall(callId: string, input: EndCallRequest): Promise<IntakeCall> {
  return apiRequest<IntakeCall>(`/intake/calls/${callId}/end`, {
    method: 'POST',
    body: input,
    schema: IntakeCallSchema,
  });
}

// ---- directory reads ---------------------------------------------------------------------------

export function searchSites(q: string, limit: number, signal?: AbortSignal): Promise<DirectorySearchHit[]> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  return apiRequest<DirectorySearchHit[]>(`/directory/search?${params.toString()}`, {
    signal,
    schema: z.array(DirectorySearchHitSchema),
  });
}

export function getSiteDetail(siteId: string, signal?: AbortSignal): Promise<SiteDetail> {
  return apiRequest<SiteDetail>(`/sites/${siteId}/detail`, { signal, schema: SiteDetailSchema });
}
