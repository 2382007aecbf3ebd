import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clear-text messages from transmitters that have a key: each such signal, and each case it
 * joins, is marked (it may be forged by someone who knows the account), and a transmitter can
 * require encryption, which only makes sense with a key. Stored keys need no change: new keys
 * are sealed as hex of their bytes, which reads back unambiguously, and old ones as before.
 */
export class TransmitterSecurity1764800000000 implements MigrationInterface {
  name = 'TransmitterSecurity1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE transmitters
        ADD COLUMN require_encryption boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT transmitters_require_encryption_key_check
          CHECK (NOT require_encryption OR encryption_key_sealed IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE signals ADD COLUMN unencrypted_from_keyed boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN unencrypted_from_keyed boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN unencrypted_from_keyed`);
    await queryRunner.query(`ALTER TABLE signals DROP COLUMN unencrypted_from_keyed`);
    await queryRunner.query(`
      ALTER TABLE transmitters
        DROP CONSTRAINT transmitters_require_encryption_key_check,
        DROP COLUMN require_encryption`);
  }
}
