import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phone intake: every call (for the answering-service reports ZR0010/ZR0020), every caller
 * verification attempt (for lockout and the supervisors), and messages for contract managers.
 */
export class Intake1764300000000 implements MigrationInterface {
  name = 'Intake1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        operator_user_id uuid NOT NULL REFERENCES users(id),
        site_id uuid REFERENCES sites(id),
        person_id uuid REFERENCES persons(id) ON DELETE SET NULL,
        person_name text,
        person_level text CHECK (person_level IN ('A', 'B', 'C')),
        verified boolean NOT NULL DEFAULT false,
        outcome text CHECK (outcome IN ('SERVICE_MODE_SET', 'SERVICE_MODE_ENDED', 'BLOCK_WINDOW_REGISTERED',
                                        'ALARM_CANCELLED', 'STATUS_GIVEN', 'MESSAGE_TAKEN', 'REFUSED',
                                        'NOT_VERIFIED', 'OTHER')),
        note text
      )`);
    await queryRunner.query(`CREATE INDEX intake_calls_started_idx ON intake_calls (started_at)`);
    await queryRunner.query(`CREATE INDEX intake_calls_operator_idx ON intake_calls (operator_user_id, started_at)`);

    // A verification is valid for one site and person until expires_at (only when VERIFIED).
    await queryRunner.query(`
      CREATE TABLE caller_verifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        call_id uuid REFERENCES intake_calls(id),
        operator_user_id uuid NOT NULL REFERENCES users(id),
        person_id uuid REFERENCES persons(id) ON DELETE SET NULL,
        person_name text NOT NULL,
        site_id uuid REFERENCES sites(id),
        result text NOT NULL CHECK (result IN ('VERIFIED', 'WRONG_PASSWORD', 'LOCKED', 'NO_PASSWORD', 'NOT_AUTHORIZED')),
        expires_at timestamptz,
        locked_until timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX caller_verifications_person_idx ON caller_verifications (person_id, at)`);
    await queryRunner.query(`CREATE INDEX caller_verifications_at_idx ON caller_verifications (at)`);

    await queryRunner.query(`
      CREATE TABLE manager_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        call_id uuid REFERENCES intake_calls(id),
        site_id uuid NOT NULL REFERENCES sites(id),
        contract_id uuid REFERENCES contracts(id),
        from_person_id uuid REFERENCES persons(id) ON DELETE SET NULL,
        from_person_name text NOT NULL,
        text text NOT NULL,
        taken_by_user_id uuid NOT NULL REFERENCES users(id)
      )`);
    await queryRunner.query(`CREATE INDEX manager_messages_contract_idx ON manager_messages (contract_id, at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE manager_messages`);
    await queryRunner.query(`DROP TABLE caller_verifications`);
    await queryRunner.query(`DROP TABLE intake_calls`);
  }
}
