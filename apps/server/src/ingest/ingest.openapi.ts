import { IngestSignalSchema } from '@arc/shared/signal';
import { z } from 'zod';
import { type Route } from '../common/http/openapi-route.js';

/** Signals from other systems (ingest/), for the OpenAPI document. */
export const INGEST_ROUTES: Route[] = [
  {
    method: 'post',
    path: '/signals',
    tag: 'signals',
    summary: 'Ingest a signal from another system (200 when the eventId was already stored)',
    roles: 'api-key',
    body: IngestSignalSchema,
    response: z.object({}).loose(),
    status: 201,
  },
];
