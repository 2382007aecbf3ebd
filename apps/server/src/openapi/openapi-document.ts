import { ApiErrorSchema } from '@arc/shared/auth';
import { z } from 'zod';
import type { Route } from '../common/http/openapi-route.js';
import { AUTH_ROUTES } from '../auth/index.js';
import { CASES_ROUTES } from '../cases/index.js';
import { DIRECTORY_TOOLS_ROUTES } from '../directory-tools/index.js';
import { DIRECTORY_ROUTES, SITE_KNOWLEDGE_ROUTES } from '../directory/index.js';
import { HEALTH_ROUTES } from '../health/index.js';
import { INGEST_ROUTES } from '../ingest/index.js';
import { INTAKE_ROUTES } from '../intake/index.js';
import { WINDOWS_ROUTES } from '../rules/index.js';
import { SETTINGS_ROUTES } from '../settings/index.js';
import { SHIFT_LOG_ROUTES } from '../shift-log/index.js';
import { SUPERVISION_ROUTES } from '../supervision-metrics/index.js';
import { USER_ROUTES } from '../users/index.js';

/** This module's own route. */
const OPENAPI_ROUTES: Route[] = [
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'meta',
    summary: 'This document',
    roles: 'public',
    response: z.object({}).loose(),
  },
];

/** Every module's routes, in the order the document lists them. */
export const ALL_ROUTES: readonly Route[] = [
  ...AUTH_ROUTES,
  ...INGEST_ROUTES,
  ...HEALTH_ROUTES,
  ...OPENAPI_ROUTES,
  ...DIRECTORY_ROUTES,
  ...WINDOWS_ROUTES,
  ...CASES_ROUTES,
  ...DIRECTORY_TOOLS_ROUTES,
  ...INTAKE_ROUTES,
  ...SUPERVISION_ROUTES,
  ...USER_ROUTES,
  ...SITE_KNOWLEDGE_ROUTES,
  ...SETTINGS_ROUTES,
  ...SHIFT_LOG_ROUTES,
];

/**
 * GET /api/v1/openapi.json, assembled from the modules' route descriptions (`<module>.openapi.ts`),
 * with every request and response schema generated from the zod schemas the server validates
 * with and the console checks responses against (z.toJSONSchema), so the document describes
 * exactly what the API accepts and answers.
 */
export function openApiDocument(routes: readonly Route[] = ALL_ROUTES): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: [...pathParameters(route.path), ...queryParameters(route.query)],
      responses: responses(route),
    };
    if (route.roles === 'public') operation.security = [];
    else if (route.roles === 'api-key') operation.security = [{ apiKey: [] }];
    else operation.description = `Roles: ${route.roles.join(', ')}.`;
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    }
    (paths[openApiPath(route.path)] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ARC platform API', version: '1' },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: { ApiError: jsonSchema(ApiErrorSchema, 'output') },
    },
    paths,
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const generated: Record<string, unknown> = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  // OpenAPI 3.1 implies the dialect; a $schema inside every operation is noise.
  delete generated.$schema;
  return generated;
}

function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function pathParameters(path: string): Record<string, unknown>[] {
  return [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema:
      name === 'category'
        ? { type: 'string', enum: ['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE'] }
        : { type: 'string', format: 'uuid' },
  }));
}

function queryParameters(query: z.ZodType | undefined): Record<string, unknown>[] {
  if (!query) return [];
  const schema = jsonSchema(query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function responses(route: Route): Record<string, unknown> {
  const error = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
  };
  const status = route.status ?? 200;
  const result: Record<string, unknown> = {
    [status]: route.response
      ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
      : { description: 'No content' },
  };
  for (const [code, description] of Object.entries(route.noBody ?? {})) result[code] = { description };
  // A body too large (413) or not UTF-8 JSON (415) is refused on every route that takes one.
  const bodyErrors = route.body ? [413, 415] : [];
  for (const code of [400, ...(route.roles === 'public' ? [] : [401, 403]), ...bodyErrors, ...(route.errors ?? [])])
    result[code] = error;
  for (const [code, other] of Object.entries(route.otherBodies ?? {})) {
    result[code] = {
      description: other.description,
      content: { 'application/json': { schema: jsonSchema(other.schema, 'output') } },
    };
  }
  return result;
}
