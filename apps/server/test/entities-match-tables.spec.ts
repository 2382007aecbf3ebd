import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { ENTITIES } from '../src/entities.js';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database.js';

/**
 * Every entity class registered in the data-source options describes its table exactly: the
 * same column names, each with the same type and nullability as the migrated table has. An
 * entity that has drifted from its table (a column added by a migration but not to the class,
 * or the other way round) fails here, naming the table and the columns.
 */
const PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const url = `${PG_BASE}/arc_test_entities_${process.pid}_${randomBytes(4).toString('hex')}`;
let dataSource: DataSource;

beforeAll(async () => {
  await ensureDatabase(url);
  dataSource = new DataSource(dataSourceOptions(url, 2, ENTITIES));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(url);
});

interface TableColumn {
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

/** The type as information_schema names it; arrays and user-defined types by their udt name. */
function tableType(column: TableColumn): string {
  return column.data_type === 'ARRAY' || column.data_type === 'USER-DEFINED' ? column.udt_name : column.data_type;
}

describe('entity classes and their tables', () => {
  it('registers at least one entity', () => {
    expect(ENTITIES.length).toBeGreaterThan(0);
  });

  it('gives every registered entity exactly its table’s columns, types and nullability', async () => {
    const drift: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      const found = await dataSource.query<TableColumn[]>(
        `SELECT column_name, data_type, udt_name, is_nullable FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1`,
        [metadata.tableName],
      );
      if (found.length === 0) {
        drift.push(`${metadata.name}: table ${metadata.tableName} does not exist`);
        continue;
      }
      const table = new Map(found.map((c) => [c.column_name, c]));
      const entity = new Map(metadata.columns.map((c) => [c.databaseName, c]));
      for (const [name, column] of entity) {
        const actual = table.get(name);
        if (!actual) {
          drift.push(`${metadata.name}: column ${metadata.tableName}.${name} is not in the table`);
          continue;
        }
        const type = dataSource.driver.normalizeType(column);
        const expectedType = column.isArray ? `_${type}` : type;
        const actualType = column.isArray ? actual.udt_name : tableType(actual);
        if (expectedType !== actualType) {
          drift.push(
            `${metadata.name}: ${metadata.tableName}.${name} is ${actualType}, the entity says ${expectedType}`,
          );
        }
        if (column.isNullable !== (actual.is_nullable === 'YES')) {
          drift.push(
            `${metadata.name}: ${metadata.tableName}.${name} is ${actual.is_nullable === 'YES' ? '' : 'NOT '}NULL, ` +
              `the entity says ${column.isNullable ? 'nullable' : 'not nullable'}`,
          );
        }
      }
      for (const name of table.keys()) {
        if (!entity.has(name))
          drift.push(`${metadata.name}: table column ${metadata.tableName}.${name} is not in the entity`);
      }
    }
    expect(drift).toEqual([]);
  });
});
