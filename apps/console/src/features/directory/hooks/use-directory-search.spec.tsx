import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHookWithClient } from '../../../test/render';
import { hit } from '../test/fixtures';
import { useDirectorySearch } from './use-directory-search';

// These were the directory store's search tests (its searchSeq guard); the same behaviour, now
// from the query layer.
describe('directory search (query layer)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does not ask the server for queries shorter than two characters', () => {
    const fetchMock = vi.fn(() => Promise.resolve(Response.json([])));
    vi.stubGlobal('fetch', fetchMock);
    const { result } = renderHookWithClient(() => useDirectorySearch('a'));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(result.current.status).toBe('idle');
  });

  it('keeps only the answer to the latest search when answers arrive out of order', async () => {
    const resolvers: ((hits: unknown) => void)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => resolvers.push((hits) => resolve(Response.json(hits))))),
    );
    const { result, rerender } = renderHookWithClient((query: string) => ({ query, ...useDirectorySearch(query) }), {
      initialProps: 'sva',
    });
    await waitFor(() => expect(resolvers).toHaveLength(1));
    rerender('svalan');
    await waitFor(() => expect(resolvers).toHaveLength(2));
    await act(async () => resolvers[1]!([hit('Svalan', 'Västerås')]));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(async () => resolvers[0]!([hit('Old', 'Köping')]));

    const state = result.current;
    expect(state.hits.map((h) => h.siteName)).toEqual(['Svalan']);
    expect(state.query).toBe('svalan');
  });

  it('encodes the query and shows a failed search as an error', async () => {
    const fetchMock = vi.fn((_url: string) =>
      Promise.resolve(Response.json({ statusCode: 500, error: 'x', message: 'Search is down' }, { status: 500 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { result } = renderHookWithClient(() => useDirectorySearch('Storgatan 5&x'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/directory/search?q=Storgatan+5%26x&limit=25');
    expect(result.current.status).toBe('error');
    expect(result.current.error).toBe('Search is down');
  });
});
