import {
  type ApprovalInputSchema,
  type DirectorySearchHit,
  DirectorySearchHitSchema,
  type Page,
  pageSchema,
  type Person,
  type PersonInputSchema,
  PersonSchema,
  type ServiceCompany,
  type ServiceCompanyInputSchema,
  ServiceCompanySchema,
  type Site,
  SiteSchema,
} from '@arc/shared/directory';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api';

export type CompanyBody = z.output<typeof ServiceCompanyInputSchema>;
export type PersonBody = z.output<typeof PersonInputSchema>;
export type ApprovalBody = z.output<typeof ApprovalInputSchema>;

/** The most companies one page holds. */
export const COMPANY_PAGE_SIZE = 200;

export function fetchCompanies(signal?: AbortSignal): Promise<Page<ServiceCompany>> {
  return apiRequest<Page<ServiceCompany>>(`/service-companies?pageSize=${COMPANY_PAGE_SIZE}`, {
    signal,
    schema: pageSchema(ServiceCompanySchema),
  });
}

export function createCompany(input: CompanyBody): Promise<ServiceCompany> {
  return apiRequest<ServiceCompany>('/service-companies', {
    method: 'POST',
    body: input,
    schema: ServiceCompanySchema,
  });
}

/** Replaces name, organisation number and sites. */
export function updateCompany(id: string, input: CompanyBody): Promise<ServiceCompany> {
  return apiRequest<ServiceCompany>(`/service-companies/${id}`, {
    method: 'PUT',
    body: input,
    schema: ServiceCompanySchema,
  });
}

/** Removes the company with its list, its installers and their approvals. */
export function deleteCompany(id: string): Promise<void> {
  return apiRequest<void>(`/service-companies/${id}`, { method: 'DELETE' });
}

export function addApproval(companyId: string, input: ApprovalBody): Promise<ServiceCompany> {
  return apiRequest<ServiceCompany>(`/service-companies/${companyId}/approvals`, {
    method: 'POST',
    body: input,
    schema: ServiceCompanySchema,
  });
}

export function removeApproval(companyId: string, approvalId: string): Promise<void> {
  return apiRequest<void>(`/service-companies/${companyId}/approvals/${approvalId}`, { method: 'DELETE' });
}

/** The installers: the persons on the company's own authorization list. */
export function fetchInstallers(listId: string, signal?: AbortSignal): Promise<Person[]> {
  return apiRequest<Person[]>(`/authorization-lists/${listId}/persons`, { signal, schema: z.array(PersonSchema) });
}

export function createPerson(input: PersonBody): Promise<Person> {
  return apiRequest<Person>('/persons', { method: 'POST', body: input, schema: PersonSchema });
}

export function updatePerson(id: string, input: PersonBody): Promise<Person> {
  return apiRequest<Person>(`/persons/${id}`, { method: 'PUT', body: input, schema: PersonSchema });
}

/** Removes the installer; their approvals go with them. */
export function deletePerson(id: string): Promise<void> {
  return apiRequest<void>(`/persons/${id}`, { method: 'DELETE' });
}

export function fetchSite(id: string, signal?: AbortSignal): Promise<Site> {
  return apiRequest<Site>(`/sites/${id}`, { signal, schema: SiteSchema });
}

export const SITE_SEARCH_LIMIT = 10;

export function searchSites(q: string, signal?: AbortSignal): Promise<DirectorySearchHit[]> {
  const params = new URLSearchParams({ q, limit: String(SITE_SEARCH_LIMIT) });
  return apiRequest<DirectorySearchHit[]>(`/directory/search?${params.toString()}`, {
    signal,
    schema: z.array(DirectorySearchHitSchema),
  });
}
