import type { DataSourceOptions } from 'typeorm';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema.js';
import { Dc09Receiver1763900000000 } from './migrations/1763900000000-dc09-receiver.js';
import { Directory1764000000000 } from './migrations/1764000000000-directory.js';
import { Rules1764100000000 } from './migrations/1764100000000-rules.js';
import { CaseHandling1764200000000 } from './migrations/1764200000000-case-handling.js';
import { Intake1764300000000 } from './migrations/1764300000000-intake.js';
import { OperatorStates1764400000000 } from './migrations/1764400000000-operator-states.js';
import { CasesClosedIndex1764500000000 } from './migrations/1764500000000-cases-closed-index.js';
import { ManagerMessageForwarding1764600000000 } from './migrations/1764600000000-manager-message-forwarding.js';
import { SignalRawBytes1764700000000 } from './migrations/1764700000000-signal-raw-bytes.js';
import { TransmitterSecurity1764800000000 } from './migrations/1764800000000-transmitter-security.js';
import { UserManagement1765000000000 } from './migrations/1765000000000-user-management.js';
import { CaseAssignAck1765100000000 } from './migrations/1765100000000-case-assign-ack.js';
import { SiteKnowledge1765300000000 } from './migrations/1765300000000-site-knowledge.js';
import { ShiftLog1765500000000 } from './migrations/1765500000000-shift-log.js';
import { UserLocale1765600000000 } from './migrations/1765600000000-user-locale.js';
import { RosterSwaps1765700000000 } from './migrations/1765700000000-roster-swaps.js';
import { AuditFilters1765800000000 } from './migrations/1765800000000-audit-filters.js';
import { CaseTitleRef1765900000000 } from './migrations/1765900000000-case-title-ref.js';
import { SignalReasonRef1766000000000 } from './migrations/1766000000000-signal-reason-ref.js';
import { SignalDecisions1766100000000 } from './migrations/1766100000000-signal-decisions.js';
import { SignalReferences1766200000000 } from './migrations/1766200000000-signal-references.js';

/** Migrations are listed here in order; the schema never comes from `synchronize`. */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  Dc09Receiver1763900000000,
  Directory1764000000000,
  Rules1764100000000,
  CaseHandling1764200000000,
  Intake1764300000000,
  OperatorStates1764400000000,
  CasesClosedIndex1764500000000,
  ManagerMessageForwarding1764600000000,
  SignalRawBytes1764700000000,
  TransmitterSecurity1764800000000,
  UserManagement1765000000000,
  CaseAssignAck1765100000000,
  SiteKnowledge1765300000000,
  ShiftLog1765500000000,
  UserLocale1765600000000,
  RosterSwaps1765700000000,
  AuditFilters1765800000000,
  CaseTitleRef1765900000000,
  SignalReasonRef1766000000000,
  SignalDecisions1766100000000,
  SignalReferences1766200000000,
];

/**
 * The options of the application's data source. The floor knows no entity class: the Nest app
 * registers them with `autoLoadEntities` (each module's `TypeOrmModule.forFeature`), and a
 * standalone data source that needs them passes them in (`src/entities.ts`).
 */
export function dataSourceOptions(
  databaseUrl: string,
  poolSize: number,
  entities: NonNullable<DataSourceOptions['entities']> = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: poolSize, application_name: 'arc-server' },
  };
}
