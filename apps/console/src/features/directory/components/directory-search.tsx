import type { DirectorySearchHit } from '@arc/shared';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { MIN_QUERY_LENGTH, useDirectoryStore } from '../store/directory-store';

const DEBOUNCE_MS = 250;

export function DirectorySearch() {
  const { query, hits, status, error, search, openSite } = useDirectoryStore(
    useShallow((state) => ({
      query: state.query,
      hits: state.hits,
      status: state.searchStatus,
      error: state.searchError,
      search: state.search,
      openSite: state.openSite,
    })),
  );
  // Starts from the store so coming back from a site shows the same search.
  const [text, setText] = useState(query);
  const debounced = useDebouncedValue(text, DEBOUNCE_MS);
  useEffect(() => {
    void search(debounced);
  }, [debounced, search]);

  const repeated = repeatedAddresses(hits);

  return (
    <section className="directory-search" aria-labelledby="directory-search-heading">
      <h2 id="directory-search-heading" className="queue__heading">
        Find a site
      </h2>
      <input
        className="field__input directory-search__input"
        type="search"
        aria-label="Search account, site, address, customer, contract or person"
        placeholder="Account, site, address, customer no, contract no, person…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="directory-search"
        autoFocus
      />
      <p className="muted" aria-live="polite" data-testid="directory-search-status">
        {statusText(status, hits.length, text)}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="hit-list">
        {hits.map((hit) => (
          <li key={hit.siteId}>
            <SearchHit hit={hit} sameAddressElsewhere={repeated.has(hit.address.toLowerCase())} onOpen={openSite} />
          </li>
        ))}
      </ul>
    </section>
  );
}

interface SearchHitProps {
  hit: DirectorySearchHit;
  sameAddressElsewhere: boolean;
  onOpen: (siteId: string) => Promise<void>;
}

function SearchHit({ hit, sameAddressElsewhere, onOpen }: SearchHitProps) {
  return (
    <button
      type="button"
      className="hit"
      onClick={() => void onOpen(hit.siteId)}
      data-testid="search-hit"
      data-site-id={hit.siteId}
    >
      <span className="hit__name">{hit.siteName}</span>
      <span className="hit__address">
        {hit.address} · <strong className="hit__municipality">{hit.municipality} municipality</strong>
        {sameAddressElsewhere && (
          <span className="tag tag--warn">same street address elsewhere — check municipality</span>
        )}
      </span>
      <span className="hit__meta">
        Customer {hit.customerNo ?? '—'} · Contract {hit.contractNo ?? '—'} · Accounts{' '}
        {hit.accounts.length > 0 ? hit.accounts.join(', ') : '—'}
        <span className="muted"> · matched on {hit.matchedOn}</span>
      </span>
    </button>
  );
}

/** Street addresses that appear in more than one hit, so the operator looks twice at the municipality. */
function repeatedAddresses(hits: readonly DirectorySearchHit[]): Set<string> {
  const municipalities = new Map<string, Set<string>>();
  for (const hit of hits) {
    const key = hit.address.toLowerCase();
    const set = municipalities.get(key) ?? new Set<string>();
    set.add(hit.municipality);
    municipalities.set(key, set);
  }
  return new Set([...municipalities].filter(([, set]) => set.size > 1).map(([key]) => key));
}

function statusText(status: string, count: number, text: string): string {
  if (text.trim().length < MIN_QUERY_LENGTH) return `Type at least ${MIN_QUERY_LENGTH} characters.`;
  if (status === 'loading') return 'Searching…';
  if (status === 'ready') return count === 0 ? 'No sites found.' : `${count} site${count === 1 ? '' : 's'} found.`;
  return '';
}
