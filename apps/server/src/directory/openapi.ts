import {
  ActionPlanInputSchema,
  ApprovalInputSchema,
  AuditQuerySchema,
  AuthorizationListInputSchema,
  AuthorizationListQuerySchema,
  ContactInputSchema,
  ContractInputSchema,
  ContractListQuerySchema,
  CustomerInputSchema,
  DirectoryImportQuerySchema,
  DirectorySearchQuerySchema,
  IngestSignalSchema,
  LoginRequestSchema,
  OnCallRosterInputSchema,
  PageQuerySchema,
  PersonInputSchema,
  ReorderInputSchema,
  ServiceCompanyInputSchema,
  SetPasswordInputSchema,
  SiteInputSchema,
  SiteListQuerySchema,
  TransmitterInputSchema,
  TransmitterListQuerySchema,
  ROLES,
  type LoginResponse,
} from '@arc/shared';
import { z } from 'zod';
import {
  ActionPlanSchema,
  AuditEntrySchema,
  AuthorizationListSchema,
  ContactSchema,
  ContractSchema,
  CustomerSchema,
  DirectorySearchHitSchema,
  OnCallRosterSchema,
  pageOf,
  PersonSchema,
  ServiceCompanySchema,
  SiteDetailSchema,
  SiteSchema,
  TransmitterSchema,
} from './openapi-schemas.js';

/**
 * GET /api/v1/openapi.json: a hand-kept route table, with every request and response schema
 * generated from the zod schemas the server validates with (z.toJSONSchema), so the document
 * describes exactly what the API accepts.
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
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

type Method = 'get' | 'post' | 'put' | 'delete';
type Access = 'public' | 'api-key' | readonly ('operator' | 'supervisor' | 'admin')[];

interface Route {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  roles: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Response body schema; absent means no body (204). */
  response?: z.ZodType;
  status?: number;
  /** Extra status codes this route answers with, besides 400/401/403. */
  errors?: number[];
}

const ApiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const READ = ['operator', 'supervisor', 'admin'] as const;
const ADMIN = ['admin'] as const;

const LoginResponseSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.iso.datetime(),
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), role: z.enum(ROLES) }),
}) satisfies z.ZodType<LoginResponse>;

/** CRUD routes of one resource: list, create, get, replace, delete. */
function crud(
  base: string,
  tag: string,
  input: z.ZodType,
  output: z.ZodType,
  listQuery: z.ZodType,
  deleteConflict: boolean,
): Route[] {
  return [
    { method: 'get', path: base, tag, summary: `List ${tag}`, roles: READ, query: listQuery, response: pageOf(output) },
    {
      method: 'post',
      path: base,
      tag,
      summary: `Create`,
      roles: ADMIN,
      body: input,
      response: output,
      status: 201,
      errors: [409, 422],
    },
    { method: 'get', path: `${base}/:id`, tag, summary: `Get one`, roles: READ, response: output, errors: [404] },
    {
      method: 'put',
      path: `${base}/:id`,
      tag,
      summary: `Replace`,
      roles: ADMIN,
      body: input,
      response: output,
      errors: [404, 409, 422],
    },
    {
      method: 'delete',
      path: `${base}/:id`,
      tag,
      summary: `Delete`,
      roles: ADMIN,
      status: 204,
      errors: deleteConflict ? [404, 409] : [404],
    },
  ];
}

