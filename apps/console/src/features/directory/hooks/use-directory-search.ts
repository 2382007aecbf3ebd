import type { DirectorySearchHit } from '@arc/shared/directory';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { i18n } from '../../../lib/i18n/i18n';
import { messageOf, type LoadStatus } from '../../../utils/request-state';
import { MIN_QUERY_LENGTH } from '../../../utils/site-search';
import { searchDirectory } from '../api/directory-api';

export const SEARCH_LIMIT = 25;

export interface DirectorySearchResult {
  hits: readonly DirectorySearchHit[];
  status: LoadStatus;
  error: string | null;
}

const NO_HITS: readonly DirectorySearchHit[] = [];

/** The cache key of one directory search (the trimmed text). */
export function directorySearchKey(query: string) {
  return ['directory', 'search', query.trim()] as const;
}

/**
 * The directory's hits for `query`. The answer shown is always the one for the current query: an
 * older search answering late only fills its own cache entry. While a new query loads, the hits of
 * the previous one stay on screen; shorter than MIN_QUERY_LENGTH asks nothing.
 */
export function useDirectorySearch(query: string): DirectorySearchResult {
  const trimmed = query.trim();
  const enabled = trimmed.length >= MIN_QUERY_LENGTH;
  const result = useQuery({
    queryKey: directorySearchKey(trimmed),
    queryFn: ({ signal }) => searchDirectory(trimmed, SEARCH_LIMIT, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
  if (!enabled) return { hits: NO_HITS, status: 'idle', error: null };
  if (result.isError)
    return { hits: NO_HITS, status: 'error', error: messageOf(result.error, i18n.t('directory:requestFailed')) };
  return {
    hits: result.data ?? NO_HITS,
    status: result.isFetching || result.isPlaceholderData ? 'loading' : result.isSuccess ? 'ready' : 'loading',
    error: null,
  };
}
