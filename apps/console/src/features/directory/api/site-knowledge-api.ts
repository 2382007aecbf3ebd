import type {
  SiteKnowledge,
  SiteKnowledgeInput,
  SiteNote,
  TransmitterZone,
  TransmitterZonesInput,
} from '@arc/shared/site-knowledge';
import { apiRequest } from '../../../lib/api';

export function getSiteKnowledge(siteId: string): Promise<SiteKnowledge> {
  return apiRequest<SiteKnowledge>(`/sites/${siteId}/knowledge`);
}

export function putSiteKnowledge(siteId: string, input: SiteKnowledgeInput): Promise<SiteKnowledge> {
  return apiRequest<SiteKnowledge>(`/sites/${siteId}/knowledge`, { method: 'PUT', body: input });
}

export function listSiteNotes(siteId: string, includeExpired: boolean): Promise<SiteNote[]> {
  return apiRequest<SiteNote[]>(`/sites/${siteId}/notes${includeExpired ? '?includeExpired=true' : ''}`);
}

export function deleteSiteNote(siteId: string, noteId: string): Promise<void> {
  return apiRequest<void>(`/sites/${siteId}/notes/${noteId}`, { method: 'DELETE' });
}

export function getZones(transmitterId: string): Promise<TransmitterZone[]> {
  return apiRequest<TransmitterZone[]>(`/transmitters/${transmitterId}/zones`);
}

export function putZones(transmitterId: string, input: TransmitterZonesInput): Promise<TransmitterZone[]> {
  return apiRequest<TransmitterZone[]>(`/transmitters/${transmitterId}/zones`, { method: 'PUT', body: input });
}
