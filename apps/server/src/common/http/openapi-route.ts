import type { z } from 'zod';

/**
 * One route of the OpenAPI document. Each module describes its own routes in
 * `<module>.openapi.ts` (importing only shared schemas and this type); `openapi/` puts them
 * together into GET /api/v1/openapi.json.
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Access = 'public' | 'api-key' | readonly ('operator' | 'supervisor' | 'admin')[];

export interface Route {
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
  /** Other statuses answered without a body, with their description (e.g. a delete's 204 beside its 200). */
  noBody?: Record<number, string>;
  /** Statuses whose body is not the error shape, with their schema (e.g. the import's 422 report). */
  otherBodies?: Record<number, { description: string; schema: z.ZodType }>;
}

/** Everyone on duty. */
export const READ = ['operator', 'supervisor', 'admin'] as const;
export const SUPERVISE = ['supervisor', 'admin'] as const;
export const ADMIN = ['admin'] as const;
