import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '@arc/shared/directory';
import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  actorUserId: string | null;
  action: AuditEntry['action'];
  entity: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Field names whose values never reach the audit log. */
const SECRET_FIELDS =
  /^(password|passwordHash|password_hash|encryptionKey|encryption_key|encryptionKeySealed|encryption_key_sealed)$/;

/** Replaces secret values with "***" at any depth (a changed password still shows as changed). */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SECRET_FIELDS.test(key) ? (inner === null || inner === undefined ? inner : '***') : maskSecrets(inner),
      ]),
    );
  }
  return value;
}

/**
 * The audit log: who changed what, when, before and after. Written inside the caller's
 * transaction, so a change and its audit entry commit together or not at all.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_user_id, action, entity, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.actorUserId,
        entry.action,
        entry.entity,
        entry.entityId,
        entry.before ? JSON.stringify(maskSecrets(entry.before)) : null,
        entry.after ? JSON.stringify(maskSecrets(entry.after)) : null,
      ],
    );
  }
}
