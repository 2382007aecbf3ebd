import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlarmCategory, EventProtocol, SignalDecision, SignalKind } from '@arc/shared';

export type SignalSource = 'http' | 'dc09-tcp' | 'dc09-udp';

/** Every signal the centre receives, with its raw payload (report ZR0034 lists them all). */
@Entity({ name: 'signals' })
export class SignalEntity {
  /** bigint comes back from pg as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @Column({ type: 'text' })
  source: SignalSource;

  /** Readable copy of what was received (control characters replaced); see rawBytes. */
  @Column({ type: 'text' })
  raw: string;

  /** A DC-09 frame byte for byte (LF … CR); null for HTTP signals. */
  @Column({ name: 'raw_bytes', type: 'bytea', nullable: true })
  rawBytes: Buffer | null;

  @Column({ type: 'text' })
  account: string;

  @Column({ name: 'transmitter_id', type: 'uuid', nullable: true })
  transmitterId: string | null;

  @Column({ type: 'text' })
  protocol: EventProtocol;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text', nullable: true })
  zone: string | null;

  @Column({ type: 'text', nullable: true })
  area: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'text' })
  kind: SignalKind | 'UNKNOWN';

  @Column({ type: 'text', nullable: true })
  category: AlarmCategory | null;

  @Column({ name: 'dedup_key', type: 'text', nullable: true })
  dedupKey: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'text', nullable: true })
  sequence: string | null;

  @Column({ type: 'boolean', default: false })
  encrypted: boolean;

  /** Clear text from a transmitter that has a key: it may be forged by someone who knows the account. */
  @Column({ name: 'unencrypted_from_keyed', type: 'boolean', default: false })
  unencryptedFromKeyed: boolean;

  @Column({ type: 'text', array: true, nullable: true })
  xdata: string[] | null;

  /** Null until the rules have decided what the signal means; re-run at start-up. */
  @Column({ name: 'evaluated_at', type: 'timestamptz', nullable: true })
  evaluatedAt: Date | null;

  /** What the rules decided (OPENED, APPENDED, RESTORE, SUPPRESSED, LOG_ONLY, DEFERRED). */
  @Column({ type: 'text', nullable: true })
  decision: SignalDecision | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'service_mode_id', type: 'uuid', nullable: true })
  serviceModeId: string | null;

  @Column({ name: 'block_window_id', type: 'uuid', nullable: true })
  blockWindowId: string | null;
}
