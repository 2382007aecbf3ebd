import type { ServiceCompany } from '@arc/shared/directory';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { MIN_QUERY_LENGTH } from '../../../utils/site-search';
import { fetchCompanies, fetchInstallers, fetchSite, searchSites } from '../api/service-companies-api';

export const COMPANIES_KEY = ['service-companies'] as const;
export const installersKey = (listId: string) => ['authorization-lists', listId, 'persons'] as const;
const siteKey = (id: string) => ['sites', id] as const;

/** Every service company (one page holds them all). */
export function useCompanies() {
  return useQuery({ queryKey: COMPANIES_KEY, queryFn: ({ signal }) => fetchCompanies(signal) });
}

/** The company's installers: the persons on its own authorization list. */
export function useInstallers(listId: string) {
  return useQuery({ queryKey: installersKey(listId), queryFn: ({ signal }) => fetchInstallers(listId, signal) });
}

/** The company's sites, each read once and kept in the cache. */
export function useSites(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: siteKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchSite(id, signal),
    })),
  });
}

/** Sites found for what was typed (nothing is asked below MIN_QUERY_LENGTH characters). */
export function useSiteSearch(text: string) {
  const q = text.trim();
  const enabled = q.length >= MIN_QUERY_LENGTH;
  const result = useQuery({
    queryKey: ['service-companies', 'site-search', q],
    queryFn: ({ signal }) => searchSites(q, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
  return { enabled, ...result };
}

/** After a write: the server's answer in the cache at once, then the list read again. */
export function useCompanyCache() {
  const client = useQueryClient();
  return {
    put(company: ServiceCompany) {
      client.setQueryData(COMPANIES_KEY, (page: Awaited<ReturnType<typeof fetchCompanies>> | undefined) => {
        if (!page) return page;
        const known = page.items.some((c) => c.id === company.id);
        return {
          ...page,
          items: known ? page.items.map((c) => (c.id === company.id ? company : c)) : [...page.items, company],
        };
      });
      void client.invalidateQueries({ queryKey: COMPANIES_KEY, exact: true });
    },
    refresh() {
      return client.invalidateQueries({ queryKey: COMPANIES_KEY, exact: true });
    },
    refreshInstallers(listId: string) {
      return client.invalidateQueries({ queryKey: installersKey(listId) });
    },
  };
}
