import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@arc/shared/auth';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  /** argon2id hash; never selected unless asked for, never sent to a client. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The user's language (sv or en), chosen in the console and remembered here; null until first chosen. */
  @Column({ type: 'text', nullable: true })
  locale: string | null;

  /** Raised by a password reset, role change, deactivation or second-factor reset: older tokens stop working. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Column({ name: 'last_failed_login_at', type: 'timestamptz', nullable: true })
  lastFailedLoginAt: Date | null;

  /** Failed sign-ins since the last successful one. */
  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins: number;

  /** The confirmed TOTP secret, sealed with SECRETS_KEY; never selected unless asked for. */
  @Column({ name: 'totp_secret_sealed', type: 'text', nullable: true, select: false })
  totpSecretSealed: string | null;

  /** A secret shown for enrolment but not yet confirmed with a code. */
  @Column({ name: 'totp_pending_sealed', type: 'text', nullable: true, select: false })
  totpPendingSealed: string | null;

  @Column({ name: 'totp_enrolled_at', type: 'timestamptz', nullable: true })
  totpEnrolledAt: Date | null;

  /** The last TOTP time step accepted: a code is good once. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false })
  totpLastStep: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
