import { beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_FILTER_STORAGE_KEY, reloadQueueFilter, useQueueFilterStore } from './queue-filter-store';

beforeEach(() => {
  localStorage.clear();
  reloadQueueFilter();
});

describe('queue filter store', () => {
  it('keeps the filter in this browser and reads it back after a reload', () => {
    const store = useQueueFilterStore.getState();
    store.toggleCategory('FIRE');
    store.toggleCategory('TECHNICAL');
    store.toggleCategory('FIRE');
    store.setState('waiting');
    store.setText('Björken');
    expect(JSON.parse(localStorage.getItem(QUEUE_FILTER_STORAGE_KEY)!)).toEqual({
      categories: ['TECHNICAL'],
      state: 'waiting',
      text: 'Björken',
    });

    useQueueFilterStore.setState({ filter: { categories: [], state: 'all', text: '' } });
    reloadQueueFilter();
    expect(useQueueFilterStore.getState().filter).toEqual({
      categories: ['TECHNICAL'],
      state: 'waiting',
      text: 'Björken',
    });

    useQueueFilterStore.getState().clear();
    reloadQueueFilter();
    expect(useQueueFilterStore.getState().filter).toEqual({ categories: [], state: 'all', text: '' });
  });

  it('survives a stored value it cannot read', () => {
    localStorage.setItem(QUEUE_FILTER_STORAGE_KEY, '{not json');
    reloadQueueFilter();
    expect(useQueueFilterStore.getState().filter).toEqual({ categories: [], state: 'all', text: '' });
  });
});
