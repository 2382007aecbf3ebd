import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rules: service modes and block windows with who asked, the decision stored with each
 * signal, deferred service alarms (AC loss), runaway and supervision state on transmitters.
 */
export class Rules1764100000000 implements MigrationInterface {
  name = 'Rules1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // A window is in force in [starts_at, ends_at). Ending one early moves ends_at to that moment
    // and keeps the planned end, so "was it suppressed" is always one range test.
    await queryRunner.query(`
      CREATE TABLE service_modes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        transmitter_id uuid NOT NULL REFERENCES transmitters(id),
        category text CHECK (category IN ('FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE')),
        starts_at timestamptz NOT NULL DEFAULT now(),
        ends_at timestamptz NOT NULL,
        planned_ends_at timestamptz NOT NULL,
        ended_early_at timestamptz,
        ended_early_by_user_id uuid REFERENCES users(id),
        reason text NOT NULL,
        requested_by_person_id uuid REFERENCES persons(id) ON DELETE SET NULL,
        requested_by_name text NOT NULL,
        requested_by_level text NOT NULL CHECK (requested_by_level IN ('A', 'B', 'C')),
        set_by_user_id uuid NOT NULL REFERENCES users(id),
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX service_modes_transmitter_idx ON service_modes (transmitter_id, ends_at)`);
    await queryRunner.query(
      `CREATE INDEX service_modes_unfinished_idx ON service_modes (ends_at) WHERE finished_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE block_windows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        transmitter_id uuid NOT NULL REFERENCES transmitters(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        planned_ends_at timestamptz NOT NULL,
        ended_early_at timestamptz,
        ended_early_by_user_id uuid REFERENCES users(id),
        requested_by_person_id uuid REFERENCES persons(id) ON DELETE SET NULL,
        requested_by_name text NOT NULL,
        requested_by_level text NOT NULL CHECK (requested_by_level IN ('A', 'B', 'C')),
        request_date date NOT NULL,
        reference text NOT NULL,
        reason text,
        created_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        confirmed_by_user_id uuid REFERENCES users(id),
        confirmation_sent_to text,
        confirmation_note text,
        cancelled_at timestamptz,
        cancelled_by_user_id uuid REFERENCES users(id),
        started_at timestamptz,
        finished_at timestamptz,
        CHECK (ends_at > starts_at),
        -- Overlapping windows on one transmitter are refused by the database itself.
        CONSTRAINT block_windows_no_overlap EXCLUDE USING gist
          (transmitter_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (cancelled_at IS NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX block_windows_unfinished_idx ON block_windows (ends_at) WHERE finished_at IS NULL`,
    );

    await queryRunner.query(`
      ALTER TABLE signals
        ADD COLUMN decision text
          CHECK (decision IN ('OPENED', 'APPENDED', 'RESTORE', 'SUPPRESSED', 'LOG_ONLY', 'DEFERRED')),
        ADD COLUMN decision_reason text,
        ADD COLUMN service_mode_id uuid REFERENCES service_modes(id),
        ADD COLUMN block_window_id uuid REFERENCES block_windows(id)`);
    await queryRunner.query(
      `CREATE INDEX signals_service_mode_idx ON signals (service_mode_id) WHERE service_mode_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX signals_block_window_idx ON signals (block_window_id) WHERE block_window_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX signals_transmitter_idx ON signals (transmitter_id, id)`);

    // A service alarm that raises a case only if not restored in time (AC loss: 15 minutes).
    await queryRunner.query(`
      CREATE TABLE deferred_alarms (
        signal_id bigint PRIMARY KEY REFERENCES signals(id),
        account text NOT NULL,
        transmitter_id uuid REFERENCES transmitters(id),
        site_id uuid REFERENCES sites(id),
        case_key text NOT NULL,
        family text NOT NULL,
        category text NOT NULL CHECK (category IN ('FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE')),
        title text NOT NULL,
        received_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        restored_by_signal_id bigint REFERENCES signals(id),
        raised_case_id uuid REFERENCES cases(id),
        settled_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX deferred_alarms_due_idx ON deferred_alarms (due_at) WHERE settled_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX deferred_alarms_pending_idx ON deferred_alarms (account, family) WHERE settled_at IS NULL`,
    );

    await queryRunner.query(`
      ALTER TABLE transmitters
        ADD COLUMN runaway_until timestamptz,
        ADD COLUMN supervision_failed_at timestamptz`);
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN runaway boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN runaway`);
    await queryRunner.query(`ALTER TABLE transmitters DROP COLUMN runaway_until, DROP COLUMN supervision_failed_at`);
    await queryRunner.query(`DROP TABLE deferred_alarms`);
    await queryRunner.query(`DROP INDEX signals_transmitter_idx`);
    await queryRunner.query(`
      ALTER TABLE signals DROP COLUMN decision, DROP COLUMN decision_reason,
        DROP COLUMN service_mode_id, DROP COLUMN block_window_id`);
    await queryRunner.query(`DROP TABLE block_windows`);
    await queryRunner.query(`DROP TABLE service_modes`);
  }
}
