import {
  SiteKnowledgeInputSchema,
  SiteNoteInputSchema,
  SiteNoteListQuerySchema,
  TransmitterZonesInputSchema,
  type CaseSiteKnowledge,
  type SiteKnowledge,
  type SiteNote,
  type TransmitterZone,
} from '@arc/shared';
import { z } from 'zod';
import type { Route } from './openapi-route.js';

/** The site-knowledge routes and their response shapes, for the OpenAPI document. */

const READ = ['operator', 'supervisor', 'admin'] as const;
const ADMIN = ['admin'] as const;
const timestamp = z.iso.datetime();

export const TransmitterZoneSchema = z.object({
  zone: z.string(),
  name: z.string(),
  location: z.string().nullable(),
}) satisfies z.ZodType<TransmitterZone>;

export const SiteKnowledgeSchema = z.object({
  siteId: z.uuid(),
  instructions: z.string().nullable(),
  hazards: z.string().nullable(),
  policePhone: z.string().nullable(),
  rescuePhone: z.string().nullable(),
}) satisfies z.ZodType<SiteKnowledge>;

export const SiteNoteSchema = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  text: z.string(),
  validFrom: timestamp,
  validUntil: timestamp,
  author: z.object({ userId: z.uuid(), name: z.string() }),
  createdAt: timestamp,
}) satisfies z.ZodType<SiteNote>;

export const CaseSiteKnowledgeSchema = z.object({
  instructions: z.string().nullable(),
  hazards: z.string().nullable(),
  notes: z.array(SiteNoteSchema),
  emergency: z.object({
    police: z.string(),
    policeNonUrgent: z.string(),
    rescue: z.string(),
    policeFromSite: z.boolean(),
    rescueFromSite: z.boolean(),
  }),
}) satisfies z.ZodType<CaseSiteKnowledge>;

export const SITE_KNOWLEDGE_ROUTES: Route[] = [
  {
    method: 'get',
    path: '/transmitters/:transmitterId/zones',
    tag: 'site-knowledge',
    summary: "The transmitter's zone names",
    roles: READ,
    response: z.array(TransmitterZoneSchema),
    errors: [404],
  },
  {
    method: 'put',
    path: '/transmitters/:transmitterId/zones',
    tag: 'site-knowledge',
    summary: "Replace the transmitter's zone names",
    roles: ADMIN,
    body: TransmitterZonesInputSchema,
    response: z.array(TransmitterZoneSchema),
    errors: [404],
  },
  {
    method: 'get',
    path: '/sites/:siteId/knowledge',
    tag: 'site-knowledge',
    summary: "The site's instructions, hazards and own police and rescue-service numbers",
    roles: READ,
    response: SiteKnowledgeSchema,
    errors: [404],
  },
  {
    method: 'put',
    path: '/sites/:siteId/knowledge',
    tag: 'site-knowledge',
    summary: "Set the site's instructions, hazards and own police and rescue-service numbers",
    roles: ADMIN,
    body: SiteKnowledgeInputSchema,
    response: SiteKnowledgeSchema,
    errors: [404],
  },
  {
    method: 'get',
    path: '/sites/:siteId/notes',
    tag: 'site-knowledge',
    summary: 'Temporary site notes not yet expired (includeExpired=true: all), by start',
    roles: READ,
    query: SiteNoteListQuerySchema,
    response: z.array(SiteNoteSchema),
    errors: [404],
  },
  {
    method: 'post',
    path: '/sites/:siteId/notes',
    tag: 'site-knowledge',
    summary: 'Add a temporary site note (at most 90 days, ending in the future)',
    roles: READ,
    body: SiteNoteInputSchema,
    response: SiteNoteSchema,
    status: 201,
    errors: [404, 422],
  },
  {
    method: 'delete',
    path: '/sites/:siteId/notes/:noteId',
    tag: 'site-knowledge',
    summary: 'Delete a site note (the audit log keeps it)',
    roles: ADMIN,
    status: 204,
    errors: [404],
  },
];
