import {
  type Contract,
  type ContractInput,
  ContractSchema,
  type Customer,
  type CustomerInput,
  CustomerSchema,
  type Page,
  pageSchema,
} from '@arc/shared/directory';
import { type AlarmEventCount, AlarmEventCountSchema } from '@arc/shared/rules';
import { apiRequest } from '../../../lib/api';

/** Customers a page at a time, by customer number; `q` matches number, name or organisation number. */
export interface CustomerListQuery {
  q: string;
  page: number;
  pageSize: number;
}

/** The query string of GET /customers: an empty search is left out. */
export function customerListPath({ q, page, pageSize }: CustomerListQuery): string {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  const text = q.trim();
  if (text) params.set('q', text);
  return `/customers?${params.toString()}`;
}

export function listCustomers(query: CustomerListQuery, signal?: AbortSignal): Promise<Page<Customer>> {
  return apiRequest<Page<Customer>>(customerListPath(query), { signal, schema: pageSchema(CustomerSchema) });
}

export function createCustomer(input: CustomerInput): Promise<Customer> {
  return apiRequest<Customer>('/customers', { method: 'POST', body: input, schema: CustomerSchema });
}

export function updateCustomer(id: string, input: CustomerInput): Promise<Customer> {
  return apiRequest<Customer>(`/customers/${id}`, { method: 'PUT', body: input, schema: CustomerSchema });
}

/** 409 while the customer still has contracts. */
export function deleteCustomer(id: string): Promise<void> {
  return apiRequest<void>(`/customers/${id}`, { method: 'DELETE' });
}

/** The most contracts one customer's list shows (the API's largest page). */
export const CONTRACTS_PAGE_SIZE = 200;

export function listContracts(customerId: string, signal?: AbortSignal): Promise<Page<Contract>> {
  const params = new URLSearchParams({ customerId, pageSize: String(CONTRACTS_PAGE_SIZE) });
  return apiRequest<Page<Contract>>(`/contracts?${params.toString()}`, { signal, schema: pageSchema(ContractSchema) });
}

export function createContract(input: ContractInput): Promise<Contract> {
  return apiRequest<Contract>('/contracts', { method: 'POST', body: input, schema: ContractSchema });
}

export function updateContract(id: string, input: ContractInput): Promise<Contract> {
  return apiRequest<Contract>(`/contracts/${id}`, { method: 'PUT', body: input, schema: ContractSchema });
}

/** 409 while a site still uses the contract. */
export function deleteContract(id: string): Promise<void> {
  return apiRequest<void>(`/contracts/${id}`, { method: 'DELETE' });
}

/** The contract's alarm events in the current calendar year (the server's default) against its quota. */
export function getAlarmEvents(contractId: string, signal?: AbortSignal): Promise<AlarmEventCount> {
  return apiRequest<AlarmEventCount>(`/contracts/${contractId}/alarm-events`, {
    signal,
    schema: AlarmEventCountSchema,
  });
}
