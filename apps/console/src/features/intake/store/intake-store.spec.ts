import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../../lib/api';
import {
  apiError,
  BO,
  call,
  CALL_ID,
  hit,
  SITE_ID,
  siteDetail,
  stubApi,
  TX_FIRE,
  verified,
  VERIFICATION_ID,
  wrongPassword,
  cancelledCase,
  T,
} from '../test/fixtures';
import { useIntakeStore } from './intake-store';

const PASSWORD = 'Tulpan-Korrekt-4711';

describe('intake store', () => {
  beforeEach(() => useIntakeStore.getState().reset());
  afterEach(() => vi.unstubAllGlobals());

  it('starts one call when the screen opens, even if it opens twice at once', async () => {
    const requests = stubApi(({ url }) =>
      url === '/api/v1/intake/calls/mine/open' ? [] : url.startsWith('/api/v1/intake/calls') ? call() : undefined,
    );
    await Promise.all([useIntakeStore.getState().open(), useIntakeStore.getState().open()]);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(useIntakeStore.getState().call?.id).toBe(CALL_ID);
    expect(useIntakeStore.getState().callStatus).toBe('ready');

    // Coming back to the screen picks up the same call instead of starting another.
    await useIntakeStore.getState().open();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v1/intake/calls/mine/open',
      'POST /api/v1/intake/calls',
      `GET /api/v1/intake/calls/${CALL_ID}`,
    ]);
  });

  it('picks up the call this operator left open (a reload during the call) instead of starting one', async () => {
    const left = call({ siteId: SITE_ID, siteName: 'Kvarteret Svalan', verified: true });
    const requests = stubApi(({ url }) => {
      if (url === '/api/v1/intake/calls/mine/open') return [left, call({ id: 'ffffffff-ffff-4fff-8fff-ffffffffffff' })];
      if (url === `/api/v1/sites/${SITE_ID}/detail`) return siteDetail();
      return undefined;
    });
    await useIntakeStore.getState().open();

    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v1/intake/calls/mine/open',
      `GET /api/v1/sites/${SITE_ID}/detail`,
    ]);
    const state = useIntakeStore.getState();
    expect(state.call?.id).toBe(CALL_ID);
    expect(state.callStatus).toBe('ready');
    expect(state.detail?.site.name).toBe('Kvarteret Svalan');
    // The verification id stayed in the old page: the caller must be verified again to act.
    expect(state.verification).toBeNull();
    expect(state.events.map((e) => [e.kind, e.text])).toEqual([
      ['info', expect.stringMatching(/picked up again: it was not ended\. Verify the caller again/)],
    ]);
  });

  it('starts a call when the calls left open cannot be looked up', async () => {
    const requests = stubApi(({ method, url }) =>
      url === '/api/v1/intake/calls/mine/open'
        ? apiError(500, 'Internal error')
        : method === 'POST'
          ? call()
          : undefined,
    );
    await useIntakeStore.getState().open();
    expect(useIntakeStore.getState().call?.id).toBe(CALL_ID);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it("starts a new call when the one left open is another operator's", async () => {
    useIntakeStore.setState({ call: call({ id: 'ffffffff-ffff-4fff-8fff-ffffffffffff' }), callStatus: 'ready' });
    stubApi(({ method }) =>
      method === 'GET'
        ? apiError(403, 'Only the operator who took the call, supervisors and administrators see it')
        : call(),
    );
    await useIntakeStore.getState().open();
    expect(useIntakeStore.getState().call?.id).toBe(CALL_ID);
  });

  it('sets the site of the call, loads its detail and forgets a caller verified for the old site', async () => {
    useIntakeStore.setState({ call: call({ siteId: 'old' }), callStatus: 'ready', verification: verified('B') });
    const requests = stubApi(({ method, url }) => {
      if (method === 'POST' && url.endsWith('/site')) return call({ siteId: SITE_ID, siteName: 'Kvarteret Svalan' });
      if (url === `/api/v1/sites/${SITE_ID}/detail`) return siteDetail();
      return undefined;
    });
    await useIntakeStore.getState().chooseSite(SITE_ID);

    expect(requests[0]).toEqual({
      method: 'POST',
      url: `/api/v1/intake/calls/${CALL_ID}/site`,
      body: { siteId: SITE_ID },
    });
    const state = useIntakeStore.getState();
    expect(state.call?.siteId).toBe(SITE_ID);
    expect(state.verification).toBeNull();
    expect(state.detail?.site.name).toBe('Kvarteret Svalan');
    expect(state.events.map((e) => e.text)).toEqual(['Site: Kvarteret Svalan']);
  });

  it('keeps only the answer to the latest search', async () => {
    useIntakeStore.setState({ call: call(), callStatus: 'ready' });
    const resolvers: ((value: unknown) => void)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => resolvers.push((hits) => resolve(Response.json(hits))))),
    );
    const first = useIntakeStore.getState().search('sva');
    const second = useIntakeStore.getState().search('svalan');
    resolvers[1]!([hit(SITE_ID, 'Svalan', 'Västerås')]);
    await second;
    resolvers[0]!([hit(SITE_ID, 'Old', 'Köping')]);
    await first;
    expect(useIntakeStore.getState().hits.map((h) => h.siteName)).toEqual(['Svalan']);
  });

  it('sends the password to the server only, and keeps no trace of it in the store', async () => {
    useIntakeStore.setState({ call: call({ siteId: SITE_ID }), callStatus: 'ready' });
    const requests = stubApi(({ url }) =>
      url.endsWith('/verify') ? verified('B') : call({ siteId: SITE_ID, verified: true }),
    );
    await useIntakeStore.getState().verify(BO, PASSWORD);

    expect(requests[0]).toEqual({
      method: 'POST',
      url: `/api/v1/intake/calls/${CALL_ID}/verify`,
      body: { personId: BO, password: PASSWORD },
    });
    const state = useIntakeStore.getState();
    expect(state.verification?.verificationId).toBe(VERIFICATION_ID);
    expect(state.call?.verified).toBe(true);
    expect(JSON.stringify(state)).not.toContain(PASSWORD);
  });

  it('replaces an earlier success with a failed attempt: the caller on the line is not verified', async () => {
    useIntakeStore.setState({ call: call({ siteId: SITE_ID }), callStatus: 'ready', verification: verified('B') });
    stubApi(({ url }) => (url.endsWith('/verify') ? wrongPassword(2) : call({ siteId: SITE_ID })));
    await useIntakeStore.getState().verify(BO, 'wrong');

    const state = useIntakeStore.getState();
    expect(state.verification).toMatchObject({ result: 'WRONG_PASSWORD', failedAttempts: 2, verificationId: null });
    expect(state.events.at(-1)).toMatchObject({
      kind: 'failed',
      text: 'Wrong password (2 of 5 allowed within 15 minutes)',
    });
  });

  it('shows a refused verification request (no site yet) apart from a failed verification', async () => {
    useIntakeStore.setState({ call: call(), callStatus: 'ready' });
    stubApi(() => apiError(422, 'The call has no site yet: find the site before verifying the caller'));
    await useIntakeStore.getState().verify(BO, PASSWORD);
    const state = useIntakeStore.getState();
    expect(state.verification).toBeNull();
    expect(state.verifyError).toBe('The call has no site yet: find the site before verifying the caller');
    expect(state.verifying).toBe(false);
  });

  it("rethrows an action's refusal with the server's words and keeps it in the call's events", async () => {
    useIntakeStore.setState({ call: call({ siteId: SITE_ID }), callStatus: 'ready', verification: verified('C') });
    const reason =
      'Refused for Cia Carlsson (level C), FIRE: level C may not put a fire transmitter in service mode; it needs level A or B';
    stubApi(() => apiError(422, reason));
    const attempt = useIntakeStore
      .getState()
      .setServiceMode({ verificationId: VERIFICATION_ID, transmitterId: TX_FIRE, category: null, reason: 'Service' });

    await expect(attempt).rejects.toBeInstanceOf(ApiRequestError);
    await expect(attempt).rejects.toThrow(reason);
    expect(useIntakeStore.getState().events).toEqual([expect.objectContaining({ kind: 'refused', text: reason })]);
  });

  it('keeps the read status in step with what the call changes', async () => {
    useIntakeStore.setState({ call: call({ siteId: SITE_ID }), callStatus: 'ready', verification: verified('B') });
    const caseId = 'abababab-abab-4bab-8bab-abababababab';
    stubApi(({ url }) => {
      if (url.includes('/status?')) {
        return {
          siteId: SITE_ID,
          openCases: [
            { id: caseId, caseNo: 'C-1', category: 'INTRUSION', title: 'Burglary', status: 'QUEUED', queuedAt: T },
          ],
          serviceModes: [],
          blockWindows: [],
        };
      }
      if (url.endsWith('/cancel-case')) return cancelledCase(caseId);
      if (url.endsWith(`/calls/${CALL_ID}`)) return call({ siteId: SITE_ID, outcome: 'ALARM_CANCELLED' });
      return siteDetail();
    });
    await useIntakeStore.getState().loadStatus();
    expect(useIntakeStore.getState().status?.openCases).toHaveLength(1);

    await useIntakeStore.getState().cancelCase({ verificationId: VERIFICATION_ID, caseId, note: null });
    const state = useIntakeStore.getState();
    expect(state.status?.openCases).toEqual([]);
    expect(state.call?.outcome).toBe('ALARM_CANCELLED');
    expect(state.events.map((e) => e.text)).toEqual([
      'Status given: 1 open case(s), 0 service mode(s), 0 block window(s)',
      'Case C-1 (INTRUSION) cancelled as a false alarm',
    ]);
  });
});
