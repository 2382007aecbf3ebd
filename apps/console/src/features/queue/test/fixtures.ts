import { CATEGORY_PRIORITY, type AlarmCategory } from '@arc/shared/alarm';
import { type CaseSummary, type QueueSnapshot } from '@arc/shared/case';
import { vi } from 'vitest';

let counter = 0;

/** An open case waiting in the queue, with a fresh id; override what the test is about. */
export function makeCase(overrides: Partial<CaseSummary> & { category?: AlarmCategory } = {}): CaseSummary {
  counter += 1;
  const category = overrides.category ?? 'INTRUSION';
  return {
    id: `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`,
    caseNo: `C-${counter}`,
    category,
    priority: CATEGORY_PRIORITY[category],
    status: 'QUEUED',
    title: 'Burglary alarm',
    account: '1234',
    siteId: null,
    siteName: 'Main Street Bank',
    siteAddress: '1 Main Street',
    unknownTransmitter: false,
    signalCount: 1,
    runaway: false,
    unencryptedFromKeyed: false,
    queuedAt: '2026-01-01T10:00:00.000Z',
    lastSignalAt: '2026-01-01T10:00:00.000Z',
    heldBy: null,
    returned: false,
    returnReason: null,
    movedToTop: false,
    version: 1,
    ...overrides,
  };
}

export function snapshot(cases: CaseSummary[], seq = 0, at = '2026-01-01T10:00:00.000Z'): QueueSnapshot {
  return { cases, at, seq };
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
