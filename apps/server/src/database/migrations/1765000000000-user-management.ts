import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User management and login security: a token version (raised by a password reset, a role change,
 * a deactivation or a second-factor reset, so older tokens stop working), sign-in bookkeeping,
 * the second factor (TOTP secret sealed with SECRETS_KEY, the last time step used so a code
 * works once), and the one row of security settings (which roles must have a second factor).
 */
export class UserManagement1765000000000 implements MigrationInterface {
  name = 'UserManagement1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN password_changed_at timestamptz,
        ADD COLUMN last_login_at timestamptz,
        ADD COLUMN last_failed_login_at timestamptz,
        ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
        ADD COLUMN totp_secret_sealed text,
        ADD COLUMN totp_pending_sealed text,
        ADD COLUMN totp_enrolled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD CONSTRAINT users_totp_enrolled_check CHECK ((totp_secret_sealed IS NULL) = (totp_enrolled_at IS NULL))`);
    await queryRunner.query(`
      CREATE TABLE security_settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        totp_required_roles text[] NOT NULL DEFAULT '{}'
          CHECK (totp_required_roles <@ ARRAY['operator', 'supervisor', 'admin']::text[]),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO security_settings DEFAULT VALUES`);
    // Failed sign-ins and locks are audit rows; the supervisors' list reads the newest by action.
    await queryRunner.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_log_action_idx`);
    await queryRunner.query(`DROP TABLE security_settings`);
    await queryRunner.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_totp_enrolled_check,
        DROP COLUMN totp_last_step,
        DROP COLUMN totp_enrolled_at,
        DROP COLUMN totp_pending_sealed,
        DROP COLUMN totp_secret_sealed,
        DROP COLUMN failed_logins,
        DROP COLUMN last_failed_login_at,
        DROP COLUMN last_login_at,
        DROP COLUMN password_changed_at,
        DROP COLUMN token_version`);
  }
}
