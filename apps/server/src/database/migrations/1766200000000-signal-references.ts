import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foreign keys on the signal path go (issue 17). A foreign-key check locks the row it
 * finds (FOR KEY SHARE): for `signals.transmitter_id` that is a lock on the transmitter's row
 * written for every signal stored — about a third of the insert's time in a test on this
 * machine (128,000 rows from two connections over 500 transmitters: 1.1–1.5 s with the key,
 * 0.7–0.9 s without) — and for `case_events.signal_id` and the deferred alarms' signal ids a
 * lock written into a signal row that is otherwise never written again.
 *
 * What they protected is kept otherwise: signals are never deleted; the insert stores a
 * transmitter id only if that transmitter exists (signal-writer.service.ts), and a transmitter
 * with stored signals cannot be deleted — the directory checks that under a SHARE lock on
 * signals, so no signal can be stored for it between the check and the delete. Case events and
 * deferred alarms refer only to signals their transaction read.
 */
export class SignalReferences1766200000000 implements MigrationInterface {
  name = 'SignalReferences1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signals DROP CONSTRAINT IF EXISTS signals_transmitter_id_fkey`);
    await queryRunner.query(`ALTER TABLE case_events DROP CONSTRAINT IF EXISTS case_events_signal_id_fkey`);
    await queryRunner.query(`ALTER TABLE deferred_alarms DROP CONSTRAINT IF EXISTS deferred_alarms_signal_id_fkey`);
    await queryRunner.query(
      `ALTER TABLE deferred_alarms DROP CONSTRAINT IF EXISTS deferred_alarms_restored_by_signal_id_fkey`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_transmitter_id_fkey FOREIGN KEY (transmitter_id) REFERENCES transmitters(id)`,
    );
    await queryRunner.query(
      `ALTER TABLE case_events ADD CONSTRAINT case_events_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signals(id)`,
    );
    await queryRunner.query(
      `ALTER TABLE deferred_alarms ADD CONSTRAINT deferred_alarms_signal_id_fkey FOREIGN KEY (signal_id) REFERENCES signals(id)`,
    );
    await queryRunner.query(
      `ALTER TABLE deferred_alarms ADD CONSTRAINT deferred_alarms_restored_by_signal_id_fkey
         FOREIGN KEY (restored_by_signal_id) REFERENCES signals(id)`,
    );
  }
}
