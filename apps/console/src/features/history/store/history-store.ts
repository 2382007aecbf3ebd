import type { AlarmCategory } from '@arc/shared/alarm';
import type { CaseResult, OperatorPresence } from '@arc/shared/case-handling';
import type { ClosedCasePage } from '@arc/shared/case-history';
import { create } from 'zustand';
import { i18n } from '../../../lib/i18n/i18n';
import { createLatestRead, messageOf, type LoadStatus } from '../../../utils/request-state';
import { listOperators, searchClosedCases } from '../api/history-api';
import { centreDayStart } from '../utils/period';

export interface HistoryFilters {
  /** Part of the site's name or address. */
  site: string;
  /** A transmitter account. */
  account: string;
  /** First and last day of the period (YYYY-MM-DD, centre time); both empty: the last 7 days. */
  fromDay: string;
  toDay: string;
  category: AlarmCategory | '';
  result: CaseResult | '';
  /** A user who worked the cases ('' any). */
  operatorId: string;
}

export const EMPTY_FILTERS: HistoryFilters = {
  site: '',
  account: '',
  fromDay: '',
  toDay: '',
  category: '',
  result: '',
  operatorId: '',
};

export const HISTORY_PAGE_SIZE = 25;

export interface HistoryState {
  filters: HistoryFilters;
  page: ClosedCasePage | null;
  status: LoadStatus;
  error: string | null;
  /** Supervisors: the users to filter by. */
  operators: OperatorPresence[];
  setFilters: (patch: Partial<HistoryFilters>) => void;
  /** Runs the search with the filters; `page` 1 unless paging. */
  search: (page?: number) => Promise<void>;
  loadOperators: () => Promise<void>;
  reset: () => void;
}

/** The query string for the filters, or a problem in words when they cannot be searched. */
export function historyQuery(filters: HistoryFilters, page: number): URLSearchParams | { problem: string } {
  const query = new URLSearchParams();
  const site = filters.site.trim();
  if (site) query.set('site', site);
  const account = filters.account.trim();
  if (account) {
    if (!/^[0-9A-Fa-f]{3,16}$/.test(account)) return { problem: i18n.t('history:problem.account') };
    query.set('account', account);
  }
  const from = filters.fromDay ? centreDayStart(filters.fromDay) : null;
  const to = filters.toDay ? centreDayStart(filters.toDay, 1) : null;
  if (filters.fromDay && !from) return { problem: i18n.t('history:problem.firstDay') };
  if (filters.toDay && !to) return { problem: i18n.t('history:problem.lastDay') };
  if (from && to && from.getTime() >= to.getTime()) return { problem: i18n.t('history:problem.order') };
  if (from) query.set('from', from.toISOString());
  if (to) query.set('to', to.toISOString());
  if (filters.category) query.set('category', filters.category);
  if (filters.result) query.set('result', filters.result);
  if (filters.operatorId) query.set('operatorId', filters.operatorId);
  if (page > 1) query.set('page', String(page));
  query.set('pageSize', String(HISTORY_PAGE_SIZE));
  return query;
}

// Only the newest search may write the store.
const searchRead = createLatestRead();

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  filters: EMPTY_FILTERS,
  page: null,
  status: 'idle',
  error: null,
  operators: [],

  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),

  search: async (page = 1) => {
    const query = historyQuery(get().filters, page);
    if ('problem' in query) {
      searchRead.cancel();
      set({ status: 'error', error: query.problem });
      return;
    }
    set({ status: 'loading', error: null });
    await searchRead.run((signal) => searchClosedCases(query, signal), {
      ok: (found) => set({ page: found, status: 'ready' }),
      failed: (error) => set({ status: 'error', error: messageOf(error, i18n.t('history:problem.searchFailed')) }),
    });
  },

  loadOperators: async () => {
    try {
      set({ operators: await listOperators() });
    } catch {
      // The filter then offers "anyone" only.
    }
  },

  reset: () => {
    searchRead.cancel();
    set({ filters: EMPTY_FILTERS, page: null, status: 'idle', error: null, operators: [] });
  },
}));
