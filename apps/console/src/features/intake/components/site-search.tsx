import type { DirectorySearchHit } from '@arc/shared/directory';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { SiteSearch as SiteSearchBox } from '../../../components/site-search';
import { MIN_QUERY_LENGTH } from '../../../utils/site-search';
import { useIntakeStore } from '../store/intake-store';

const DEBOUNCE_MS = 200;

/** The search box's test ids (code, not text). */
const TEST_IDS = {
  input: 'intake-search',
  status: 'intake-search-status',
  hit: 'intake-hit',
  municipality: 'intake-hit-municipality',
};

export interface SiteSearchProps {
  /** After the call's site was set. */
  onChosen: () => void;
  /** Back to the chosen site without changing it; absent while the call has none. */
  onCancel?: (() => void) | undefined;
}

/** Step 1 of a call: finds the caller's site; arrow keys move through the hits, Enter chooses one. */
export function SiteSearch({ onChosen, onCancel }: SiteSearchProps) {
  const { t } = useTranslation('intake');
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
  const [choosing, setChoosing] = useState(false);

  const choose = async (hit: DirectorySearchHit | undefined) => {
    if (!hit || choosing) return;
    setChoosing(true);
    await chooseSite(hit.siteId);
    setChoosing(false);
    if (useIntakeStore.getState().call?.siteId === hit.siteId && !useIntakeStore.getState().siteError) onChosen();
  };

  // Enter right after typing must not choose from the hits of an older query: search first.
  const enter = async (text: string, highlighted: DirectorySearchHit | undefined) => {
    const typed = text.trim();
    if (typed === query.trim() && status === 'ready') return choose(highlighted);
    if (typed.length < MIN_QUERY_LENGTH) return;
    await search(text);
    const fresh = useIntakeStore.getState();
    if (fresh.query.trim() === typed && fresh.searchStatus === 'ready') await choose(fresh.hits[0]);
  };

  return (
    <section
      className="detail-section intake__step"
      aria-labelledby="intake-search-heading"
      data-testid="intake-search-step"
    >
      <div className="detail-section__header">
        <h3 id="intake-search-heading" className="detail-section__title">
          {t('search.title')}
        </h3>
        {onCancel && (
          <button className="button button--small" type="button" onClick={onCancel} data-testid="intake-search-cancel">
            {t('search.keepSite')}
          </button>
        )}
      </div>
      <SiteSearchBox
        query={query}
        hits={hits}
        status={status}
        error={error}
        search={search}
        debounceMs={DEBOUNCE_MS}
        onChoose={(hit) => void choose(hit)}
        keyboard={{ onEnter: (text, highlighted) => void enter(text, highlighted), onEscape: onCancel }}
        busy={choosing}
        inputLabel={t('search.inputLabel')}
        placeholder={t('search.placeholder')}
        accountsLabel={t('search.accounts')}
        testIds={TEST_IDS}
        notice={
          siteError && (
            <p className="form-error" role="alert" data-testid="intake-site-error">
              {siteError}
            </p>
          )
        }
      />
    </section>
  );
}
