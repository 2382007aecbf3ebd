import { UserEntity } from './auth/index.js';

/**
 * The entity classes the application registers with TypeORM. Only `auth/` uses the Repository API;
 * every other module reads and writes its tables with SQL through `database/sql-kit.ts`. Each class
 * must match its migrated table exactly (`test/entities-match-tables.spec.ts`).
 */
export const ENTITIES = [UserEntity];
