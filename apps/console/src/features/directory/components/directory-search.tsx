import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { SiteSearch } from '../../../components/site-search';
import { useDirectorySearch } from '../hooks/use-directory-search';
import { useDirectoryStore } from '../store/directory-store';

const DEBOUNCE_MS = 250;
const TEST_IDS = { input: 'directory-search', status: 'directory-search-status', hit: 'search-hit' } as const;

/** The directory's start: find a site to open (each hit is a button). */
export function DirectorySearch() {
  const { query, search, openSite } = useDirectoryStore(
    useShallow((state) => ({ query: state.query, search: state.search, openSite: state.openSite })),
  );
  const { hits, status, error } = useDirectorySearch(query);
  const { t } = useTranslation('directory');

  return (
    <section className="directory-search" aria-labelledby="directory-search-heading">
      <h2 id="directory-search-heading" className="queue__heading">
        {t('search.heading')}
      </h2>
      <SiteSearch
        query={query}
        hits={hits}
        status={status}
        error={error}
        search={search}
        debounceMs={DEBOUNCE_MS}
        onChoose={(hit) => void openSite(hit.siteId)}
        inputLabel={t('search.inputLabel')}
        placeholder={t('search.placeholder')}
        accountsLabel={t('search.accounts')}
        testIds={TEST_IDS}
      />
    </section>
  );
}
