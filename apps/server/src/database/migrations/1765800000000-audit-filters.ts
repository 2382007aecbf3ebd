import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log's filters (issue 16): who (the acting user) and when (a period). Entity and
 * action already have their indexes (audit_log_entity_idx, audit_log_action_idx). The actor's
 * index ends with the id, so "newest first" for one user is a backward index scan.
 */
export class AuditFilters1765800000000 implements MigrationInterface {
  name = 'AuditFilters1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, id)`);
    await queryRunner.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_log_at_idx`);
    await queryRunner.query(`DROP INDEX audit_log_actor_idx`);
  }
}
