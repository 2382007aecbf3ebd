import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor's snapshot reads the cases closed today and the cases that left the queue in the
 * last hours by `closed_at`; without an index each snapshot scanned the whole cases table.
 */
export class CasesClosedIndex1764500000000 implements MigrationInterface {
  name = 'CasesClosedIndex1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX cases_closed_idx ON cases (closed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cases_closed_idx`);
  }
}
