import type { AuditEntry, Page } from '@arc/shared/directory';
import type { UserAccount } from '@arc/shared/users';
import { vi } from 'vitest';

export const ADA_ID = '22222222-2222-4222-8222-222222222222';
export const SARA_ID = '33333333-3333-4333-8333-333333333333';

export function makeUser(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    id: ADA_ID,
    username: 'admin',
    displayName: 'Ada Admin',
    role: 'admin',
    active: true,
    totpEnrolled: false,
    totpRequired: false,
    lastLoginAt: null,
    lastFailedLoginAt: null,
    failedLoginsSinceLastLogin: 0,
    lockedUntil: null,
    passwordChangedAt: null,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    ...overrides,
  };
}

export const USERS: UserAccount[] = [
  makeUser({ id: SARA_ID, username: 'sara', displayName: 'Sara Supervisor', role: 'supervisor' }),
  makeUser(),
];

/** Ada renamed a contract's manager and moved its start; the quota stayed. */
export const contractUpdate: AuditEntry = {
  id: '42',
  at: '2026-03-01T08:00:00.000Z',
  actorUserId: ADA_ID,
  actorName: 'Ada Admin',
  action: 'UPDATE',
  entity: 'contract',
  entityId: 'd0000000-0000-4000-8000-000000000001',
  before: { contractNo: 'A200', managerName: 'Karin Avtal', yearlyEventQuota: 10, startDate: '2026-01-01' },
  after: {
    contractNo: 'A200',
    managerName: 'Eva Ek',
    yearlyEventQuota: 10,
    startDate: '2026-02-01',
    managerEmail: 'eva@example.se',
  },
};

/** A person's password set: the secret is masked on both sides. */
export const passwordSet: AuditEntry = {
  id: '41',
  at: '2026-03-01T07:00:00.000Z',
  actorUserId: SARA_ID,
  actorName: 'Sara Supervisor',
  action: 'SET_PASSWORD',
  entity: 'person',
  entityId: 'p1',
  before: { name: 'Bo Berg', passwordHash: '***' },
  after: { name: 'Bo Berg', passwordHash: '***' },
};

/** A customer created: nothing before. */
export const customerCreate: AuditEntry = {
  id: '40',
  at: '2026-02-28T23:30:00.000Z',
  actorUserId: ADA_ID,
  actorName: 'Ada Admin',
  action: 'CREATE',
  entity: 'customer',
  entityId: 'c1',
  before: null,
  after: { customerNo: 'K1', name: 'Kund AB', orgNo: null },
};

/** A failed sign-in: no user did it. */
export const loginFailed: AuditEntry = {
  id: '39',
  at: '2026-02-28T22:00:00.000Z',
  actorUserId: null,
  actorName: null,
  action: 'LOGIN_FAILED',
  entity: 'login',
  entityId: ADA_ID,
  before: null,
  after: { reason: 'password', locked: false },
};

export const ENTRIES = [contractUpdate, passwordSet, customerCreate, loginFailed];

export const page = <T>(items: T[], total = items.length, pageNo = 1, pageSize = 20): Page<T> => ({
  items,
  total,
  page: pageNo,
  pageSize,
});

export type Route = (url: string, init: RequestInit | undefined) => { status: number; body?: unknown } | undefined;

/** GET /audit (any query) answers ENTRIES and GET /users the users, unless `route` answers first. */
export function serve(route: Route = () => undefined) {
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    const reply =
      route(url, init) ??
      (url.startsWith('/api/v1/audit?')
        ? { status: 200, body: page(ENTRIES) }
        : url === '/api/v1/users'
          ? { status: 200, body: USERS }
          : { status: 500, body: { statusCode: 500, error: 'x', message: `unexpected ${url}` } });
    return Promise.resolve(Response.json(reply.body, { status: reply.status }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The GET /audit queries asked, each as its parameters. */
export const auditQueries = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls
    .map(([url]) => String(url))
    .filter((url) => url.startsWith('/api/v1/audit?'))
    .map((url) => Object.fromEntries(new URLSearchParams(url.slice('/api/v1/audit?'.length))));
