import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working a case: who holds it (with a heartbeat from the operator's console), when it was
 * presented, accepted, first called about and closed, with what result; every hold of every
 * operator, every contact attempt, every ticked action-plan step and every note.
 */
export class CaseHandling1764200000000 implements MigrationInterface {
  name = 'CaseHandling1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // queued_at stays the ordering key (the first signal's time); created_at is when the case was queued.
    await queryRunner.query(`
      ALTER TABLE cases
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN first_presented_at timestamptz,
        ADD COLUMN first_contact_at timestamptz,
        ADD COLUMN held_by_user_id uuid REFERENCES users(id),
        ADD COLUMN held_since timestamptz,
        ADD COLUMN held_heartbeat_at timestamptz,
        ADD COLUMN returned_count integer NOT NULL DEFAULT 0,
        ADD COLUMN return_reason text,
        ADD COLUMN moved_to_top_at timestamptz,
        ADD COLUMN result text CHECK (result IN ('REAL_ALARM', 'FALSE_ALARM_USER_ERROR', 'TECHNICAL_FAULT', 'TEST',
                                                 'CANCELLED_BY_CALLER', 'UNKNOWN')),
        ADD COLUMN result_note text,
        ADD COLUMN open_steps_reason text,
        ADD COLUMN closed_by_user_id uuid REFERENCES users(id)`);
    await queryRunner.query(`UPDATE cases SET created_at = queued_at`);
    // Guarantee 4 in the database: a held case has exactly one holder, a queued or closed one none.
    await queryRunner.query(`UPDATE cases SET status = 'QUEUED' WHERE status = 'ACCEPTED'`);
    await queryRunner.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_holder_check
        CHECK ((status = 'ACCEPTED') = (held_by_user_id IS NOT NULL))`);
    await queryRunner.query(`CREATE INDEX cases_held_idx ON cases (held_by_user_id) WHERE status = 'ACCEPTED'`);

    await queryRunner.query(`
      CREATE TABLE case_holds (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('CLOSED', 'PUT_BACK', 'RETURNED', 'ASSIGNED'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX case_holds_open_idx ON case_holds (case_id) WHERE ended_at IS NULL`);
    await queryRunner.query(`CREATE INDEX case_holds_user_idx ON case_holds (user_id, started_at)`);

    await queryRunner.query(`
      CREATE TABLE case_contact_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        name text NOT NULL,
        route_kind text NOT NULL CHECK (route_kind IN ('PHONE', 'SMS', 'EMAIL')),
        route_value text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ANSWERED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'VOICEMAIL')),
        note text
      )`);
    await queryRunner.query(`CREATE INDEX case_contact_attempts_case_idx ON case_contact_attempts (case_id, at)`);

    // The step as it was when ticked: a plan edited later does not rewrite a closed case.
    await queryRunner.query(`
      CREATE TABLE case_step_ticks (
        case_id uuid NOT NULL REFERENCES cases(id),
        step_id uuid NOT NULL,
        position integer NOT NULL,
        type text NOT NULL,
        mandatory boolean NOT NULL,
        label text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        note text,
        PRIMARY KEY (case_id, step_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE case_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        text text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX case_notes_case_idx ON case_notes (case_id, at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_notes`);
    await queryRunner.query(`DROP TABLE case_step_ticks`);
    await queryRunner.query(`DROP TABLE case_contact_attempts`);
    await queryRunner.query(`DROP TABLE case_holds`);
    await queryRunner.query(`DROP INDEX cases_held_idx`);
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT cases_holder_check`);
    await queryRunner.query(`
      ALTER TABLE cases
        DROP COLUMN created_at, DROP COLUMN first_presented_at, DROP COLUMN first_contact_at,
        DROP COLUMN held_by_user_id, DROP COLUMN held_since, DROP COLUMN held_heartbeat_at,
        DROP COLUMN returned_count, DROP COLUMN return_reason, DROP COLUMN moved_to_top_at,
        DROP COLUMN result, DROP COLUMN result_note, DROP COLUMN open_steps_reason, DROP COLUMN closed_by_user_id`);
  }
}
