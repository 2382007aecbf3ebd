import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Swaps of on-call weeks (issue: on-call rosters): the member whose week it is by the rotation hands
 * it to another member or to an outside stand-in. One swap per roster and week; the week is named
 * by its Monday. The stand-in's name and phone are kept as they were when the swap was made. The
 * swaps go with their roster.
 */
export class RosterSwaps1765700000000 implements MigrationInterface {
  name = 'RosterSwaps1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE on_call_swaps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roster_id uuid NOT NULL REFERENCES on_call_rosters(id) ON DELETE CASCADE,
        week_start date NOT NULL CONSTRAINT on_call_swaps_monday_check CHECK (extract(isodow FROM week_start) = 1),
        stand_in_name text NOT NULL,
        stand_in_phone text NOT NULL,
        outside boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT on_call_swaps_week_key UNIQUE (roster_id, week_start)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE on_call_swaps`);
  }
}
