import { randomUUID } from 'node:crypto';
import type { Application } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_API_KEY, TestEnvironment, expectStatus } from './support/test-app.js';

/**
 * Walks every route of the OpenAPI document (GET /api/v1/openapi.json) with malformed input, as
 * an administrator (the API key on the API-key route) and as an anonymous caller, and fails on
 * any 5xx or any answer without the error shape. Nothing here knows a route by name: a route
 * added to the document is fuzzed as well. Values are deterministic, the count is bounded.
 *
 * It also compares the document with the routes Nest registered, so a route cannot be left out
 * of the document (and so out of this walk).
 */

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface Operation {
  security?: { apiKey?: unknown[]; bearer?: unknown[] }[];
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

type Caller = 'privileged' | 'anonymous';
interface Probe {
  method: string;
  /** The document's path, e.g. /customers/{id}. */
  template: string;
  path: string;
  query: string;
  /** A JSON value, or raw bytes/text sent as they are. */
  body?: { json: unknown } | { raw: string | Buffer; contentType?: string };
  caller: Caller;
  what: string;
}

// ---- malformed values --------------------------------------------------------------------------

const LONG = 'x'.repeat(20_000);
// Short lists on purpose: each value is tried on every field of every route (about 2,500 requests).
const BAD_TEXT: unknown[] = ['a\u0000b', '\ud800', '\u0007\u001b[2J', LONG, 12];
const BAD_NUMBER: unknown[] = [1.5, -1e308, 2 ** 63, '12'];
const WRONG_TYPE: unknown[] = [null, 'text', [], { '\u0000': 1 }];
const NESTED_BAD: unknown[] = ['\u0000', 2 ** 63, null];

const BAD_QUERY: string[] = ['a%00b', '%ED%A0%80', '%ZZ', '', '1.5', '1e400', '99999999999999999999', 'x'.repeat(6000)];

const BAD_PATH: string[] = [
  'not-a-uuid',
  'a%00b',
  '%ZZ',
  '99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
];

const BAD_BODY: { raw: string | Buffer; contentType?: string; what: string }[] = [
  { raw: '{', what: 'truncated JSON' },
  { raw: '', what: 'an empty body' },
  { raw: '[]', what: 'an array' },
  { raw: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', what: 'prototype keys' },
  { raw: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, what: 'deep nesting' },
  { raw: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]), what: 'invalid UTF-8' },
  { raw: '{"name":"x"}', contentType: 'text/plain', what: 'text/plain' },
];

// ---- valid-looking values, so one bad field at a time gets past the others ------------------------

/** A value the schema should take (best effort: a sample for reach, not a proof). */
function sample(schema: JsonSchema | undefined, name = '', ids: Map<string, string> = new Map()): unknown {
  if (!schema) return {};
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sample(options.find((option) => option.type !== 'null') ?? options[0], name, ids);
  if (schema.allOf?.[0]) return sample(schema.allOf[0], name, ids);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = sample(schema.properties?.[key], key, ids);
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, name, ids));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(schema, name, ids);
    case undefined:
    default:
      return {};
  }
}

function sampleString(schema: JsonSchema, name: string, ids: Map<string, string>): string {
  switch (schema.format) {
    case 'uuid':
      return ids.get(name) ?? randomUUID();
    case 'date':
      return '2026-11-02';
    case 'date-time':
      return new Date(Date.now() + 3_600_000).toISOString();
    case 'email':
      return 'someone@example.com';
    case undefined:
    default:
      break;
  }
  if (/phone/i.test(name)) return '070-123 45 67';
  if (/orgNo/i.test(name)) return '556036-0793';
  const candidates = ['722 15', '1A2B', 'BA', 'Fuzz text', 'secret-password-1'];
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return candidates.find((candidate) => pattern.test(candidate)) ?? 'x';
  }
  const text = /password/i.test(name) ? 'secret-password-1' : 'Fuzz text';
  return text.length >= (schema.minLength ?? 0) ? text : text.padEnd(schema.minLength!, 'x');
}

function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return 'unknown';
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return typeOf(options.find((option) => option.type !== 'null'));
  return (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type) ?? 'unknown';
}

function withField(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(base)
    ? [...(base as unknown[])]
    : { ...(base as Record<string, unknown>) };
  (copy as Record<string, unknown>)[head!] = withField((base as Record<string, unknown>)?.[head!], rest, value);
  return copy;
}

