import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestQueryClient, renderWithClient } from '../../../test/render';
import { directorySearchKey } from '../hooks/use-directory-search';
import { useDirectoryStore } from '../store/directory-store';
import { hit } from '../test/fixtures';
import { DirectorySearch } from './directory-search';

describe('DirectorySearch', () => {
  beforeEach(() => {
    useDirectoryStore.getState().reset();
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json([]))),
    );
  });

  it('shows the municipality of every hit and flags identical street addresses', () => {
    // The answer to 'storgatan 5' is in the cache (as after the search came back).
    const client = createTestQueryClient();
    client.setQueryData(directorySearchKey('storgatan 5'), [
      hit('Svalan', 'Västerås'),
      hit('Svalan', 'Köping'),
      hit('Other', 'Sala', 'Kyrkgatan 1, 733 30'),
    ]);
    useDirectoryStore.setState({ query: 'storgatan 5' });
    renderWithClient(<DirectorySearch />, client);

    const rows = screen.getAllByTestId('search-hit');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('Västerås municipality');
    expect(rows[1]!.textContent).toContain('Köping municipality');
    expect(rows[0]!.textContent).toContain('same street address elsewhere');
    expect(rows[2]!.textContent).not.toContain('same street address elsewhere');
    expect(rows[0]!.textContent).toContain('Customer K100 · Contract A200 · Accounts 1001');
  });
});