const ROUTES: Route[] = [
  {
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Log in',
    roles: 'public',
    body: LoginRequestSchema,
    response: LoginResponseSchema,
    status: 200,
  },
  {
    method: 'post',
    path: '/auth/refresh',
    tag: 'auth',
    summary: 'Refresh the token',
    roles: READ,
    response: LoginResponseSchema,
    status: 200,
  },
  {
    method: 'get',
    path: '/auth/me',
    tag: 'auth',
    summary: 'The signed-in user',
    roles: READ,
    response: LoginResponseSchema.shape.user,
  },
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
    path: '/openapi.json',
    tag: 'meta',
    summary: 'This document',
    roles: 'public',
    response: z.object({}).loose(),
  },

  ...crud('/customers', 'customers', CustomerInputSchema, CustomerSchema, PageQuerySchema, true),
  ...crud('/contracts', 'contracts', ContractInputSchema, ContractSchema, ContractListQuerySchema, true),
  ...crud('/sites', 'sites', SiteInputSchema, SiteSchema, SiteListQuerySchema, false).map((route) =>
    route.method === 'delete'
      ? {
          ...route,
          summary: 'Delete (204) or, when the site has history, archive it (200 with the site)',
          response: SiteSchema,
        }
      : route,
  ),
  {
    method: 'post',
    path: '/sites/:id/unarchive',
    tag: 'sites',
    summary: 'Unarchive',
    roles: ADMIN,
    response: SiteSchema,
    status: 200,
    errors: [404],
  },
  {
    method: 'get',
    path: '/sites/:id/detail',
    tag: 'sites',
    summary: 'Everything an operator needs about a site',
    roles: READ,
    response: SiteDetailSchema,
    errors: [404],
  },
  ...crud('/transmitters', 'transmitters', TransmitterInputSchema, TransmitterSchema, TransmitterListQuerySchema, true),
  ...crud(
    '/authorization-lists',
    'authorization-lists',
    AuthorizationListInputSchema,
    AuthorizationListSchema,
    AuthorizationListQuerySchema,
    true,
  ),
  {
    method: 'get',
    path: '/authorization-lists/:id/persons',
    tag: 'authorization-lists',
    summary: 'Persons on the list',
    roles: READ,
    response: z.array(PersonSchema),
    errors: [404],
  },
  ...crud('/persons', 'persons', PersonInputSchema, PersonSchema, PageQuerySchema, false).filter(
    (r) => r.path !== '/persons' || r.method !== 'get',
  ),
  {
    method: 'post',
    path: '/persons/:id/password',
    tag: 'persons',
    summary: 'Set the authority password on the written request of an A-level person of the same list',
    roles: ADMIN,
    body: SetPasswordInputSchema,
    status: 204,
    errors: [404, 422],
  },
  ...crud(
    '/service-companies',
    'service-companies',
    ServiceCompanyInputSchema,
    ServiceCompanySchema,
    PageQuerySchema,
    false,
  ),
  {
    method: 'post',
    path: '/service-companies/:id/approvals',
    tag: 'service-companies',
    summary: 'Add a police approval or fire certificate',
    roles: ADMIN,
    body: ApprovalInputSchema,
    response: ServiceCompanySchema,
    status: 201,
    errors: [404, 422],
  },
  {
    method: 'delete',
    path: '/service-companies/:id/approvals/:approvalId',
    tag: 'service-companies',
    summary: 'Remove an approval',
    roles: ADMIN,
    status: 204,
    errors: [404],
  },
  {
    method: 'get',
    path: '/sites/:siteId/contacts',
    tag: 'contacts',
    summary: 'Contacts in call order',
    roles: READ,
    response: z.array(ContactSchema),
    errors: [404],
  },
  {
    method: 'post',
    path: '/sites/:siteId/contacts',
    tag: 'contacts',
    summary: 'Add a contact (last)',
    roles: ADMIN,
    body: ContactInputSchema,
    response: ContactSchema,
    status: 201,
    errors: [404],
  },
  {
    method: 'put',
    path: '/sites/:siteId/contacts/order',
    tag: 'contacts',
    summary: 'Reorder all contacts of the site',
    roles: ADMIN,
    body: ReorderInputSchema,
    response: z.array(ContactSchema),
    errors: [404, 422],
  },
  {
    method: 'put',
    path: '/contacts/:id',
    tag: 'contacts',
    summary: 'Replace a contact',
    roles: ADMIN,
    body: ContactInputSchema,
    response: ContactSchema,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/contacts/:id',
    tag: 'contacts',
    summary: 'Delete a contact',
    roles: ADMIN,
    status: 204,
    errors: [404, 409],
  },
  ...crud('/on-call-rosters', 'on-call-rosters', OnCallRosterInputSchema, OnCallRosterSchema, PageQuerySchema, true),
  {
    method: 'get',
    path: '/sites/:siteId/action-plans',
    tag: 'action-plans',
    summary: 'All action plans of the site',
    roles: READ,
    response: z.array(ActionPlanSchema),
    errors: [404],
  },
  {
    method: 'get',
    path: '/sites/:siteId/action-plans/:category',
    tag: 'action-plans',
    summary: 'One action plan',
    roles: READ,
    response: ActionPlanSchema,
    errors: [404],
  },
  {
    method: 'put',
    path: '/sites/:siteId/action-plans/:category',
    tag: 'action-plans',
    summary: 'Replace the plan; steps run in array order',
    roles: ADMIN,
    body: ActionPlanInputSchema,
    response: ActionPlanSchema,
    errors: [404, 422],
  },
  {
    method: 'delete',
    path: '/sites/:siteId/action-plans/:category',
    tag: 'action-plans',
    summary: 'Delete the plan',
    roles: ADMIN,
    status: 204,
    errors: [404],
  },
  {
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'Audit log, newest first',
    roles: ['supervisor', 'admin'],
    query: AuditQuerySchema,
    response: pageOf(AuditEntrySchema),
  },

  // Search, import and export live in directory-tools; listed here so the document is complete.
  {
    method: 'get',
    path: '/directory/search',
    tag: 'directory-tools',
    summary: 'Typo-tolerant search across sites, accounts, customers, contracts and persons',
    roles: READ,
    query: DirectorySearchQuerySchema,
    response: z.array(DirectorySearchHitSchema),
  },
  {
    method: 'get',
    path: '/directory/export',
    tag: 'directory-tools',
    summary: 'Export the directory as JSON',
    roles: ADMIN,
    response: z.object({}).loose(),
  },
  {
    method: 'post',
    path: '/directory/import',
    tag: 'directory-tools',
    summary: 'Import a directory export: 201 written, 200 a clean dry run, 422 rejected with a report',
    roles: ADMIN,
    query: DirectoryImportQuerySchema,
    body: z.object({}).loose(),
    response: z.object({}).loose(),
    status: 201,
    errors: [422],
  },
];

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
  if (route.method === 'delete' && route.path === '/sites/:id') result['204'] = { description: 'Deleted' };
  for (const code of [400, ...(route.roles === 'public' ? [] : [401, 403]), ...(route.errors ?? [])])
    result[code] = error;
  return result;
}
