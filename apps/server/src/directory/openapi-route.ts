import type { z } from 'zod';

/** One route of the OpenAPI document (each module lists its own; openapi.ts puts them together). */
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
  /** Statuses whose body is not the error shape, with their schema (e.g. the import's 422 report). */
  otherBodies?: Record<number, { description: string; schema: z.ZodType }>;
}
