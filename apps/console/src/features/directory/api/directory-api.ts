import type { AlarmCategory } from '@arc/shared/alarm';
import type {
  ActionPlan,
  ActionPlanInput,
  AuthorizationList,
  AuthorizationListInput,
  Contact,
  ContactInput,
  Contract,
  DirectorySearchHit,
  OnCallRoster,
  Page,
  Person,
  PersonInput,
  SetPasswordInput,
  Site,
  SiteDetail,
  SiteInput,
  Transmitter,
  TransmitterInput,
} from '@arc/shared/directory';
import type {
  BlockWindow,
  BlockWindowConfirmInput,
  BlockWindowInput,
  ServiceMode,
  ServiceModeInput,
  SignalLogEntry,
} from '@arc/shared/rules';
import { apiRequest } from '../../../lib/api';

export function searchDirectory(q: string, limit: number, signal?: AbortSignal): Promise<DirectorySearchHit[]> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  return apiRequest<DirectorySearchHit[]>(`/directory/search?${params.toString()}`, { signal });
}

// ---- sites ---------------------------------------------------------------------------------

export function getSiteDetail(siteId: string, signal?: AbortSignal): Promise<SiteDetail> {
  return apiRequest<SiteDetail>(`/sites/${siteId}/detail`, { signal });
}

export function createSite(input: SiteInput): Promise<Site> {
  return apiRequest<Site>('/sites', { method: 'POST', body: input });
}

export function updateSite(siteId: string, input: SiteInput): Promise<Site> {
  return apiRequest<Site>(`/sites/${siteId}`, { method: 'PUT', body: input });
}

/** Resolves to the archived site when the site has history, or undefined when it was deleted. */
export function deleteSite(siteId: string): Promise<Site | undefined> {
  return apiRequest<Site | undefined>(`/sites/${siteId}`, { method: 'DELETE' });
}

export function unarchiveSite(siteId: string): Promise<Site> {
  return apiRequest<Site>(`/sites/${siteId}/unarchive`, { method: 'POST' });
}

export async function listContracts(): Promise<Contract[]> {
  return listOf(await apiRequest<Contract[] | Page<Contract>>('/contracts?pageSize=200'));
}

// ---- transmitters --------------------------------------------------------------------------

export function createTransmitter(input: TransmitterInput): Promise<Transmitter> {
  return apiRequest<Transmitter>('/transmitters', { method: 'POST', body: input });
}

export function updateTransmitter(id: string, input: TransmitterInput): Promise<Transmitter> {
  return apiRequest<Transmitter>(`/transmitters/${id}`, { method: 'PUT', body: input });
}

export function deleteTransmitter(id: string): Promise<void> {
  return apiRequest<void>(`/transmitters/${id}`, { method: 'DELETE' });
}

// ---- contacts ------------------------------------------------------------------------------

export function createContact(siteId: string, input: ContactInput): Promise<Contact> {
  return apiRequest<Contact>(`/sites/${siteId}/contacts`, { method: 'POST', body: input });
}

export function updateContact(id: string, input: ContactInput): Promise<Contact> {
  return apiRequest<Contact>(`/contacts/${id}`, { method: 'PUT', body: input });
}

export function deleteContact(id: string): Promise<void> {
  return apiRequest<void>(`/contacts/${id}`, { method: 'DELETE' });
}

export function reorderContacts(siteId: string, ids: string[]): Promise<Contact[]> {
  return apiRequest<Contact[]>(`/sites/${siteId}/contacts/order`, { method: 'PUT', body: { ids } });
}

// ---- action plans and on-call rosters ---------------------------------------------------------

export function saveActionPlan(siteId: string, category: AlarmCategory, input: ActionPlanInput): Promise<ActionPlan> {
  return apiRequest<ActionPlan>(`/sites/${siteId}/action-plans/${category}`, { method: 'PUT', body: input });
}

export function deleteActionPlan(siteId: string, category: AlarmCategory): Promise<void> {
  return apiRequest<void>(`/sites/${siteId}/action-plans/${category}`, { method: 'DELETE' });
}

export async function listRosters(): Promise<OnCallRoster[]> {
  return listOf(await apiRequest<OnCallRoster[] | Page<OnCallRoster>>('/on-call-rosters?pageSize=200'));
}

// ---- authorization lists and persons ----------------------------------------------------------

export function createAuthorizationList(input: AuthorizationListInput): Promise<AuthorizationList> {
  return apiRequest<AuthorizationList>('/authorization-lists', { method: 'POST', body: input });
}

export function createPerson(input: PersonInput): Promise<Person> {
  return apiRequest<Person>('/persons', { method: 'POST', body: input });
}

export function updatePerson(id: string, input: PersonInput): Promise<Person> {
  return apiRequest<Person>(`/persons/${id}`, { method: 'PUT', body: input });
}

export function deletePerson(id: string): Promise<void> {
  return apiRequest<void>(`/persons/${id}`, { method: 'DELETE' });
}

export function setPersonPassword(id: string, input: SetPasswordInput): Promise<void> {
  return apiRequest<void>(`/persons/${id}/password`, { method: 'POST', body: input });
}

// ---- service mode, block windows, signal log ------------------------------------------------------

export function startServiceMode(input: ServiceModeInput): Promise<ServiceMode> {
  return apiRequest<ServiceMode>('/service-modes', { method: 'POST', body: input });
}

export function endServiceMode(id: string): Promise<ServiceMode> {
  return apiRequest<ServiceMode>(`/service-modes/${id}/end`, { method: 'POST' });
}

export function createBlockWindow(input: BlockWindowInput): Promise<BlockWindow> {
  return apiRequest<BlockWindow>('/block-windows', { method: 'POST', body: input });
}

export function confirmBlockWindow(id: string, input: BlockWindowConfirmInput): Promise<BlockWindow> {
  return apiRequest<BlockWindow>(`/block-windows/${id}/confirm`, { method: 'POST', body: input });
}

export function cancelBlockWindow(id: string): Promise<BlockWindow> {
  return apiRequest<BlockWindow>(`/block-windows/${id}/cancel`, { method: 'POST' });
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
  return apiRequest<SignalLogEntry[]>(`/sites/${siteId}/signals?${params.toString()}`, { signal });
}

// The contract does not say whether these lists are paged; accept both shapes.
function listOf<T>(response: T[] | Page<T>): T[] {
  return Array.isArray(response) ? response : response.items;
}
