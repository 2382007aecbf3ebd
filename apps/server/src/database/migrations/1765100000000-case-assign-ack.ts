import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case given to an operator (the site sticks to its operator, or a supervisor assigned it) must
 * be acknowledged by them before `ack_due_at`, or it goes back to the queue. The deadline is kept
 * here so it survives a restart; a case that stops being held loses it (trigger), whichever code
 * path closes or releases it.
 */
export class CaseAssignAck1765100000000 implements MigrationInterface {
  name = 'CaseAssignAck1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN ack_due_at timestamptz`);
    await queryRunner.query(`CREATE INDEX cases_ack_due_idx ON cases (ack_due_at) WHERE ack_due_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION cases_clear_ack_due() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.ack_due_at := NULL;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER cases_clear_ack_due BEFORE UPDATE ON cases FOR EACH ROW
        WHEN (NEW.ack_due_at IS NOT NULL AND NEW.status <> 'ACCEPTED')
        EXECUTE FUNCTION cases_clear_ack_due()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER cases_clear_ack_due ON cases`);
    await queryRunner.query(`DROP FUNCTION cases_clear_ack_due()`);
    await queryRunner.query(`DROP INDEX cases_ack_due_idx`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN ack_due_at`);
  }
}
