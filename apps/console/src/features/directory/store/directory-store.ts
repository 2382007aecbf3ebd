import type { Contract, DirectorySearchHit, OnCallRoster, SiteDetail } from '@arc/shared';
import { create } from 'zustand';
import { messageOf, type LoadStatus } from '../../../utils/request-state';
import { MIN_QUERY_LENGTH } from '../../../utils/site-search';
import { getSiteDetail, listContracts, listRosters, searchDirectory } from '../api/directory-api';

export interface DirectoryState {
  query: string;
  hits: DirectorySearchHit[];
  searchStatus: LoadStatus;
  searchError: string | null;

  /** The site whose detail is open; null shows the search. */
  siteId: string | null;
  detail: SiteDetail | null;
  detailStatus: LoadStatus;
  detailError: string | null;

  /** Pick lists for the forms, loaded on first use. */
  contracts: Contract[] | null;
  rosters: OnCallRoster[] | null;

  search: (query: string) => Promise<void>;
  openSite: (siteId: string) => Promise<void>;
  closeSite: () => void;
  reloadDetail: () => Promise<void>;
  /** Runs a write, then reloads the open detail so the screen shows what the server stored. */
  mutate: <T>(write: () => Promise<T>) => Promise<T>;
  loadContracts: () => Promise<void>;
  loadRosters: () => Promise<void>;
  reset: () => void;
}

export const SEARCH_LIMIT = 25;

const initialState = {
  query: '',
  hits: [],
  searchStatus: 'idle',
  searchError: null,
  siteId: null,
  detail: null,
  detailStatus: 'idle',
  detailError: null,
  contracts: null,
  rosters: null,
} satisfies Partial<DirectoryState>;

// Responses can arrive out of order; only the latest request of each kind may write the store.
let searchSeq = 0;
let detailSeq = 0;

export const useDirectoryStore = create<DirectoryState>()((set, get) => ({
  ...initialState,

  search: async (query) => {
    const seq = ++searchSeq;
    const trimmed = query.trim();
    if (trimmed.length < MIN_QUERY_LENGTH) {
      set({ query, hits: [], searchStatus: 'idle', searchError: null });
      return;
    }
    set({ query, searchStatus: 'loading', searchError: null });
    try {
      const hits = await searchDirectory(trimmed, SEARCH_LIMIT);
      if (seq === searchSeq) set({ hits, searchStatus: 'ready' });
    } catch (error) {
      if (seq === searchSeq) set({ hits: [], searchStatus: 'error', searchError: messageOf(error, 'Request failed') });
    }
  },

  openSite: async (siteId) => {
    set({ siteId, detail: null, detailStatus: 'idle', detailError: null });
    await get().reloadDetail();
  },

  closeSite: () => {
    detailSeq += 1;
    set({ siteId: null, detail: null, detailStatus: 'idle', detailError: null });
  },

  reloadDetail: async () => {
    const { siteId } = get();
    if (siteId === null) return;
    const seq = ++detailSeq;
    set({ detailStatus: 'loading', detailError: null });
    try {
      const detail = await getSiteDetail(siteId);
      if (seq === detailSeq) set({ detail, detailStatus: 'ready' });
    } catch (error) {
      if (seq === detailSeq) set({ detailStatus: 'error', detailError: messageOf(error, 'Request failed') });
    }
  },

  mutate: async (write) => {
    const result = await write();
    await get().reloadDetail();
    return result;
  },

  loadContracts: async () => {
    try {
      set({ contracts: await listContracts() });
    } catch (error) {
      console.warn(`[directory] contracts not loaded: ${messageOf(error, 'Request failed')}`);
      set({ contracts: [] });
    }
  },

  loadRosters: async () => {
    try {
      set({ rosters: await listRosters() });
    } catch (error) {
      console.warn(`[directory] rosters not loaded: ${messageOf(error, 'Request failed')}`);
      set({ rosters: [] });
    }
  },

  reset: () => {
    searchSeq += 1;
    detailSeq += 1;
    set(initialState);
  },
}));
