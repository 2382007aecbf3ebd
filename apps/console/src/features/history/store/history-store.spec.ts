import type { ClosedCasePage } from '@arc/shared/case-history';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useHistoryStore } from './history-store';

const store = () => useHistoryStore.getState();

function page(total: number): ClosedCasePage {
  return {
    items: [],
    total,
    page: 1,
    pageSize: 25,
    from: '2026-11-24T23:00:00.000Z',
    to: '2026-12-01T23:00:00.000Z',
  };
}

describe('history store', () => {
  let pending: Map<string, (value: Response) => void>;
  beforeEach(() => {
    store().reset();
    pending = new Map();
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => new Promise<Response>((resolve) => pending.set(url, resolve))),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the answer to the newest search when an older one answers last', async () => {
    store().setFilters({ site: 'Bank' });
    const older = store().search();
    store().setFilters({ site: 'Bankgatan' });
    const newer = store().search();
    await vi.waitFor(() => expect(pending.size).toBe(2));
    const [olderUrl, newerUrl] = [...pending.keys()];
    expect(newerUrl).toContain('site=Bankgatan');
    pending.get(newerUrl!)?.(Response.json(page(2)));
    await newer;
    pending.get(olderUrl!)?.(Response.json(page(7)));
    await older;
    expect(store().page?.total).toBe(2);
    expect(store().status).toBe('ready');
  });

  it('filters that cannot be searched drop the search in flight and say why', async () => {
    const running = store().search();
    store().setFilters({ account: 'not hex' });
    await store().search();
    pending
      .values()
      .next()
      .value?.(Response.json(page(3)));
    await running;
    expect(store().page).toBeNull();
    expect(store().status).toBe('error');
    expect(store().error).toBe('A transmitter account is 3 to 16 characters 0-9 and A-F.');
  });
});
