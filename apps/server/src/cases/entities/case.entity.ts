import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlarmCategory, CaseStatus } from '@arc/shared';

@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_no', type: 'text', insert: false, update: false })
  caseNo: string;

  /** `site:<uuid>` or, for an unknown transmitter, `account:<account>`; one open case per key and category. */
  @Column({ name: 'case_key', type: 'text' })
  caseKey: string;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId: string | null;

  @Column({ type: 'text' })
  account: string;

  @Column({ type: 'text' })
  category: AlarmCategory;

  @Column({ type: 'smallint' })
  priority: number;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'unknown_transmitter', type: 'boolean' })
  unknownTransmitter: boolean;

  @Column({ type: 'boolean', default: false })
  runaway: boolean;

  /** A signal of the case came unencrypted from a transmitter that has a key. */
  @Column({ name: 'unencrypted_from_keyed', type: 'boolean', default: false })
  unencryptedFromKeyed: boolean;

  @Column({ name: 'signal_count', type: 'integer' })
  signalCount: number;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'queued_at', type: 'timestamptz' })
  queuedAt: Date;

  @Column({ name: 'last_signal_at', type: 'timestamptz' })
  lastSignalAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
