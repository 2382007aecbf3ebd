import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchAuditPage, fetchUsers } from '../api/audit-api';

export const AUDIT_KEY = ['admin-audit'] as const;

/** One page of the log for the query path; the previous page stays on screen while the next loads. */
export function useAuditPage(path: string) {
  return useQuery({
    queryKey: [...AUDIT_KEY, 'page', path],
    queryFn: ({ signal }) => fetchAuditPage(path, signal),
    placeholderData: keepPreviousData,
  });
}

/** The users to choose "who" from; asked only when the caller may list users (administrators). */
export function useAuditUsers(enabled: boolean) {
  return useQuery({ queryKey: [...AUDIT_KEY, 'users'], queryFn: ({ signal }) => fetchUsers(signal), enabled });
}
