import { z } from 'zod';
import type { AlarmCategory } from '@arc/shared/alarm';
import {
  type ActionPlan,
  type ActionPlanInput,
  ActionPlanSchema,
  type AuthorizationList,
  type AuthorizationListInput,
  AuthorizationListSchema,
  type Contact,
  type ContactInput,
  ContactSchema,
  type Contract,
  ContractSchema,
  type DirectorySearchHit,
  DirectorySearchHitSchema,
  type OnCallRoster,
  OnCallRosterSchema,
  type Page,
  pageSchema,
  type Person,
  type PersonInput,
  PersonSchema,
  type SetPasswordInput,
  type Site,
  type SiteDetail,
  SiteDetailSchema,
  type SiteInput,
  SiteSchema,
  type Transmitter,
  type TransmitterInput,
  TransmitterSchema,
} from '@arc/shared/directory';
import {
  type BlockWindow,
  type BlockWindowConfirmInput,
  type BlockWindowInput,
  BlockWindowSchema,
  type ServiceMode,
  type ServiceModeInput,
  ServiceModeSchema,
  type SignalLogEntry,
  SignalLogEntrySchema,
} from '@arc/shared/rules';
import { apiRequest } from '../../../lib/api';

export function searchDirectory(q: string, limit: number, signal?: AbortSignal): Promise<DirectorySearchHit[]> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  return apiRequest<DirectorySearchHit[]>(`/directory/search?${params.toString()}`, {
    signal,
    schema: z.array(DirectorySearchHitSchema),
  });
}

// ---- sites ---------------------------------------------------------------------------------

export function getSiteDetail(siteId: string, signal?: AbortSignal): Promise<SiteDetail> {
  return apiRequest<SiteDetail>(`/sites/${siteId}/detail`, { signal, schema: SiteDetailSchema });
}

export function createSite(input: SiteInput): Promise<Site> {
  return apiRequest<Site>('/sites', { method: 'POST', body: input, schema: SiteSchema });
}

export function updateSite(siteId: string, input: SiteInput): Promise<Site> {
  return apiRequest<Site>(`/sites/${siteId}`, { method: 'PUT', body: input, schema: SiteSchema });
}

/** Resolves to the archived site when the site has history, or undefined when it was deleted. */
export function deleteSite(siteId: string): Promise<Site | undefined> {
  return apiRequest<Site | undefined>(`/sites/${siteId}`, { method: 'DELETE', schema: SiteSchema });
}

export function unarchiveSite(siteId: string): Promise<Site> {
  return apiRequest<Site>(`/sites/${siteId}/unarchive`, { method: 'POST', schema: SiteSchema });
}

export async function listContracts(): Promise<Contract[]> {
  const page = await apiRequest<Page<Contract>>('/contracts?pageSize=200', { schema: pageSchema(ContractSchema) });
  return page.items;
}

// ---- transmitters --------------------------------------------------------------------------

export function createTransmitter(input: TransmitterInput): Promise<Transmitter> {
  return apiRequest<Transmitter>('/transmitters', { method: 'POST', body: input, schema: TransmitterSchema });
}

export function updateTransmitter(id: string, input: TransmitterInput): Promise<Transmitter> {
  return apiRequest<Transmitter>(`/transmitters/${id}`, { method: 'PUT', body: input, schema: TransmitterSchema });
}

export function deleteTransmitter(id: string): Promise<void> {
  return apiRequest<void>(`/transmitters/${id}`, { method: 'DELETE' });
}

// ---- contacts ------------------------------------------------------------------------------

export function createContact(siteId: string, input: ContactInput): Promise<Contact> {
  return apiRequest<Contact>(`/sites/${siteId}/contacts`, { method: 'POST', body: input, schema: ContactSchema });
}

export function updateContact(id: string, input: ContactInput): Promise<Contact> {
  return apiRequest<Contact>(`/contacts/${id}`, { method: 'PUT', body: input, schema: ContactSchema });
}

