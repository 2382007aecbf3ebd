import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Transmitter settings for DC-09, a time-windowed de-duplication table, and signal details. */
export class Dc09Receiver1763900000000 implements MigrationInterface {
  name = 'Dc09Receiver1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE transmitters
        ADD COLUMN protocol text NOT NULL DEFAULT 'ANY' CHECK (protocol IN ('SIA-DCS', 'ADM-CID', 'ANY')),
        ADD COLUMN encryption_key_sealed text,
        ADD COLUMN supervision_interval_seconds integer CHECK (supervision_interval_seconds > 0),
        ADD COLUMN last_seen_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE INDEX transmitters_updated_idx ON transmitters (updated_at)`);

    // Retransmissions are recognised for a window of time, not forever: the sequence number
    // wraps at 9999, and a later alarm with the same number and text is a new alarm.
    await queryRunner.query(`DROP INDEX signals_dedup_idx`);
    await queryRunner.query(`
      CREATE TABLE signal_dedup (
        account text NOT NULL,
        dedup_key text NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (account, dedup_key)
      )`);
    // Finds the stored copy of a retransmission.
    await queryRunner.query(
      `CREATE INDEX signals_dedup_lookup_idx ON signals (account, dedup_key, id) WHERE dedup_key IS NOT NULL`,
    );

    await queryRunner.query(`ALTER TABLE signals DROP CONSTRAINT signals_kind_check`);
    await queryRunner.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_kind_check CHECK (kind IN ('ALARM', 'RESTORE', 'LOG', 'TEST', 'UNKNOWN'))`,
    );
    await queryRunner.query(`
      ALTER TABLE signals
        ADD COLUMN sequence text,
        ADD COLUMN encrypted boolean NOT NULL DEFAULT false,
        ADD COLUMN xdata text[]`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signals DROP COLUMN sequence, DROP COLUMN encrypted, DROP COLUMN xdata`);
    await queryRunner.query(`DELETE FROM signals WHERE kind = 'UNKNOWN'`);
    await queryRunner.query(`ALTER TABLE signals DROP CONSTRAINT signals_kind_check`);
    await queryRunner.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_kind_check CHECK (kind IN ('ALARM', 'RESTORE', 'LOG', 'TEST'))`,
    );
    await queryRunner.query(`DROP INDEX signals_dedup_lookup_idx`);
    await queryRunner.query(`DROP TABLE signal_dedup`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX signals_dedup_idx ON signals (account, dedup_key) WHERE dedup_key IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX transmitters_updated_idx`);
    await queryRunner.query(`
      ALTER TABLE transmitters DROP COLUMN protocol, DROP COLUMN encryption_key_sealed,
        DROP COLUMN supervision_interval_seconds, DROP COLUMN last_seen_at, DROP COLUMN updated_at`);
  }
}
