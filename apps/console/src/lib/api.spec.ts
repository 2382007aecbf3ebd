import { CaseSummarySchema } from '@arc/shared/case';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, apiRequest } from './api';

function mockFetch(status: number, body: unknown): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(() =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('apiRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends JSON with the bearer token and returns the parsed body', async () => {
    const fetchMock = mockFetch(200, { ok: 1 });

    await expect(apiRequest('/things', { method: 'POST', body: { a: 1 }, token: 'tok' })).resolves.toEqual({ ok: 1 });

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/things');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' });
  });

  it('throws ApiRequestError carrying the ApiError message and status', async () => {
    mockFetch(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid username or password' });

    const error = await apiRequest('/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 401, message: 'Invalid username or password' });
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );

    await expect(apiRequest('/x')).rejects.toMatchObject({ status: 0, message: 'Cannot reach the server' });
  });

  it('refuses a response that does not match its contract, naming the path', async () => {
    mockFetch(200, { id: 'not-a-case', caseNo: 42 });

    const error = await apiRequest('/cases/c1/acknowledge?x=1', { method: 'POST', schema: CaseSummarySchema }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 0 });
    expect((error as Error).message).toMatch(
      /^Unexpected answer from the server to POST \/cases\/c1\/acknowledge: id: /,
    );
  });

  it('answers the parsed body when it matches its contract', async () => {
    const summary = {
      id: '11111111-1111-4111-8111-111111111111',
      caseNo: 'C-1',
      category: 'FIRE',
      priority: 1,
      status: 'QUEUED',
      title: 'Fire alarm',
      account: '1234',
      siteId: null,
      siteName: null,
      siteAddress: null,
      unknownTransmitter: true,
      signalCount: 1,
      runaway: false,
      unencryptedFromKeyed: false,
      queuedAt: '2026-12-01T10:00:00.000Z',
      lastSignalAt: '2026-12-01T10:00:00.000Z',
      heldBy: null,
      returned: false,
      returnReason: null,
      movedToTop: false,
      version: 1,
    };
    mockFetch(200, { ...summary, extra: 'dropped' });

    await expect(apiRequest('/cases/c1', { schema: CaseSummarySchema })).resolves.toEqual(summary);
  });
});
