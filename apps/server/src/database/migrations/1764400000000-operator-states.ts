import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The state an operator sets (available, or away with a reason); on a case / on a call are derived. */
export class OperatorStates1764400000000 implements MigrationInterface {
  name = 'OperatorStates1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE operator_states (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        state text NOT NULL CHECK (state IN ('AVAILABLE', 'AWAY')),
        reason text,
        since timestamptz NOT NULL DEFAULT now(),
        CHECK ((state = 'AWAY') = (reason IS NOT NULL))
      )`);
    // Accept times are read by time of acceptance for the supervisor's windows.
    await queryRunner.query(`CREATE INDEX cases_accepted_idx ON cases (accepted_at) WHERE accepted_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cases_accepted_idx`);
    await queryRunner.query(`DROP TABLE operator_states`);
  }
}
