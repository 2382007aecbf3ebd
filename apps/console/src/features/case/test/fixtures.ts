import type { CaseSummary } from '@arc/shared/case';
import type { CaseDetail, CaseNote, CaseStep, ContactAttempt } from '@arc/shared/case-handling';
import { vi } from 'vitest';

export const ME = { userId: '88888888-8888-4888-8888-888888888888', name: 'Olle Operator' };
export const CASE_ID = '6f1c1f4e-5d7a-4a63-9a7e-0d3c1b2a4f10';
export const SITE_ID = '2b8f0a86-9d7a-4d0e-8b52-5b7e0f0c1a22';
export const CONTACT_A = '11111111-1111-4111-8111-111111111111';
export const CONTACT_B = '22222222-2222-4222-8222-222222222222';
export const ROSTER = '33333333-3333-4333-8333-333333333333';
export const STEP_CALL = '44444444-4444-4444-8444-444444444444';
export const STEP_RESCUE = '55555555-5555-4555-8555-555555555555';
const T = '2026-01-01T10:00:00.000Z';

export function summary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: CASE_ID,
    caseNo: '2026-000042',
    category: 'FIRE',
    priority: 1,
    status: 'ACCEPTED',
    title: 'Fire alarm',
    account: '1001',
    siteId: SITE_ID,
    siteName: 'Kvarteret Svalan',
    siteAddress: 'Storgatan 5, Västerås',
    unknownTransmitter: false,
    signalCount: 1,
    runaway: false,
    unencryptedFromKeyed: false,
    queuedAt: T,
    lastSignalAt: T,
    heldBy: ME,
    returned: false,
    returnReason: null,
    movedToTop: false,
    version: 3,
    ...overrides,
  };
}

export function step(id: string, overrides: Partial<CaseStep> = {}): CaseStep {
  return {
    id,
    position: 1,
    type: 'CALL_CONTACT',
    contactId: CONTACT_A,
    rosterId: null,
    instruction: null,
    mandatory: false,
    ticked: null,
    ...overrides,
  };
}

/** A step as ticked by ME (the answer to POST …/tick). */
export function tickedStep(id: string, overrides: Partial<CaseStep> = {}): CaseStep {
  return step(id, { ticked: { at: T, by: ME, note: null }, ...overrides });
}

/** A recorded call to Anna's first number (the answer to POST …/attempts). */
export function attempt(overrides: Partial<ContactAttempt> = {}): ContactAttempt {
  return {
    id: '77777777-7777-4777-8777-777777777777',
    at: T,
    by: ME,
    contactId: CONTACT_A,
    name: 'Anna',
    routeKind: 'PHONE',
    routeValue: '+46701111111',
    outcome: 'ANSWERED',
    note: null,
    ...overrides,
  };
}

/** A note by ME (the answer to POST …/notes). */
export function caseNote(text = 'Note', overrides: Partial<CaseNote> = {}): CaseNote {
  return { id: '99999999-9999-4999-8999-999999999990', at: T, by: ME, text, ...overrides };
}

/** A fire case held by ME: two contacts (Anna with two numbers), an on-call person, a mandatory step. */
export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    summary: summary(),
    times: {
      signalReceivedAt: T,
      queuedAt: '2026-01-01T10:00:01.000Z',
      firstPresentedAt: '2026-01-01T10:00:02.000Z',
      acceptedAt: '2026-01-01T10:00:20.000Z',
      firstContactAt: null,
      closedAt: null,
    },
    site: {
      id: SITE_ID,
      name: 'Kvarteret Svalan',
      street: 'Storgatan 5',
      postcode: '722 15',
      city: 'Västerås',
      municipality: 'Västerås',
      addressRef: 'Entrance from the yard',
      contractId: null,
      contractNo: null,
      customerNo: null,
      customerName: null,
      archivedAt: null,
      createdAt: T,
      updatedAt: T,
    },
    transmitters: [
      {
        id: '66666666-6666-4666-8666-666666666666',
        account: '1001',
        siteId: SITE_ID,
        protocol: 'SIA-DCS',
        encrypted: true,
        requireEncryption: false,
        supervisionIntervalSeconds: null,
        inputCategory: 'FIRE',
        lastSeenAt: T,
        runawayUntil: null,
        supervisionFailedAt: null,
        createdAt: T,
        updatedAt: T,
      },
    ],
    signals: [
      {
        id: 's1',
        receivedAt: T,
        account: '1001',
        code: 'FA',
        zone: '007',
        text: 'Kitchen',
        description: 'Fire alarm',
        decision: 'OPENED',
        unencryptedFromKeyed: false,
      },
    ],
    steps: [
      step(STEP_CALL, { position: 1 }),
      step(STEP_RESCUE, { position: 2, type: 'ALERT_RESCUE_SERVICE', contactId: null, mandatory: true }),
    ],
    contacts: [
      {
        id: CONTACT_B,
        siteId: SITE_ID,
        name: 'Bertil',
        note: null,
        position: 2,
        routes: [{ kind: 'PHONE', value: '+46702222222' }],
      },
      {
        id: CONTACT_A,
        siteId: SITE_ID,
        name: 'Anna',
        note: null,
        position: 1,
        routes: [
          { kind: 'PHONE', value: '+46701111111' },
          { kind: 'SMS', value: '+46701111112' },
        ],
      },
    ],
    onCall: [{ rosterId: ROSTER, rosterName: 'Fire roster', member: { name: 'Vera Vakt', phone: '+46703333333' } }],
    earlierCases: [],
    attempts: [],
    notes: [],
    holds: [{ by: ME, from: '2026-01-01T10:00:20.000Z', to: null, endReason: null }],
    history: [],
    result: null,
    ...overrides,
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
