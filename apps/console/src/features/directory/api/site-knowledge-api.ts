import { z } from 'zod';
import {
  type SiteKnowledge,
  type SiteKnowledgeInput,
  SiteKnowledgeSchema,
  type SiteNote,
  SiteNoteSchema,
  type TransmitterZone,
  TransmitterZoneSchema,
  type TransmitterZonesInput,
} from '@arc/shared/site-knowledge';
import { apiRequest } from '../../../lib/api';

export function getSiteKnowledge(siteId: string): Promise<SiteKnowledge> {
  return apiRequest<SiteKnowledge>(`/sites/${siteId}/knowledge`, { schema: SiteKnowledgeSchema });
}

export function putSiteKnowledge(siteId: string, input: SiteKnowledgeInput): Promise<SiteKnowledge> {
  return apiRequest<SiteKnowledge>(`/sites/${siteId}/knowledge`, {
    method: 'PUT',
    body: input,
    schema: SiteKnowledgeSchema,
  });
}

export function listSiteNotes(siteId: string, includeExpired: boolean): Promise<SiteNote[]> {
  return apiRequest<SiteNote[]>(`/sites/${siteId}/notes${includeExpired ? '?includeExpired=true' : ''}`, {
    schema: z.array(SiteNoteSchema),
  });
}

export function deleteSiteNote(siteId: string, noteId: string): Promise<void> {
  return apiRequest<void>(`/sites/${siteId}/notes/${noteId}`, { method: 'DELETE' });
}

export function getZones(transmitterId: string): Promise<TransmitterZone[]> {
  return apiRequest<TransmitterZone[]>(`/transmitters/${transmitterId}/zones`, {
    schema: z.array(TransmitterZoneSchema),
  });
}

export function putZones(transmitterId: string, input: TransmitterZonesInput): Promise<TransmitterZone[]> {
  return apiRequest<TransmitterZone[]>(`/transmitters/${transmitterId}/zones`, {
    method: 'PUT',
    body: input,
    schema: z.array(TransmitterZoneSchema),
  });
}
