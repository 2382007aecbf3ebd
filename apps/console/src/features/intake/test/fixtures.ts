import type { CaseSummary } from '@arc/shared/case';
import { type AlarmCategory } from '@arc/shared/alarm';
import { type AuthorityLevel } from '@arc/shared/authority';
import { type DirectorySearchHit, type Person, type SiteDetail, type Transmitter } from '@arc/shared/directory';
import { allowedActions, type IntakeCall, type VerificationOutcome } from '@arc/shared/intake';
import { type ServiceMode } from '@arc/shared/rules';
import { vi } from 'vitest';

export const CALL_ID = 'c0c0c0c0-c0c0-4c0c-8c0c-c0c0c0c0c0c0';
export const SITE_ID = '2b8f0a86-9d7a-4d0e-8b52-5b7e0f0c1a22';
export const OTHER_SITE_ID = '3c9f0a86-9d7a-4d0e-8b52-5b7e0f0c1a33';
export const TX_FIRE = '66666666-6666-4666-8666-666666666666';
export const TX_INTRUSION = '77777777-7777-4777-8777-777777777777';
export const BO = '44444444-4444-4444-8444-444444444444';
export const CIA = '55555555-5555-4555-8555-555555555555';
export const IVAN = '56565656-5656-4565-8565-565656565656';
export const VERIFICATION_ID = '99999999-9999-4999-8999-999999999999';
export const T = '2026-01-01T10:00:00.000Z';

export function call(overrides: Partial<IntakeCall> = {}): IntakeCall {
  return {
    id: CALL_ID,
    startedAt: new Date().toISOString(),
    endedAt: null,
    operator: { userId: '88888888-8888-4888-8888-888888888888', name: 'Olle Operator' },
    siteId: null,
    siteName: null,
    caller: null,
    verified: false,
    outcome: null,
    note: null,
    ...overrides,
  };
}

/** A case as the server answers after the caller cancelled it as a false alarm. */
export function cancelledCase(id: string, overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    caseNo: 'C-1',
    category: 'INTRUSION',
    priority: 3,
    status: 'CLOSED',
    title: 'Burglary',
    account: '1002',
    siteId: SITE_ID,
    siteName: 'Kvarteret Svalan',
    siteAddress: 'Storgatan 5, Västerås',
    unknownTransmitter: false,
    signalCount: 1,
    runaway: false,
    unencryptedFromKeyed: false,
    queuedAt: T,
    lastSignalAt: T,
    heldBy: null,
    returned: false,
    returnReason: null,
    movedToTop: false,
    version: 4,
    ...overrides,
  };
}

export function hit(
  siteId: string,
  siteName: string,
  municipality: string,
  address = 'Storgatan 5, 722 15',
): DirectorySearchHit {
  return {
    siteId,
    siteName,
    address,
    municipality,
    customerNo: 'K100',
    contractNo: 'A200',
    accounts: ['1001'],
    matchedOn: 'site',
    score: 1,
  };
}

export function person(id: string, name: string, level: AuthorityLevel, hasPassword = true): Person {
  return {
    id,
    listId: '33333333-3333-4333-8333-333333333333',
    name,
    phone: '+46701234567',
    level,
    validFrom: null,
    validTo: null,
    hasPassword,
    createdAt: T,
    updatedAt: T,
  };
}

export function transmitter(id: string, account: string, inputCategory: AlarmCategory | null): Transmitter {
  return {
    id,
    account,
    siteId: SITE_ID,
    protocol: 'SIA-DCS',
    encrypted: false,
    requireEncryption: false,
    supervisionIntervalSeconds: null,
    inputCategory,
    lastSeenAt: null,
    runawayUntil: null,
    supervisionFailedAt: null,
    createdAt: T,
    updatedAt: T,
  };
}

export function serviceMode(id: string, tx: Transmitter, overrides: Partial<ServiceMode> = {}): ServiceMode {
  return {
    id,
    transmitterId: tx.id,
    account: tx.account,
    siteId: SITE_ID,
    category: null,
    startsAt: T,
    endsAt: '2026-01-01T11:00:00.000Z',
    plannedEndsAt: '2026-01-01T11:00:00.000Z',
    endedEarlyAt: null,
    endedEarlyBy: null,
    reason: 'Service visit',
    requestedBy: { personId: BO, name: 'Bo Berg', level: 'B' },
    setBy: { userId: '88888888-8888-4888-8888-888888888888', name: 'Olle Operator' },
    finishedAt: null,
    active: true,
    ...overrides,
  };
}

