import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signal's decision reason in any language (issue 16): beside the English `decision_reason`,
 * a full catalogue key (`signalReasons:*` or `caseTitles:*`) and its arguments
 * (@arc/shared/signal-reason), so a site's signal log reads in its user's language. Both null for
 * signals evaluated before: the console shows the stored English. Neither column is indexed, so
 * writing them keeps the evaluation's update as cheap as it was. The check is NOT VALID because
 * every existing row is null (both columns are new): no scan of the signals table is needed.
 */
export class SignalReasonRef1766000000000 implements MigrationInterface {
  name = 'SignalReasonRef1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE signals ADD COLUMN decision_reason_key text, ADD COLUMN decision_reason_params jsonb`,
    );
    await queryRunner.query(
      `ALTER TABLE signals ADD CONSTRAINT signals_decision_reason_ref_check
         CHECK ((decision_reason_key IS NULL) = (decision_reason_params IS NULL)
                AND (decision_reason_params IS NULL OR jsonb_typeof(decision_reason_params) = 'object')) NOT VALID`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signals DROP COLUMN decision_reason_params, DROP COLUMN decision_reason_key`);
  }
}
