import type { AlarmCategory } from '@arc/shared/alarm';
import type { ApprovalKind } from '@arc/shared/authority';
import type { Contact, DirectorySearchHit, Person, SiteDetail, Transmitter } from '@arc/shared/directory';
import type { BlockWindow, ServiceMode, SignalLogEntry } from '@arc/shared/rules';
import { vi } from 'vitest';

export const SITE_ID = '2b8f0a86-9d7a-4d0e-8b52-5b7e0f0c1a22';
export const CONTACT_A = '11111111-1111-4111-8111-111111111111';
export const CONTACT_B = '22222222-2222-4222-8222-222222222222';
const T = '2026-01-01T10:00:00.000Z';

export function contact(id: string, name: string, position: number): Contact {
  return { id, siteId: SITE_ID, name, note: null, position, routes: [{ kind: 'PHONE', value: '+46701234567' }] };
}

export function person(id: string, name: string, level: Person['level']): Person {
  return {
    id,
    listId: '33333333-3333-4333-8333-333333333333',
    name,
    phone: '+46701234567',
    level,
    validFrom: null,
    validTo: null,
    hasPassword: false,
    createdAt: T,
    updatedAt: T,
  };
}

export function siteDetail(name = 'Kvarteret Svalan'): SiteDetail {
  return {
    site: {
      id: SITE_ID,
      name,
      street: 'Storgatan 5',
      postcode: '722 15',
      city: 'Västerås',
      municipality: 'Västerås',
      addressRef: null,
      contractId: null,
      contractNo: null,
      customerNo: null,
      customerName: null,
      archivedAt: null,
      createdAt: T,
      updatedAt: T,
    },
    contract: null,
    customer: null,
    transmitters: [],
    authorizationLists: [],
    serviceCompanies: [],
    contacts: [contact(CONTACT_A, 'Anna', 1), contact(CONTACT_B, 'Bertil', 2)],
    actionPlans: [],
    onCallRosters: [],
    serviceModes: [],
    blockWindows: [],
    alarmEvents: null,
  };
}

export const TX_FIRE = '66666666-6666-4666-8666-666666666666';
export const TX_INTRUSION = '77777777-7777-4777-8777-777777777777';

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

const OPERATOR = { userId: '88888888-8888-4888-8888-888888888888', name: 'Olle Operator' };

/** A service mode set at 10:00 for an hour, still in force unless overridden. */
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
    reason: 'Sprinkler service',
    requestedBy: { personId: null, name: 'Agnes A', level: 'A' },
    setBy: OPERATOR,
    finishedAt: null,
    active: true,
    ...overrides,
  };
}

export function blockWindow(id: string, tx: Transmitter, overrides: Partial<BlockWindow> = {}): BlockWindow {
  return {
    id,
    transmitterId: tx.id,
    account: tx.account,
    siteId: SITE_ID,
    startsAt: '2026-02-01T07:00:00.000Z',
    endsAt: '2026-02-03T16:00:00.000Z',
    plannedEndsAt: '2026-02-03T16:00:00.000Z',
    requestedBy: { personId: null, name: 'Agnes A', level: 'A' },
    requestDate: '2026-01-20',
    reference: 'Letter 2026-01-20',
    reason: 'Renovation',
    createdBy: OPERATOR,
    createdAt: T,
    confirmation: null,
    cancelledAt: null,
    endedEarlyAt: null,
    finishedAt: null,
    state: 'SCHEDULED',
    ...overrides,
  };
}

export function signalEntry(id: string, overrides: Partial<SignalLogEntry> = {}): SignalLogEntry {
  return {
    id,
    receivedAt: T,
    account: '1001',
    code: 'FA',
    zone: '007',
    description: 'Fire alarm',
    kind: 'ALARM',
    category: 'FIRE',
    decision: 'OPENED',
    decisionReason: null,
    unencryptedFromKeyed: false,
    caseId: null,
    caseNo: null,
    ...overrides,
  };
}

export function hit(siteName: string, municipality: string, address = 'Storgatan 5, 722 15'): DirectorySearchHit {
  return {
    siteId: `${municipality.length}${siteName.length}000000-0000-4000-8000-000000000000`.slice(0, 36),
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

export function authorizationList(name: string, persons: Person[]): SiteDetail['authorizationLists'][number] {
  return {
    id: '33333333-3333-4333-8333-333333333333',
    name,
    siteIds: [SITE_ID],
    serviceCompanyId: null,
    personCount: persons.length,
    createdAt: T,
    updatedAt: T,
    persons,
  };
}

/** A service company servicing the site; each approval is for the whole company. */
export function serviceCompany(
  name: string,
  installers: Person[],
  approvals: ApprovalKind[],
): SiteDetail['serviceCompanies'][number] {
  const id = '99999999-9999-4999-8999-999999999999';
  return {
    id,
    name,
    orgNo: null,
    siteIds: [SITE_ID],
    authorizationListId: '99999999-9999-4999-8999-000000000001',
    approvals: approvals.map((kind, index) => ({
      id: `99999999-9999-4999-8999-10000000000${index}`,
      serviceCompanyId: id,
      kind,
      personId: null,
      reference: `REF-${index}`,
      validFrom: null,
      validTo: null,
    })),
    createdAt: T,
    updatedAt: T,
    installers,
  };
}

export interface ApiCall {
  method: string;
  /** Path below /api/v1, with its query string. */
  path: string;
  body: unknown;
}

/**
 * Stubs fetch with a handler that sees each call's method, path and JSON body and returns the
 * response (a Response, or a value sent as JSON; undefined is a 204). Returns the calls seen.
 */
export function stubApi(handler: (call: ApiCall) => Response | unknown): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const call = {
        method: init.method ?? 'GET',
        path: url.replace(/^\/api\/v1/, ''),
        body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      };
      calls.push(call);
      const answer = handler(call);
      if (answer instanceof Response) return Promise.resolve(answer);
      return Promise.resolve(answer === undefined ? new Response(null, { status: 204 }) : Response.json(answer));
    }),
  );
  return calls;
}

/** The JSON error body the server sends with a 4xx. */
export function apiError(status: number, message: string): Response {
  return Response.json({ statusCode: status, error: 'Error', message }, { status });
}
