import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Site knowledge for the case screen: zone names per transmitter, the site's standing
 * instructions and hazards with its own police and rescue-service numbers, temporary site notes
 * with an expiry, and the "sent" outcome of an SMS or e-mail contact attempt.
 */
export class SiteKnowledge1765300000000 implements MigrationInterface {
  name = 'SiteKnowledge1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transmitter_zones (
        transmitter_id uuid NOT NULL REFERENCES transmitters(id) ON DELETE CASCADE,
        zone_key text NOT NULL,
        zone text NOT NULL,
        name text NOT NULL,
        location text,
        PRIMARY KEY (transmitter_id, zone_key)
      )`);
    await queryRunner.query(`
      ALTER TABLE sites
        ADD COLUMN instructions text,
        ADD COLUMN hazards text,
        ADD COLUMN police_phone text,
        ADD COLUMN rescue_phone text`);
    await queryRunner.query(`
      CREATE TABLE site_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
        text text NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        author_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_from < valid_until)
      )`);
    await queryRunner.query(`CREATE INDEX site_notes_site_idx ON site_notes (site_id, valid_until)`);
    await queryRunner.query(`ALTER TABLE case_contact_attempts DROP CONSTRAINT case_contact_attempts_outcome_check`);
    await queryRunner.query(`
      ALTER TABLE case_contact_attempts ADD CONSTRAINT case_contact_attempts_outcome_check
        CHECK (outcome IN ('ANSWERED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'VOICEMAIL', 'SENT'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM case_contact_attempts WHERE outcome = 'SENT'`);
    await queryRunner.query(`ALTER TABLE case_contact_attempts DROP CONSTRAINT case_contact_attempts_outcome_check`);
    await queryRunner.query(`
      ALTER TABLE case_contact_attempts ADD CONSTRAINT case_contact_attempts_outcome_check
        CHECK (outcome IN ('ANSWERED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'VOICEMAIL'))`);
    await queryRunner.query(`DROP TABLE site_notes`);
    await queryRunner.query(`
      ALTER TABLE sites DROP COLUMN instructions, DROP COLUMN hazards, DROP COLUMN police_phone, DROP COLUMN rescue_phone`);
    await queryRunner.query(`DROP TABLE transmitter_zones`);
  }
}
