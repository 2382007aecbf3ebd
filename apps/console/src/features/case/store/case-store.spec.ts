import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, CASE_ID, caseDetail, ME, stubApi, summary } from '../test/fixtures';
import { useCaseStore } from './case-store';

const store = () => useCaseStore.getState();
const OTHER_ID = '99999999-9999-4999-8999-999999999999';

describe('case store', () => {
  beforeEach(() => {
    store().reset();
    store().setUser(ME.userId);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('takes the next case and opens it', async () => {
    const calls = stubApi(() => caseDetail());
    await store().takeNext();

    expect(calls).toEqual([{ method: 'POST', path: '/cases/take-next', body: undefined }]);
    expect(store().caseId).toBe(CASE_ID);
    expect(store().detail?.summary.caseNo).toBe('2026-000042');
    expect(store().taking).toBe(false);
  });

  it('drops the detail of a case the operator left for another, even when it arrives last', async () => {
    const pending = new Map<string, (value: Response) => void>();
    const signals: AbortSignal[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit = {}) => {
        if (init.signal) signals.push(init.signal);
        return new Promise<Response>((resolve) => pending.set(url, resolve));
      }),
    );
    const first = store().open(OTHER_ID);
    const second = store().open(CASE_ID);
    await vi.waitFor(() => expect(pending.size).toBe(2));
    pending.get(`/api/v1/cases/${CASE_ID}`)?.(Response.json(caseDetail()));
    await second;
    pending.get(`/api/v1/cases/${OTHER_ID}`)?.(
      Response.json(caseDetail({ summary: summary({ id: OTHER_ID, caseNo: '2026-000099' }) })),
    );
    await first;
    expect(store().caseId).toBe(CASE_ID);
    expect(store().detail?.summary.caseNo).toBe('2026-000042');
    expect(store().status).toBe('ready');
    expect(signals[0]?.aborted).toBe(true);
  });

  it('says so when no case waits (204)', async () => {
    stubApi(() => undefined);
    await store().takeNext();
    expect(store().caseId).toBeNull();
    expect(store().notice).toBe('No case is waiting.');
  });

  it('shows why a case could not be taken', async () => {
    stubApi(() => apiError(503, 'The queue is not available'));
    await store().takeNext();
    expect(store().notice).toBe('Could not take a case: The queue is not available');
  });

  it('does not take another case while the operator works one', async () => {
    const calls = stubApi(() => caseDetail());
    useCaseStore.setState({ caseId: CASE_ID, detail: caseDetail(), status: 'ready' });
    await store().takeNext();
    expect(calls).toEqual([]);
    expect(store().notice).toMatch(/^Finish case 2026-000042 first/);
  });

  it('reopens the case held before the page reload, preferring the one in the address', async () => {
    const calls = stubApi(({ path }) => {
      if (path === '/cases/mine') return [summary({ id: OTHER_ID }), summary()];
      return caseDetail();
    });
    await store().restore(CASE_ID);
    expect(calls.map((c) => c.path)).toEqual(['/cases/mine', `/cases/${CASE_ID}`]);
    expect(store().caseId).toBe(CASE_ID);
    expect(store().status).toBe('ready');
  });

  it('stays on the queue when the operator holds nothing', async () => {
    stubApi(() => []);
    await store().restore(CASE_ID);
    expect(store().caseId).toBeNull();
  });

  it('fetches the open case when a newer version arrives, and ignores older ones', async () => {
    const calls = stubApi(() => caseDetail({ summary: summary({ version: 4, signalCount: 2 }) }));
    useCaseStore.setState({ caseId: CASE_ID, detail: caseDetail(), status: 'ready' });

    store().noteChange(summary({ version: 2 }));
    store().noteChange(summary({ version: 3 }));
    expect(calls).toEqual([]);

    store().noteChange(summary({ version: 4, signalCount: 2 }));
    await vi.waitFor(() => expect(store().detail?.summary.signalCount).toBe(2));
    expect(calls.map((c) => c.path)).toEqual([`/cases/${CASE_ID}`]);
  });

  it('folds changes that come while a fetch runs into one more fetch', async () => {
    let version = 3;
    const calls = stubApi(() => caseDetail({ summary: summary({ version: ++version }) }));
    useCaseStore.setState({ caseId: CASE_ID, detail: caseDetail(), status: 'ready' });

    store().noteChange(summary({ version: 4 }));
    store().noteChange(summary({ version: 5 }));
    store().noteChange(summary({ version: 6 }));
    await store().reload();

    expect(calls).toHaveLength(2);
  });

  it('opens a case a supervisor gave this operator when none is open', async () => {
    stubApi(() => caseDetail({ summary: summary({ id: OTHER_ID, caseNo: '2026-000043' }) }));
    store().noteChange(summary({ id: OTHER_ID, caseNo: '2026-000043' }));
    expect(store().notice).toBe('Case 2026-000043 was given to you.');
    await vi.waitFor(() => expect(store().detail?.summary.id).toBe(OTHER_ID));
  });

  it('fetches the open case after a snapshot that no longer lists it (closed meanwhile)', async () => {
    const calls = stubApi(() => caseDetail({ summary: summary({ status: 'CLOSED', version: 9 }) }));
    useCaseStore.setState({ caseId: CASE_ID, detail: caseDetail(), status: 'ready' });
    store().noteSnapshot([]);
    await vi.waitFor(() => expect(store().detail?.summary.status).toBe('CLOSED'));
    expect(calls).toHaveLength(1);
  });

  it('leaves the case screen when finished, and looks for another held case', async () => {
    const calls = stubApi(() => []);
    useCaseStore.setState({ caseId: CASE_ID, detail: caseDetail(), status: 'ready' });
    store().finish('Case 2026-000042 closed.');
    expect(store().caseId).toBeNull();
    expect(store().notice).toBe('Case 2026-000042 closed.');
    await vi.waitFor(() => expect(calls.map((c) => c.path)).toEqual(['/cases/mine']));
  });
});
