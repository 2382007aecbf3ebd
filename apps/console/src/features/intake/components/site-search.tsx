import type { DirectorySearchHit } from '@arc/shared';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { MIN_QUERY_LENGTH, useIntakeStore } from '../store/intake-store';

const DEBOUNCE_MS = 200;

export interface SiteSearchProps {
  /** After the call's site was set. */
  onChosen: () => void;
  /** Back to the chosen site without changing it; absent while the call has none. */
  onCancel?: (() => void) | undefined;
}

/**
 * Finds the caller's site by transmitter number, site name, street, customer or contract number,
 * or a person's name or phone (the server's search is typo-tolerant and ranks the hits). Arrow
 * keys move through the hits, Enter chooses one. The municipality stands out: the same street
 * address exists in more than one municipality.
 */
export function SiteSearch({ onChosen, onCancel }: SiteSearchProps) {
  const { query, hits, status, error, siteError, search, chooseSite } = useIntakeStore(
    useShallow((state) => ({
      query: state.query,
      hits: state.hits,
      status: state.searchStatus,
      error: state.searchError,
      siteError: state.siteError,
      search: state.search,
      chooseSite: state.chooseSite,
    })),
  );
  const [text, setText] = useState(query);
  const [active, setActive] = useState(0);
  const [choosing, setChoosing] = useState(false);
  const debounced = useDebouncedValue(text, DEBOUNCE_MS);
  const listId = useId();
  useEffect(() => {
    void search(debounced);
  }, [debounced, search]);

  // The highlighted hit stays within the list when new hits arrive.
  const current = hits.length === 0 ? -1 : Math.min(active, hits.length - 1);
  const repeated = repeatedAddresses(hits);

  const choose = async (hit: DirectorySearchHit | undefined) => {
    if (!hit || choosing) return;
    setChoosing(true);
    await chooseSite(hit.siteId);
    setChoosing(false);
    if (useIntakeStore.getState().call?.siteId === hit.siteId && !useIntakeStore.getState().siteError) onChosen();
  };

  // Enter right after typing must not choose from the hits of an older query: search first.
  const enter = async () => {
    const typed = text.trim();
    if (typed === query.trim() && status === 'ready') return choose(hits[current]);
    if (typed.length < MIN_QUERY_LENGTH) return;
    await search(text);
    const fresh = useIntakeStore.getState();
    if (fresh.query.trim() === typed && fresh.searchStatus === 'ready') await choose(fresh.hits[0]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive(Math.min(current + 1, hits.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive(Math.max(current - 1, 0));
        break;
      case 'Enter':
        event.preventDefault();
        void enter();
        break;
      case 'Escape':
        if (onCancel) {
          event.preventDefault();
          onCancel();
        }
        break;
      default:
        break;
    }
  };

  return (
    <section
      className="detail-section intake__step"
      aria-labelledby="intake-search-heading"
      data-testid="intake-search-step"
    >
      <div className="detail-section__header">
        <h3 id="intake-search-heading" className="detail-section__title">
          1 · Find the site
        </h3>
        {onCancel && (
          <button className="button button--small" type="button" onClick={onCancel} data-testid="intake-search-cancel">
            Keep the current site
          </button>
        )}
      </div>
      <input
        className="field__input directory-search__input"
        type="search"
        role="combobox"
        aria-label="Search transmitter number, site, street, customer or contract number, person name or phone"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? `${listId}-${current}` : undefined}
        placeholder="Transmitter no, site, street, customer/contract no, person name or phone…"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        readOnly={choosing}
        aria-busy={choosing}
        data-testid="intake-search"
        autoFocus
      />
      <p className="muted" aria-live="polite" data-testid="intake-search-status">
        {statusText(status, hits.length, text)}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {siteError && (
        <p className="form-error" role="alert" data-testid="intake-site-error">
          {siteError}
        </p>
      )}
      <ul className="hit-list" role="listbox" id={listId} aria-label="Sites found">
        {hits.map((hit, index) => (
          <li
            key={hit.siteId}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'hit intake-hit intake-hit--active' : 'hit intake-hit'}
            onClick={() => void choose(hit)}
            onMouseEnter={() => setActive(index)}
            data-testid="intake-hit"
            data-site-id={hit.siteId}
          >
            <span className="hit__name">{hit.siteName}</span>
            <span className="hit__address">
              {hit.address} ·{' '}
              <strong className="hit__municipality intake-hit__municipality" data-testid="intake-hit-municipality">
                {hit.municipality} municipality
              </strong>
              {repeated.has(hit.address.toLowerCase()) && (
                <span className="tag tag--warn">same street address elsewhere — check municipality</span>
              )}
            </span>
            <span className="hit__meta">
              Customer {hit.customerNo ?? '—'} · Contract {hit.contractNo ?? '—'} · Transmitters{' '}
              <span className="mono">{hit.accounts.length > 0 ? hit.accounts.join(', ') : '—'}</span>
              <span className="muted"> · matched on {hit.matchedOn}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Street addresses that appear in more than one municipality among the hits. */
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
  if (status === 'ready') {
    return count === 0
      ? 'No sites found.'
      : `${count} site${count === 1 ? '' : 's'} found. ↑ ↓ to move, Enter to choose.`;
  }
  return '';
}
