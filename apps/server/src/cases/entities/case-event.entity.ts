import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CaseEventType = 'CREATED' | 'SIGNALS_APPENDED' | 'RESTORE_RECEIVED' | 'ACCEPTED' | 'CLOSED';

/** Append-only history of a case; the database refuses UPDATE and DELETE on it. */
@Entity({ name: 'case_events' })
export class CaseEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  type: CaseEventType;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'signal_id', type: 'bigint', nullable: true })
  signalId: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;
}
