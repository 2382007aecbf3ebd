import type { Approval, DirectorySearchHit, Page, Person, ServiceCompany, Site } from '@arc/shared/directory';
import { vi } from 'vitest';

export const LIST_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const SITE_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
export const OTHER_SITE_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
export const IVAR_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
export const GRETA_ID = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

const STAMP = '2026-01-01T08:00:00.000Z';

export function makeApproval(overrides: Partial<Approval> = {}): Approval {
  return {
    id: 'f0000000-0000-4000-8000-000000000001',
    serviceCompanyId: '11111111-1111-4111-8111-111111111111',
    kind: 'FIRE_CERTIFICATE',
    personId: null,
    reference: 'F-1',
    validFrom: null,
    validTo: null,
    ...overrides,
  };
}

export function makeCompany(overrides: Partial<ServiceCompany> = {}): ServiceCompany {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    name: 'Säkra Larm AB',
    orgNo: '556677-8899',
    siteIds: [SITE_ID],
    authorizationListId: LIST_ID,
    approvals: [],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    id: IVAR_ID,
    listId: LIST_ID,
    name: 'Ivar Installatör',
    phone: '+46703334455',
    level: 'C',
    validFrom: '2026-01-01',
    validTo: '2026-12-10',
    hasPassword: false,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function makeSite(overrides: Partial<Site> = {}): Site {
  return {
    id: SITE_ID,
    name: 'Lagerhuset Kopparlunden',
    street: 'Kopparbergsvägen 10',
    postcode: '722 13',
    city: 'Västerås',
    municipality: 'Västerås',
    addressRef: null,
    contractId: null,
    contractNo: null,
    customerNo: null,
    customerName: null,
    archivedAt: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  };
}

export function makeHit(overrides: Partial<DirectorySearchHit> = {}): DirectorySearchHit {
  return {
    siteId: OTHER_SITE_ID,
    siteName: 'Kontoret Vallby',
    address: 'Vallbyvägen 3',
    municipality: 'Västerås',
    customerNo: null,
    contractNo: null,
    accounts: [],
    matchedOn: 'site',
    score: 1,
    ...overrides,
  };
}

export const pageOf = <T>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 200 });

export type Route = (url: string, init: RequestInit | undefined) => { status: number; body?: unknown } | undefined;

/** A fetch stub: `route` answers first, then `fallback`, else a 500 naming the call. */
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
