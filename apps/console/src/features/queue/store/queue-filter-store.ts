import type { AlarmCategory } from '@arc/shared/alarm';
import { create } from 'zustand';
import { NO_FILTER, parseQueueFilter, type QueueFilter, type QueueStateFilter } from '../utils/queue-filter';

/** Kept per browser: an operator's filter is still there after a reload (and said so on screen). */
export const QUEUE_FILTER_STORAGE_KEY = 'arc.queue-filter';

export interface QueueFilterState {
  filter: QueueFilter;
  toggleCategory: (category: AlarmCategory) => void;
  setState: (state: QueueStateFilter) => void;
  setText: (text: string) => void;
  clear: () => void;
}

function load(): QueueFilter {
  try {
    const raw = globalThis.localStorage?.getItem(QUEUE_FILTER_STORAGE_KEY);
    return raw ? parseQueueFilter(JSON.parse(raw)) : NO_FILTER;
  } catch {
    return NO_FILTER;
  }
}

function save(filter: QueueFilter): void {
  try {
    globalThis.localStorage?.setItem(QUEUE_FILTER_STORAGE_KEY, JSON.stringify(filter));
  } catch {
    // Private mode or a full storage: the filter still works for this page.
  }
}

export const useQueueFilterStore = create<QueueFilterState>()((set, get) => {
  const update = (filter: QueueFilter) => {
    save(filter);
    set({ filter });
  };
  return {
    filter: load(),
    toggleCategory: (category) => {
      const { filter } = get();
      const categories = filter.categories.includes(category)
        ? filter.categories.filter((c) => c !== category)
        : [...filter.categories, category];
      update({ ...filter, categories });
    },
    setState: (state) => update({ ...get().filter, state }),
    setText: (text) => update({ ...get().filter, text: text.slice(0, 100) }),
    clear: () => update(NO_FILTER),
  };
});

/** Reads the stored filter again (tests; another tab's change). */
export function reloadQueueFilter(): void {
  useQueueFilterStore.setState({ filter: load() });
}
