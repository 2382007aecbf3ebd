import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's language (issue 16), null until they first use the console: then the language they
 * signed in with is kept.
 */
export class UserLocale1765600000000 implements MigrationInterface {
  name = 'UserLocale1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE users ADD COLUMN locale text CONSTRAINT users_locale_check CHECK (locale IN ('sv', 'en'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN locale`);
  }
}
