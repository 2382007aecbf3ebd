import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evaluation state leaves the signal row (issue 17). A signal row is written once, when it is
 * stored, and never updated: updating it on evaluation could not be a HOT update (evaluated_at,
 * case_id and the windows are in partial indexes), so every evaluation wrote a full new copy of
 * the wide row into every index of signals, and checked three foreign keys, for every signal.
 *
 * - `signal_backlog`: one narrow row per stored signal not yet evaluated, inserted in the same
 *   statement as the signal (so it commits with it, before the ACK), deleted by the evaluation
 *   that claims it. The delete is the claim: a second evaluator of the same signal (another lane,
 *   another process, the sweep) waits for the first to commit and then finds nothing to claim.
 *   The sweep and the start-up recovery read this small table instead of scanning signals.
 * - `signal_decisions`: what the rules decided, inserted once per signal by the evaluation. It
 *   has no foreign keys on purpose (each would be a trigger and a lookup per signal on the hot
 *   path): signals, cases, service modes and block windows are never deleted, and a decision is
 *   only ever written for a signal the same transaction claimed from the backlog.
 *
 * - `signals_with_decisions`: a view of every signal with its decision (null while it waits), in
 *   the columns signals had before, for reports, ad-hoc queries and tests. Its column list is
 *   fixed when it is created: a later migration that adds a column to signals recreates it.
 *
 * Existing rows move over: evaluated signals' decisions to signal_decisions (decision may be null
 * for signals evaluated before decisions were recorded), unevaluated ones to the backlog.
 */
export class SignalDecisions1766100000000 implements MigrationInterface {
  name = 'SignalDecisions1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A queue table: rows live for milliseconds, so vacuum it by count, not by a share of its size.
    await queryRunner.query(`
      CREATE TABLE signal_backlog (
        signal_id bigint PRIMARY KEY,
        category text,
        received_at timestamptz NOT NULL
      ) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
              autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000)`);
    await queryRunner.query(`
      CREATE TABLE signal_decisions (
        signal_id bigint PRIMARY KEY,
        decided_at timestamptz NOT NULL DEFAULT now(),
        decision text CHECK (decision IN ('OPENED', 'APPENDED', 'RESTORE', 'SUPPRESSED', 'LOG_ONLY', 'DEFERRED')),
        reason text,
        reason_key text,
        reason_params jsonb,
        case_id uuid,
        service_mode_id uuid,
        block_window_id uuid,
        CONSTRAINT signal_decisions_reason_ref_check
          CHECK ((reason_key IS NULL) = (reason_params IS NULL)
                 AND (reason_params IS NULL OR jsonb_typeof(reason_params) = 'object'))
      )`);
    await queryRunner.query(`
      INSERT INTO signal_decisions (signal_id, decided_at, decision, reason, reason_key, reason_params, case_id,
                                    service_mode_id, block_window_id)
      SELECT id, evaluated_at, decision, decision_reason, decision_reason_key, decision_reason_params, case_id,
             service_mode_id, block_window_id
        FROM signals WHERE evaluated_at IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO signal_backlog (signal_id, category, received_at)
      SELECT id, category, received_at FROM signals WHERE evaluated_at IS NULL`);
    await queryRunner.query(
      `CREATE INDEX signal_decisions_case_idx ON signal_decisions (case_id, signal_id) WHERE case_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX signal_decisions_service_mode_idx ON signal_decisions (service_mode_id)
         WHERE service_mode_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX signal_decisions_block_window_idx ON signal_decisions (block_window_id)
         WHERE block_window_id IS NOT NULL`,
    );
    // Their indexes, checks and foreign keys go with them.
    await queryRunner.query(`
      ALTER TABLE signals DROP COLUMN evaluated_at, DROP COLUMN case_id, DROP COLUMN decision,
        DROP COLUMN decision_reason, DROP COLUMN decision_reason_key, DROP COLUMN decision_reason_params,
        DROP COLUMN service_mode_id, DROP COLUMN block_window_id`);
    await queryRunner.query(`
      CREATE VIEW signals_with_decisions AS
      SELECT s.*, d.decided_at AS evaluated_at, d.case_id, d.decision, d.reason AS decision_reason,
             d.reason_key AS decision_reason_key, d.reason_params AS decision_reason_params,
             d.service_mode_id, d.block_window_id
        FROM signals s LEFT JOIN signal_decisions d ON d.signal_id = s.id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW signals_with_decisions`);
    await queryRunner.query(`
      ALTER TABLE signals
        ADD COLUMN evaluated_at timestamptz,
        ADD COLUMN case_id uuid REFERENCES cases(id),
        ADD COLUMN decision text
          CHECK (decision IN ('OPENED', 'APPENDED', 'RESTORE', 'SUPPRESSED', 'LOG_ONLY', 'DEFERRED')),
        ADD COLUMN decision_reason text,
        ADD COLUMN decision_reason_key text,
        ADD COLUMN decision_reason_params jsonb,
        ADD COLUMN service_mode_id uuid REFERENCES service_modes(id),
        ADD COLUMN block_window_id uuid REFERENCES block_windows(id)`);
    await queryRunner.query(`
      UPDATE signals s SET evaluated_at = d.decided_at, case_id = d.case_id, decision = d.decision,
             decision_reason = d.reason, decision_reason_key = d.reason_key, decision_reason_params = d.reason_params,
             service_mode_id = d.service_mode_id, block_window_id = d.block_window_id
        FROM signal_decisions d WHERE d.signal_id = s.id`);
    await queryRunner.query(`
      ALTER TABLE signals ADD CONSTRAINT signals_decision_reason_ref_check
        CHECK ((decision_reason_key IS NULL) = (decision_reason_params IS NULL)
               AND (decision_reason_params IS NULL OR jsonb_typeof(decision_reason_params) = 'object'))`);
    await queryRunner.query(`CREATE INDEX signals_case_idx ON signals (case_id) WHERE case_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX signals_unevaluated_idx ON signals (id) WHERE evaluated_at IS NULL`);
    await queryRunner.query(
      `CREATE INDEX signals_service_mode_idx ON signals (service_mode_id) WHERE service_mode_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX signals_block_window_idx ON signals (block_window_id) WHERE block_window_id IS NOT NULL`,
    );
    await queryRunner.query(`DROP TABLE signal_decisions`);
    await queryRunner.query(`DROP TABLE signal_backlog`);
  }
}