export function deleteContact(id: string): Promise<void> {
  return apiRequest<void>(`/contacts/${id}`, { method: 'DELETE' });
}

export function reorderContacts(siteId: string, ids: string[]): Promise<Contact[]> {
  return apiRequest<Contact[]>(`/sites/${siteId}/contacts/order`, {
    method: 'PUT',
    body: { ids },
    schema: z.array(ContactSchema),
  });
}

// ---- action plans and on-call rosters ---------------------------------------------------------

export function saveActionPlan(siteId: string, category: AlarmCategory, input: ActionPlanInput): Promise<ActionPlan> {
  return apiRequest<ActionPlan>(`/sites/${siteId}/action-plans/${category}`, {
    method: 'PUT',
    body: input,
    schema: ActionPlanSchema,
  });
}

export function deleteActionPlan(siteId: string, category: AlarmCategory): Promise<void> {
  return apiRequest<void>(`/sites/${siteId}/action-plans/${category}`, { method: 'DELETE' });
}

export async function listRosters(): Promise<OnCallRoster[]> {
  const page = await apiRequest<Page<OnCallRoster>>('/on-call-rosters?pageSize=200', {
    schema: pageSchema(OnCallRosterSchema),
  });
  return page.items;
}

// ---- authorization lists and persons ----------------------------------------------------------

export function createAuthorizationList(input: AuthorizationListInput): Promise<AuthorizationList> {
  return apiRequest<AuthorizationList>('/authorization-lists', {
    method: 'POST',
    body: input,
    schema: AuthorizationListSchema,
  });
}

export function createPerson(input: PersonInput): Promise<Person> {
  return apiRequest<Person>('/persons', { method: 'POST', body: input, schema: PersonSchema });
}

export function updatePerson(id: string, input: PersonInput): Promise<Person> {
  return apiRequest<Person>(`/persons/${id}`, { method: 'PUT', body: input, schema: PersonSchema });
}

export function deletePerson(id: string): Promise<void> {
  return apiRequest<void>(`/persons/${id}`, { method: 'DELETE' });
}

export function setPersonPassword(id: string, input: SetPasswordInput): Promise<void> {
  return apiRequest<void>(`/persons/${id}/password`, { method: 'POST', body: input });
}

// ---- service mode, block windows, signal log ------------------------------------------------------

export function startServiceMode(input: ServiceModeInput): Promise<ServiceMode> {
  return apiRequest<ServiceMode>('/service-modes', { method: 'POST', body: input, schema: ServiceModeSchema });
}

export function endServiceMode(id: string): Promise<ServiceMode> {
  return apiRequest<ServiceMode>(`/service-modes/${id}/end`, { method: 'POST', schema: ServiceModeSchema });
}

export function createBlockWindow(input: BlockWindowInput): Promise<BlockWindow> {
  return apiRequest<BlockWindow>('/block-windows', { method: 'POST', body: input, schema: BlockWindowSchema });
}

export function confirmBlockWindow(id: string, input: BlockWindowConfirmInput): Promise<BlockWindow> {
  return apiRequest<BlockWindow>(`/block-windows/${id}/confirm`, {
    method: 'POST',
    body: input,
    schema: BlockWindowSchema,
  });
}

export function cancelBlockWindow(id: string): Promise<BlockWindow> {
  return apiRequest<BlockWindow>(`/block-windows/${id}/cancel`, { method: 'POST', schema: BlockWindowSchema });
}

export interface SignalLogPage {
  limit: number;
  /** Only signals older than this signal id. */
  before?: string;
}

/** A site's signals, newest first. */
export function listSiteSignals(
  siteId: string,
  { limit, before }: SignalLogPage,
  signal?: AbortSignal,
): Promise<SignalLogEntry[]> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (before !== undefined) params.set('before', before);
  return apiRequest<SignalLogEntry[]>(`/sites/${siteId}/signals?${params.toString()}`, {
    signal,
    schema: z.array(SignalLogEntrySchema),
  });
}
