import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/** The statement's name on every connection: derived from its text, so one text has one name. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `arc_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs a statement as a named prepared statement: each connection parses and plans it once
 * and afterwards only binds and executes it (node-postgres keeps track of which connection has
 * prepared which name). For the statements of the hot paths, whose text is fixed: every
 * connection keeps each prepared text for its lifetime, so a text built per call must not come
 * here. Runs in the manager's transaction when it has one. Errors are PostgreSQL's own (with
 * their `code`), not TypeORM's wrapper.
 */
export async function preparedRows<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const config = { name: statementName(sql), text: sql, values: params };
  const inTransaction = 'queryRunner' in db ? db.queryRunner : undefined;
  if (inTransaction) return ((await client(inTransaction).query(config)).rows ?? []) as T[];
  const source = 'createQueryRunner' in db ? db : db.connection;
  const runner = source.createQueryRunner();
  try {
    await runner.connect();
    return ((await client(runner).query(config)).rows ?? []) as T[];
  } finally {
    await runner.release();
  }
}

function client(runner: QueryRunner): PgClient {
  const connection = (runner as unknown as { databaseConnection?: PgClient }).databaseConnection;
  if (!connection) throw new Error('The query runner has no PostgreSQL connection');
  return connection;
}
