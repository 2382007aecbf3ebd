import type { OnCallRoster, Page } from '@arc/shared/directory';
import { vi } from 'vitest';

export const ANNA = { name: 'Anna Andersson', phone: '+46701111111' };
export const BERTIL = { name: 'Bertil Berg', phone: '+46702222222' };
export const VERA = { name: 'Vera Vikarie', phone: '+46709999999' };

export function makeRoster(overrides: Partial<OnCallRoster> = {}): OnCallRoster {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    name: 'Jour Väst',
    rotationStart: '2026-11-02',
    members: [ANNA, BERTIL],
    swaps: [],
    onCallNow: BERTIL,
    ...overrides,
  };
}

export const pageOf = <T>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 200 });

export type Route = (url: string, init: RequestInit | undefined) => { status: number; body?: unknown } | undefined;

/** A fetch stub: `route` answers first, then `fallback` (the lists), else a 500 naming the call. */
export function serveApi(fallback: Route, route: Route = () => undefined) {
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    const reply = route(url, init) ??
      fallback(url, init) ?? { status: 500, body: { statusCode: 500, error: 'x', message: `unexpected ${url}` } };
    return Promise.resolve(
      reply.body === undefined
        ? new Response(null, { status: 204 })
        : Response.json(reply.body, { status: reply.status }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The JSON bodies sent with `method` to URLs ending in `suffix`. */
export function sent(fetchMock: ReturnType<typeof serveApi>, method: string, suffix = ''): unknown[] {
  return fetchMock.mock.calls
    .filter(([url, init]) => (init?.method ?? 'GET') === method && url.endsWith(suffix))
    .map(([, init]) => (typeof init?.body === 'string' ? JSON.parse(init.body) : undefined));
}
