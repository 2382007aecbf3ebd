import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The DC-09 frame exactly as it came off the wire (LF … CR). A panel may put any byte in a
 * frame, and the text column `raw` cannot hold all of them (PostgreSQL refuses NUL in text),
 * so `raw` is the readable copy and `raw_bytes` the lossless one. Null for HTTP signals, whose
 * `raw` is the request as JSON (JSON escapes every character, so it is lossless already).
 */
export class SignalRawBytes1764700000000 implements MigrationInterface {
  name = 'SignalRawBytes1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signals ADD COLUMN raw_bytes bytea`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signals DROP COLUMN raw_bytes`);
  }
}
