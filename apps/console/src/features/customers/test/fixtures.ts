import type { Contract, Customer, Page } from '@arc/shared/directory';
import type { AlarmEventCount } from '@arc/shared/rules';
import { vi } from 'vitest';

export function makeCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 'c0000000-0000-4000-8000-000000000001',
    customerNo: 'K9',
    name: 'Brandskydd Väst AB',
    orgNo: '556677-8899',
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    ...overrides,
  };
}

export function makeContract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    contractNo: 'A200',
    customerId: 'c0000000-0000-4000-8000-000000000001',
    customerNo: 'K9',
    customerName: 'Brandskydd Väst AB',
    managerName: 'Karin Avtal',
    managerPhone: '+46701234567',
    managerEmail: 'karin@example.se',
    yearlyEventQuota: 10,
    startDate: '2026-01-01',
    termMonths: 12,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    ...overrides,
  };
}

export function makeEvents(overrides: Partial<AlarmEventCount> = {}): AlarmEventCount {
  return {
    contractId: 'd0000000-0000-4000-8000-000000000001',
    contractNo: 'A200',
    year: 2026,
    quota: 10,
    count: 13,
    overQuota: true,
    byMonth: [6, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ...overrides,
  };
}

export const page = <T>(items: T[], total = items.length, pageNo = 1, pageSize = 25): Page<T> => ({
  items,
  total,
  page: pageNo,
  pageSize,
});

export type Reply = { status: number; body?: unknown } | undefined;
export type Route = (url: string, init: RequestInit | undefined) => Reply;

/** A fetch that answers with `route`, and a 500 naming any request it does not know. */
export function serve(route: Route) {
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    const reply = route(url, init) ?? {
      status: 500,
      body: { statusCode: 500, error: 'x', message: `unexpected ${url}` },
    };
    return Promise.resolve(
      reply.body === undefined
        ? new Response(null, { status: 204 })
        : Response.json(reply.body, { status: reply.status }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The requests made, as "METHOD url". */
export const requests = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${url}`);
