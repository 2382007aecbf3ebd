import { type AuditEntry, AuditEntrySchema, type Page, pageSchema } from '@arc/shared/directory';
import { type UserAccount, UserAccountSchema } from '@arc/shared/users';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api';

/** One page of the audit log, newest first; `path` is built by `auditPath` (utils/audit-query.ts). */
export function fetchAuditPage(path: string, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return apiRequest<Page<AuditEntry>>(path, { signal, schema: pageSchema(AuditEntrySchema) });
}

/** Every user (administrators only): the "who" filter's choices. */
export function fetchUsers(signal?: AbortSignal): Promise<UserAccount[]> {
  return apiRequest<UserAccount[]>('/users', { signal, schema: z.array(UserAccountSchema) });
}
