import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message taken for a contract manager is passed on by a supervisor: when, by whom and how
 * (e-mail, phone) is recorded with it, and the inbox lists the ones still waiting.
 */
export class ManagerMessageForwarding1764600000000 implements MigrationInterface {
  name = 'ManagerMessageForwarding1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE manager_messages
        ADD COLUMN forwarded_at timestamptz,
        ADD COLUMN forwarded_by_user_id uuid REFERENCES users(id),
        ADD COLUMN forwarded_note text,
        ADD CONSTRAINT manager_messages_forwarded_check
          CHECK ((forwarded_at IS NULL) = (forwarded_by_user_id IS NULL) AND (forwarded_at IS NULL) = (forwarded_note IS NULL))`);
    await queryRunner.query(
      `CREATE INDEX manager_messages_waiting_idx ON manager_messages (at) WHERE forwarded_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX manager_messages_waiting_idx`);
    await queryRunner.query(`
      ALTER TABLE manager_messages
        DROP CONSTRAINT manager_messages_forwarded_check,
        DROP COLUMN forwarded_note,
        DROP COLUMN forwarded_by_user_id,
        DROP COLUMN forwarded_at`);
  }
}
