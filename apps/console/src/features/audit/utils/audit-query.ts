import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AuditQuerySchema,
  type AuditAction,
  type AuditEntity,
} from '@arc/shared/directory';
import { i18n } from '../../../lib/i18n/i18n';
import type { FieldErrors } from '../../../utils/form-errors';
import { fieldMessage } from '../../../utils/form-words';
import { centreInputToIso } from '../../../utils/time';

/**
 * The audit log's filters as the screen holds them: who (a user id, with the name shown for it),
 * what (entity, entity id, action) and when (`datetime-local` values in the centre's time zone).
 * Empty text means "any".
 */
export interface AuditFilters {
  actor: string;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = {
  actor: '',
  actorName: '',
  entity: '',
  entityId: '',
  action: '',
  from: '',
  to: '',
};

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);
export const isAuditEntity = (value: string): value is AuditEntity =>
  (AUDIT_ENTITIES as readonly string[]).includes(value);

/** The GET /audit query of the filters: only what is set, times as ISO instants. */
export function auditParams(filters: AuditFilters, page: number, pageSize: number): Record<string, string> {
  const params: Record<string, string> = { page: String(page), pageSize: String(pageSize) };
  if (filters.actor) params.actor = filters.actor;
  if (filters.action) params.action = filters.action;
  if (filters.entity) params.entity = filters.entity;
  if (filters.entityId.trim()) params.entityId = filters.entityId.trim();
  if (filters.from) params.from = centreInputToIso(filters.from);
  if (filters.to) params.to = centreInputToIso(filters.to);
  return params;
}

/** "/audit?page=1&pageSize=20&actor=…&from=2026-03-01T07:00:00.000Z". */
export function auditPath(filters: AuditFilters, page: number, pageSize: number): string {
  return `/audit?${new URLSearchParams(auditParams(filters, page, pageSize)).toString()}`;
}

/**
 * What the server would refuse in the filters, by the shared query schema, keyed by the filter
 * (from, to, entityId, …); empty when they may be sent.
 */
export function checkAuditFilters(filters: AuditFilters): FieldErrors {
  const parsed = AuditQuerySchema.safeParse(auditParams(filters, 1, 1));
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.');
    if (errors[field]) continue;
    if (field === 'to' && issue.message === 'must be after from') errors.to = i18n.t('audit:filters.toBeforeFrom');
    else if (field === 'from' || field === 'to') errors[field] = i18n.t('audit:filters.invalidTime');
    else errors[field] = fieldMessage(field, issue.message);
  }
  return errors;
}
