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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
