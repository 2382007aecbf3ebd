import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shift log: handover notes between shifts, and who has read each one (once per user).
 */
export class ShiftLog1765500000000 implements MigrationInterface {
  name = 'ShiftLog1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE shift_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL DEFAULT now(),
        author_user_id uuid NOT NULL REFERENCES users(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        important boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`CREATE INDEX shift_notes_at_idx ON shift_notes (at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE shift_note_reads (
        note_id uuid NOT NULL REFERENCES shift_notes(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (note_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX shift_note_reads_user_idx ON shift_note_reads (user_id, note_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE shift_note_reads`);
    await queryRunner.query(`DROP TABLE shift_notes`);
  }
}