export function siteDetail(overrides: Partial<SiteDetail> = {}): SiteDetail {
  return {
    site: {
      id: SITE_ID,
      name: 'Kvarteret Svalan',
      street: 'Storgatan 5',
      postcode: '722 15',
      city: 'Västerås',
      municipality: 'Västerås',
      addressRef: null,
      contractId: null,
      contractNo: 'A200',
      customerNo: 'K100',
      customerName: 'BRF Svalan',
      archivedAt: null,
      createdAt: T,
      updatedAt: T,
    },
    contract: null,
    customer: null,
    transmitters: [transmitter(TX_FIRE, '1001', 'FIRE'), transmitter(TX_INTRUSION, '2002', 'INTRUSION')],
    authorizationLists: [
      {
        id: '33333333-3333-4333-8333-333333333333',
        name: 'Styrelsen BRF Svalan',
        siteIds: [SITE_ID],
        serviceCompanyId: null,
        personCount: 2,
        createdAt: T,
        updatedAt: T,
        persons: [person(BO, 'Bo Berg', 'B'), person(CIA, 'Cia Carlsson', 'C')],
      },
    ],
    serviceCompanies: [
      {
        id: '12121212-1212-4121-8121-121212121212',
        name: 'Brandservice AB',
        orgNo: null,
        siteIds: [SITE_ID],
        authorizationListId: '13131313-1313-4131-8131-131313131313',
        approvals: [],
        createdAt: T,
        updatedAt: T,
        installers: [person(IVAN, 'Ivan Installatör', 'B')],
      },
    ],
    contacts: [],
    actionPlans: [],
    onCallRosters: [],
    serviceModes: [],
    blockWindows: [],
    alarmEvents: null,
    ...overrides,
  };
}

const SITE_CATEGORIES: AlarmCategory[] = ['FIRE', 'INTRUSION'];

/** The server's answer for a verified person, with the real authority table. */
export function verified(
  level: AuthorityLevel,
  name = level === 'C' ? 'Cia Carlsson' : 'Bo Berg',
): VerificationOutcome {
  return {
    result: 'VERIFIED',
    message: `${name} (level ${level}) is verified for Kvarteret Svalan until 2026-01-01 10:10 UTC`,
    verificationId: VERIFICATION_ID,
    expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    person: { id: level === 'C' ? CIA : BO, name, level, installerOf: null },
    actions: allowedActions({ level, installerApprovals: null }, SITE_CATEGORIES),
    failedAttempts: 0,
    lockedUntil: null,
  };
}

export function wrongPassword(failedAttempts = 1, lockedUntil: string | null = null): VerificationOutcome {
  return {
    result: lockedUntil ? 'LOCKED' : 'WRONG_PASSWORD',
    message: lockedUntil
      ? `Wrong password, 5 within 15 minutes: Cia Carlsson is locked until 2026-01-01 10:15 UTC`
      : `Wrong password (${failedAttempts} of 5 allowed within 15 minutes)`,
    verificationId: null,
    expiresAt: null,
    person: null,
    actions: [],
    failedAttempts,
    lockedUntil,
  };
}

export function apiError(status: number, message: string): Response {
  return Response.json({ statusCode: status, error: 'Error', message }, { status });
}

export interface Request {
  method: string;
  url: string;
  body: unknown;
}

/**
 * Stubs fetch with a route handler. `handler` answers with a value (JSON 200), a Response, or
 * undefined (404). Every request is recorded with its parsed body.
 */
export function stubApi(handler: (request: Request) => unknown) {
  const requests: Request[] = [];
  const fetchMock = vi.fn((url: string, init: RequestInit = {}) => {
    const request: Request = {
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(request);
    const answer = handler(request);
    if (answer instanceof Response) return Promise.resolve(answer);
    if (answer === undefined) return Promise.resolve(apiError(404, `no route for ${request.method} ${url}`));
    return Promise.resolve(Response.json(answer));
  });
  vi.stubGlobal('fetch', fetchMock);
  return requests;
}
