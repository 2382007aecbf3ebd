import type { DirectorySearchHit } from '@arc/shared/directory';
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { i18n } from '../lib/i18n/i18n';
import type { LoadStatus } from '../utils/request-state';
import { MIN_QUERY_LENGTH } from '../utils/site-search';

export interface SiteSearchProps {
  /** The query last searched: the box starts from it, so coming back shows the same search. */
  query: string;
  hits: readonly DirectorySearchHit[];
  status: LoadStatus;
  error: string | null;
  /** Runs the search for what was typed (debounced); shorter than MIN_QUERY_LENGTH clears it. */
  search: (text: string) => unknown;
  debounceMs: number;
  /** A hit was clicked (or, with `keyboard`, chosen with Enter). */
  onChoose: (hit: DirectorySearchHit) => void;
  /**
   * Makes the box a combobox over a listbox of hits: ↑ ↓ move, Enter calls `onEnter` with what was
   * typed and the highlighted hit, Escape `onEscape`. Without it each hit is a button.
   */
  keyboard?: {
    onEnter: (text: string, highlighted: DirectorySearchHit | undefined) => void;
    onEscape?: (() => void) | undefined;
  };
  /** Choosing is under way: the box is read-only. */
  busy?: boolean;
  inputLabel: string;
  placeholder: string;
  /** What the hit calls its transmitter numbers ("Accounts", "Transmitters"). */
  accountsLabel: string;
  testIds: { input: string; status: string; hit: string; municipality?: string };
  /** Shown above the hits, below the search's own error (e.g. why choosing failed). */
  notice?: ReactNode;
}

/**
 * The one site search of the console (intake and directory): finds a site by transmitter number,
 * site name, street, customer or contract number, or a person's name or phone (the server's search
 * is typo-tolerant and ranks the hits). The municipality stands out: the same street address exists
 * in more than one municipality.
 */
export function SiteSearch(props: SiteSearchProps) {
  const { t } = useTranslation();
  const { query, hits, status, error, search, debounceMs, onChoose, keyboard, busy = false, testIds } = props;
  const [text, setText] = useState(query);
  const [active, setActive] = useState(0);
  const debounced = useDebouncedValue(text, debounceMs);
  const listId = useId();
  useEffect(() => {
    void search(debounced);
  }, [debounced, search]);

  // The highlighted hit stays within the list when new hits arrive.
  const current = hits.length === 0 ? -1 : Math.min(active, hits.length - 1);
  const repeated = repeatedAddresses(hits);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!keyboard) return;
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
        keyboard.onEnter(text, hits[current]);
        break;
      case 'Escape':
        if (keyboard.onEscape) {
          event.preventDefault();
          keyboard.onEscape();
        }
        break;
      default:
        break;
    }
  };

  const comboboxProps = keyboard
    ? {
        role: 'combobox',
        'aria-expanded': hits.length > 0,
        'aria-controls': listId,
        'aria-autocomplete': 'list' as const,
        'aria-activedescendant': current >= 0 ? `${listId}-${current}` : undefined,
        onKeyDown,
        readOnly: busy,
        'aria-busy': busy,
      }
    : {};

  return (
    <>
      <input
        className="field__input directory-search__input"
        type="search"
        aria-label={props.inputLabel}
        placeholder={props.placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        {...comboboxProps}
        data-testid={testIds.input}
        autoFocus
      />
      <p className="muted" aria-live="polite" data-testid={testIds.status}>
        {statusText(status, hits.length, text, keyboard !== undefined)}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {props.notice}
      {keyboard ? (
        <ul className="hit-list" role="listbox" id={listId} aria-label={t('siteSearch.hits')}>
          {hits.map((hit, index) => (
            <li
              key={hit.siteId}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'hit intake-hit intake-hit--active' : 'hit intake-hit'}
              onClick={() => onChoose(hit)}
              onMouseEnter={() => setActive(index)}
              data-testid={testIds.hit}
              data-site-id={hit.siteId}
            >
              <HitText hit={hit} repeated={repeated} props={props} />
            </li>
          ))}
        </ul>
      ) : (
        <ul className="hit-list">
          {hits.map((hit) => (
            <li key={hit.siteId}>
              <button
                type="button"
                className="hit"
                onClick={() => onChoose(hit)}
                data-testid={testIds.hit}
                data-site-id={hit.siteId}
              >
                <HitText hit={hit} repeated={repeated} props={props} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** What the server says a hit matched on; a kind it adds later shows as it comes. */
const MATCH_KINDS = ['account', 'site', 'address', 'customer', 'contract', 'person'] as const;

function isMatchKind(kind: string): kind is (typeof MATCH_KINDS)[number] {
  return (MATCH_KINDS as readonly string[]).includes(kind);
}

function HitText({ hit, repeated, props }: { hit: DirectorySearchHit; repeated: Set<string>; props: SiteSearchProps }) {
  const { t } = useTranslation();
  const municipalityClass = props.keyboard ? 'hit__municipality intake-hit__municipality' : 'hit__municipality';
  return (
    <>
      <span className="hit__name">{hit.siteName}</span>
      <span className="hit__address">
        {hit.address} ·{' '}
        <strong className={municipalityClass} data-testid={props.testIds.municipality}>
          {t('siteSearch.municipality', { name: hit.municipality })}
        </strong>
        {repeated.has(hit.address.toLowerCase()) && (
          <span className="tag tag--warn">{t('siteSearch.sameAddress')}</span>
        )}
      </span>
      <span className="hit__meta">
        {t('siteSearch.customerContract', { customer: hit.customerNo ?? '—', contract: hit.contractNo ?? '—' })} ·{' '}
        {props.accountsLabel} <span className="mono">{hit.accounts.length > 0 ? hit.accounts.join(', ') : '—'}</span>
        <span className="muted">
          {' · '}
          {t('siteSearch.matchedOn', {
            kind: isMatchKind(hit.matchedOn) ? t(`siteSearch.matchedOnKind.${hit.matchedOn}`) : hit.matchedOn,
          })}
        </span>
      </span>
    </>
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

function statusText(status: LoadStatus, count: number, text: string, keyboard: boolean): string {
  if (text.trim().length < MIN_QUERY_LENGTH) return i18n.t('common:siteSearch.typeMore', { count: MIN_QUERY_LENGTH });
  if (status === 'loading') return i18n.t('common:siteSearch.searching');
  if (status === 'ready') {
    if (count === 0) return i18n.t('common:siteSearch.none');
    const found = i18n.t('common:siteSearch.found', { count });
    return keyboard ? `${found} ${i18n.t('common:siteSearch.keyboardHint')}` : found;
  }
  return '';
}
