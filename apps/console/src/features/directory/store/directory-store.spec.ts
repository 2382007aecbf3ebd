import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SITE_ID, siteDetail } from '../test/fixtures';
import { useDirectoryStore } from './directory-store';

function stubFetch(handler: (url: string, init: RequestInit) => unknown) {
  const fetchMock = vi.fn((url: string, init: RequestInit = {}) => {
    const body = handler(url, init);
    return Promise.resolve(body === undefined ? new Response(null, { status: 204 }) : Response.json(body));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('directory store', () => {
  beforeEach(() => useDirectoryStore.getState().reset());
  afterEach(() => vi.unstubAllGlobals());

  it('opens a site by loading its detail', async () => {
    stubFetch((url) => (url.endsWith(`/sites/${SITE_ID}/detail`) ? siteDetail() : null));
    await useDirectoryStore.getState().openSite(SITE_ID);
    const state = useDirectoryStore.getState();
    expect(state.siteId).toBe(SITE_ID);
    expect(state.detailStatus).toBe('ready');
    expect(state.detail?.site.name).toBe('Kvarteret Svalan');
  });

  it('reloads the detail after every write', async () => {
    let name = 'Before';
    const fetchMock = stubFetch((url, init) => {
      if (init.method === 'PUT') {
        name = 'After';
        return { ok: true };
      }
      return siteDetail(name);
    });
    await useDirectoryStore.getState().openSite(SITE_ID);
    expect(useDirectoryStore.getState().detail?.site.name).toBe('Before');

    await useDirectoryStore
      .getState()
      .mutate(() => fetch(`/api/v1/sites/${SITE_ID}`, { method: 'PUT' }).then((r) => r.json()));
    expect(useDirectoryStore.getState().detail?.site.name).toBe('After');
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('drops a detail that arrives after the site was closed', async () => {
    let resolve: (value: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((r) => (resolve = r))),
    );
    const opening = useDirectoryStore.getState().openSite(SITE_ID);
    useDirectoryStore.getState().closeSite();
    resolve(Response.json(siteDetail()));
    await opening;
    expect(useDirectoryStore.getState().detail).toBeNull();
    expect(useDirectoryStore.getState().siteId).toBeNull();
  });

  it('sends the bearer token from the token source', async () => {
    const { setTokenSource } = await import('../../../lib/api');
    setTokenSource(() => 'tok-1');
    const fetchMock = stubFetch(() => siteDetail());
    await useDirectoryStore.getState().openSite(SITE_ID);
    const init = fetchMock.mock.calls[0]?.[1];
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
    setTokenSource(() => null);
  });
});