/** Every field of the body: top-level fields get every bad value, nested ones a few. */
function bodyFieldProbes(schema: JsonSchema, base: unknown): { path: string[]; value: unknown }[] {
  const probes: { path: string[]; value: unknown }[] = [];
  const walk = (node: JsonSchema | undefined, path: string[], depth: number): void => {
    if (!node || depth > 3) return;
    const options = node.anyOf ?? node.oneOf;
    if (options)
      return walk(
        options.find((option) => option.type !== 'null'),
        path,
        depth,
      );
    const type = typeOf(node);
    if (path.length > 0) {
      const values =
        depth > 1
          ? NESTED_BAD
          : type === 'integer' || type === 'number'
            ? [...BAD_NUMBER, null]
            : type === 'string'
              ? [...BAD_TEXT, null]
              : WRONG_TYPE;
      for (const value of values) probes.push({ path, value });
    }
    if (type === 'object') {
      for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, [...path, key], depth + 1);
    }
    if (type === 'array') {
      probes.push({ path, value: Array.from({ length: 20_000 }, () => 1) });
      walk(node.items, [...path, '0'], depth + 1);
    }
  };
  walk(schema, [], 0);
  // Only fields of objects present in the base (or top-level) can be set.
  return probes.filter(({ path }) => path.length === 1 || hasParent(base, path));
}

function hasParent(base: unknown, path: string[]): boolean {
  let node = base;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object';
}

// ---- the walk --------------------------------------------------------------------------------------

function probesOf(path: string, method: string, operation: Operation, ids: Map<string, string>): Probe[] {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const known = (name: string, schema: JsonSchema): string => {
    if (schema.enum) return String(schema.enum[0]);
    // "/customers/{id}" takes the id of a customer, "/sites/{siteId}" of a site.
    const collection = name === 'id' ? path.split('/')[path.split('/').indexOf(`{${name}}`) - 1] : name;
    return ids.get(collection ?? '') ?? randomUUID();
  };
  const fill = (replace?: { name: string; value: string }): string =>
    path.replace(/\{(\w+)\}/g, (_, name: string) =>
      replace?.name === name
        ? replace.value
        : encodeURIComponent(known(name, pathParams.find((p) => p.name === name)!.schema)),
    );
  const validQuery = (): URLSearchParams => {
    const query = new URLSearchParams();
    for (const param of queryParams) {
      if (param.required) query.set(param.name, String(sample(param.schema, param.name, ids)));
    }
    return query;
  };
  const bodySchema = operation.requestBody?.content['application/json'].schema;
  const validBody = bodySchema ? { json: sample(bodySchema, '', ids) } : undefined;
  const probes: Probe[] = [];
  const add = (caller: Caller, what: string, parts: Partial<Pick<Probe, 'path' | 'query' | 'body'>>): void => {
    probes.push({
      method,
      template: path,
      path: parts.path ?? fill(),
      query: parts.query ?? validQuery().toString(),
      body: 'body' in parts ? parts.body : validBody,
      caller,
      what,
    });
  };

  add('privileged', 'valid-looking', {});
  add('anonymous', 'valid-looking', {});
  for (const param of pathParams) {
    add('privileged', `unknown ${param.name}`, { path: fill({ name: param.name, value: randomUUID() }) });
    for (const value of BAD_PATH) {
      add('privileged', `${param.name}=${value.slice(0, 20)}`, { path: fill({ name: param.name, value }) });
    }
    add('anonymous', `${param.name}=%00`, { path: fill({ name: param.name, value: '%00' }) });
  }
  for (const param of queryParams) {
    for (const value of BAD_QUERY) {
      const query = validQuery();
      const encoded = `${query.toString() ? `${query.toString()}&` : ''}${param.name}=${value}`;
      add('privileged', `?${param.name}=${value.slice(0, 20)}`, { query: encoded });
    }
    const repeated = validQuery();
    repeated.append(param.name, '1');
    repeated.append(param.name, '2');
    add('privileged', `?${param.name} twice`, { query: repeated.toString() });
    add('anonymous', `?${param.name}=%00`, { query: `${param.name}=%00` });
  }
  if (bodySchema) {
    for (const bad of BAD_BODY) {
      add('privileged', `body: ${bad.what}`, { body: { raw: bad.raw, contentType: bad.contentType } });
    }
    add('anonymous', 'body: NUL', { body: { raw: '{"name":"\\u0000"}' } });
    add('anonymous', 'body: invalid JSON', { body: { raw: '{' } });
    for (const { path: field, value } of bodyFieldProbes(bodySchema, validBody!.json)) {
      const shown =
        typeof value === 'string' ? JSON.stringify(value.slice(0, 12)) : JSON.stringify(value)?.slice(0, 20);
      add('privileged', `body.${field.join('.')}=${shown}`, {
        body: { json: withField(validBody!.json, field, value) },
      });
    }
  } else if (method !== 'get') {
    add('privileged', 'an unexpected body', { body: { raw: '{"x":"\\u0000"}' } });
  }
  return probes;
}

