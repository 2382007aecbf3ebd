import type { Contract, OnCallRoster, SiteDetail } from '@arc/shared/directory';
import { create } from 'zustand';
import { i18n } from '../../../lib/i18n/i18n';
import { createLatestRead, messageOf, type LoadStatus } from '../../../utils/request-state';
import { getSiteDetail, listContracts, listRosters } from '../api/directory-api';

export interface DirectoryState {
  /** What the search box last searched for; its hits are server data (hooks/use-directory-search). */
  query: string;

  /** The site whose detail is open; null shows the search. */
  siteId: string | null;
  detail: SiteDetail | null;
  detailStatus: LoadStatus;
  detailError: string | null;

  /** Pick lists for the forms, loaded on first use. */
  contracts: Contract[] | null;
  rosters: OnCallRoster[] | null;

  /** Searches for `query` (the hits come from the query cache, for the latest query only). */
  search: (query: string) => void;
  openSite: (siteId: string) => Promise<void>;
  closeSite: () => void;
  reloadDetail: () => Promise<void>;
  /** Runs a write, then reloads the open detail so the screen shows what the server stored. */
  mutate: <T>(write: () => Promise<T>) => Promise<T>;
  loadContracts: () => Promise<void>;
  loadRosters: () => Promise<void>;
  reset: () => void;
}

const initialState = {
  query: '',
  siteId: null,
  detail: null,
  detailStatus: 'idle',
  detailError: null,
  contracts: null,
  rosters: null,
} satisfies Partial<DirectoryState>;

// Responses can arrive out of order; only the latest detail request may write the store.
const detailRead = createLatestRead();

export const useDirectoryStore = create<DirectoryState>()((set, get) => ({
  ...initialState,

  search: (query) => set({ query }),

  openSite: async (siteId) => {
    set({ siteId, detail: null, detailStatus: 'idle', detailError: null });
    await get().reloadDetail();
  },

  closeSite: () => {
    detailRead.cancel();
    set({ siteId: null, detail: null, detailStatus: 'idle', detailError: null });
  },

  reloadDetail: async () => {
    const { siteId } = get();
    if (siteId === null) return;
    set({ detailStatus: 'loading', detailError: null });
    await detailRead.run((signal) => getSiteDetail(siteId, signal), {
      ok: (detail) => set({ detail, detailStatus: 'ready' }),
      failed: (error) =>
        set({ detailStatus: 'error', detailError: messageOf(error, i18n.t('directory:requestFailed')) }),
    });
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
      console.warn(`[directory] contracts not loaded: ${messageOf(error, i18n.t('directory:requestFailed'))}`);
      set({ contracts: [] });
    }
  },

  loadRosters: async () => {
    try {
      set({ rosters: await listRosters() });
    } catch (error) {
      console.warn(`[directory] rosters not loaded: ${messageOf(error, i18n.t('directory:requestFailed'))}`);
      set({ rosters: [] });
    }
  },

  reset: () => {
    detailRead.cancel();
    set(initialState);
  },
}));
