import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's title in any language (issue 16): beside the English `title`, the key of the
 * `caseTitles` catalogue and its arguments (@arc/shared/case-title), so a console says the title
 * in its user's language. Deferred alarms keep theirs until they raise their case. Both null for
 * rows written before: the console shows the stored English title. The checks are NOT VALID
 * because every existing row is null (both columns are new), so no scan of the tables is needed.
 */
export class CaseTitleRef1765900000000 implements MigrationInterface {
  name = 'CaseTitleRef1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['cases', 'deferred_alarms']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN title_key text, ADD COLUMN title_params jsonb`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_title_ref_check
           CHECK ((title_key IS NULL) = (title_params IS NULL)
                  AND (title_params IS NULL OR jsonb_typeof(title_params) = 'object')) NOT VALID`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['deferred_alarms', 'cases']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN title_params, DROP COLUMN title_key`);
    }
  }
}
