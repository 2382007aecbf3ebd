import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getAlarmEvents, listContracts, listCustomers, type CustomerListQuery } from '../api/customers-api';

/** Every cache key of this feature starts here, so one invalidation refreshes what a write changed. */
export const CUSTOMERS_KEY = ['admin-customers'] as const;

export const customerPageKey = (query: CustomerListQuery) =>
  [...CUSTOMERS_KEY, 'page', query.q.trim(), query.page, query.pageSize] as const;
export const contractsKey = (customerId: string) => [...CUSTOMERS_KEY, 'contracts', customerId] as const;
export const alarmEventsKey = (contractId: string) => [...CUSTOMERS_KEY, 'alarm-events', contractId] as const;

/** One page of customers; while the next page or search loads, the previous one stays on screen. */
export function useCustomerPage(query: CustomerListQuery) {
  return useQuery({
    queryKey: customerPageKey(query),
    queryFn: ({ signal }) => listCustomers(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useContracts(customerId: string) {
  return useQuery({ queryKey: contractsKey(customerId), queryFn: ({ signal }) => listContracts(customerId, signal) });
}

export function useAlarmEvents(contractId: string) {
  return useQuery({
    queryKey: alarmEventsKey(contractId),
    queryFn: ({ signal }) => getAlarmEvents(contractId, signal),
  });
}

/** Refreshes the customers, contracts and counts after a write. */
export function useRefreshCustomers(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: CUSTOMERS_KEY });
}
