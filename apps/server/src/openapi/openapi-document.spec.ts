import { describe, expect, it } from 'vitest';
import { ALL_ROUTES, openApiDocument } from './openapi-document.js';

describe('the OpenAPI document', () => {
  it('lists each route once', () => {
    const keys = ALL_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('has an operation for every route', () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    const operations = Object.values(paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(operations).toBe(ALL_ROUTES.length);
  });
});
