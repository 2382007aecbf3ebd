import { z } from 'zod';
import { type Route } from '../common/http/openapi-route.js';

/** Health and readiness (health/), for the OpenAPI document. */
export const HEALTH_ROUTES: Route[] = [
  {
    method: 'get',
    path: '/health',
    tag: 'health',
    summary: 'Health of PostgreSQL, Redis and the receivers',
    roles: 'public',
    response: z.object({}).loose(),
    errors: [503],
  },
  {
    method: 'get',
    path: '/health/live',
    tag: 'health',
    summary: 'Liveness: the process answers',
    roles: 'public',
    response: z.object({}).loose(),
  },
  {
    method: 'get',
    path: '/health/ready',
    tag: 'health',
    summary: 'Readiness: PostgreSQL stores and the receivers listen (Redis is reported only)',
    roles: 'public',
    response: z.object({}).loose(),
    errors: [503],
  },
];