/** The routes Express has, as "METHOD /openapi/{path}" relative to the global prefix. */
function registeredRoutes(app: Application): string[] {
  const stack = (
    app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }
  ).router.stack;
  const routes: string[] = [];
  for (const layer of stack) {
    // Middleware bound to every path (the request logger's "{/*splat}") shows up as routes too.
    if (!layer.route || layer.route.path.includes('*')) continue;
    const path = layer.route.path.replace(/^\/api\/v1/, '').replace(/:(\w+)/g, '{$1}');
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') routes.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return [...new Set(routes)].sort();
}

describe('every route of the OpenAPI document, fuzzed', () => {
  const env = new TestEnvironment();
  let document: Document;
  let token = '';
  const ids = new Map<string, string>();

  beforeAll(async () => {
    await env.start();
    token = await env.login('admin');
    document = await expectStatus(env.call<Document>(null, 'GET', '/openapi.json'), 200);

    // A few real rows, so routes with an id get past their 404 and run their queries.
    const { siteId, transmitterId } = await env.createSite('F022', 'Fuzz site');
    ids
      .set('sites', siteId)
      .set('siteId', siteId)
      .set('transmitters', transmitterId)
      .set('transmitterId', transmitterId);
    const customer = await expectStatus(
      env.call<{ id: string }>(token, 'POST', '/customers', { customerNo: 'FZ-1', name: 'Fuzz AB' }),
      201,
    );
    ids.set('customers', customer.id).set('customerId', customer.id);
    const contract = await expectStatus(
      env.call<{ id: string }>(token, 'POST', '/contracts', {
        contractNo: 'FZC-1',
        customerId: customer.id,
        managerName: 'Manager',
        yearlyEventQuota: 10,
        startDate: '2026-01-01',
        termMonths: 12,
      }),
      201,
    );
    ids.set('contracts', contract.id).set('contractId', contract.id);
    const list = await expectStatus(
      env.call<{ id: string }>(token, 'POST', '/authorization-lists', { name: 'Fuzz list', siteIds: [siteId] }),
      201,
    );
    ids.set('authorization-lists', list.id).set('listId', list.id);
    const person = await expectStatus(
      env.call<{ id: string }>(token, 'POST', '/persons', {
        listId: list.id,
        name: 'Anna Fuzz',
        phone: '070-123 45 67',
        level: 'A',
      }),
      201,
    );
    ids.set('persons', person.id).set('requestedByPersonId', person.id).set('personId', person.id);
    const company = await expectStatus(
      env.call<{ id: string }>(token, 'POST', '/service-companies', { name: 'Fuzz Service', siteIds: [siteId] }),
      201,
    );
    ids.set('service-companies', company.id);
    const roster = await expectStatus(
      env.call<{ id: string }>(token, 'POST', '/on-call-rosters', {
        name: 'Fuzz roster',
        rotationStart: '2026-11-02',
        members: [{ name: 'On Call', phone: '070-123 45 68' }],
      }),
      201,
    );
    ids.set('on-call-rosters', roster.id).set('rosterId', roster.id);
    const contact = await expectStatus(
      env.call<{ id: string }>(token, 'POST', `/sites/${siteId}/contacts`, {
        name: 'Contact',
        routes: [{ kind: 'PHONE', value: '070-123 45 69' }],
      }),
      201,
    );
    ids.set('contacts', contact.id).set('contactId', contact.id);
    const signal = (await (await env.postSignal({ account: 'F022', code: 'BA', zone: '1' })).json()) as {
      caseId: string;
    };
    ids.set('cases', signal.caseId).set('caseId', signal.caseId);
    const call = await expectStatus(env.call<{ id: string }>(token, 'POST', '/intake/calls', { siteId }), 201);
    ids.set('calls', call.id);
  });

  afterAll(async () => {
    await env.destroy();
  });

  it('documents every route Nest registered, and no other', () => {
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const registered = registeredRoutes(env.app!.getHttpAdapter().getInstance() as Application);
    expect(registered.length).toBeGreaterThan(50);
    expect(
      registered.filter((route) => !documented.includes(route)),
      'registered but not in the document',
    ).toEqual([]);
    expect(
      documented.filter((route) => !registered.includes(route)),
      'in the document but not registered',
    ).toEqual([]);
  });

  it('answers every malformed request with a 4xx or success, never a 5xx', { timeout: 240_000 }, async () => {
    const probes: Probe[] = [];
    // Deletions last, so the other routes still find the rows above.
    const order = (method: string): number => (method === 'delete' ? 1 : 0);
    const operations = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })))
      .sort((a, b) => order(a.method) - order(b.method));
    for (const { path, method, operation } of operations) probes.push(...probesOf(path, method, operation, ids));
    expect(probes.length).toBeLessThan(12_000);

    const failures: string[] = [];
    const spent = new Map<string, number>();
    const started = Date.now();
    /** Whether the document says this status carries the error shape (it does unless it names another body). */
    const answersApiError = (probe: Probe, status: number): boolean => {
      const template = probe.template;
      const response = (document.paths[template]?.[probe.method] as { responses?: Record<string, unknown> })
        ?.responses?.[status] as { content?: { 'application/json'?: { schema?: { $ref?: string } } } } | undefined;
      const schema = response?.content?.['application/json']?.schema;
      return !schema || schema.$ref === '#/components/schemas/ApiError';
    };
    const send = async (probe: Probe): Promise<void> => {
      const headers: Record<string, string> = {};
      let body: string | Buffer | undefined;
      if (probe.body && 'json' in probe.body) {
        body = JSON.stringify(probe.body.json);
        headers['content-type'] = 'application/json';
      } else if (probe.body) {
        body = probe.body.raw;
        headers['content-type'] = probe.body.contentType ?? 'application/json';
      }
      if (probe.caller === 'privileged') {
        headers.authorization = `Bearer ${token}`;
        headers['x-api-key'] = TEST_API_KEY;
      }
      const url = `${env.url}/api/v1${probe.path}${probe.query ? `?${probe.query}` : ''}`;
      const label = `${probe.method.toUpperCase()} ${probe.path.slice(0, 80)} (${probe.caller}, ${probe.what})`;
      const sent = Date.now();
      try {
        const response = await fetch(url, {
          method: probe.method.toUpperCase(),
          headers,
          body: probe.method === 'get' ? undefined : body,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        if (response.status >= 500) failures.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
        else if (response.status >= 400 && answersApiError(probe, response.status)) {
          const error = JSON.parse(text) as { statusCode?: unknown; error?: unknown; message?: unknown };
          if (
            error.statusCode !== response.status ||
            typeof error.error !== 'string' ||
            typeof error.message !== 'string'
          ) {
            failures.push(`${label}: ${response.status} without the error shape: ${text.slice(0, 200)}`);
          }
        }
      } catch (error) {
        failures.push(`${label}: ${(error as Error).message}`);
      }
      const key = `${probe.method.toUpperCase()} ${probe.template}`;
      spent.set(key, (spent.get(key) ?? 0) + Date.now() - sent);
    };
    // A few at a time, in order: the machine is shared, and order keeps the deletions last.
    const queue = [...probes];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let probe = queue.shift(); probe; probe = queue.shift()) await send(probe);
      }),
    );
    process.stdout.write(
      `openapi fuzz: ${probes.length} requests over ${operations.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    const slowest = [...spent].sort((a, b) => b[1] - a[1]).slice(0, 5);
    process.stdout.write(
      `slowest: ${slowest.map(([route, ms]) => `${route} ${(ms / 1000).toFixed(1)} s`).join(', ')}\n`,
    );
    expect(failures).toEqual([]);
  });
});
