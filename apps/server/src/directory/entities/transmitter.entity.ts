import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'transmitters' })
export class TransmitterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** DC-09 account, upper-case hex kept as a string (leading zeros matter). */
  @Column({ type: 'text', unique: true })
  account: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId: string;

  @Column({ type: 'text', default: 'ANY' })
  protocol: 'SIA-DCS' | 'ADM-CID' | 'ANY';

  /** The DC-09 AES key, sealed with SECRETS_KEY (common/secret-box.ts); never returned by the API. */
  @Column({ name: 'encryption_key_sealed', type: 'text', nullable: true, select: false })
  encryptionKeySealed: string | null;

  /** Clear-text messages are refused (DUH) instead of stored flagged; needs a key. */
  @Column({ name: 'require_encryption', type: 'boolean', default: false })
  requireEncryption: boolean;

  @Column({ name: 'supervision_interval_seconds', type: 'integer', nullable: true })
  supervisionIntervalSeconds: number | null;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
