/**
 * The one database capability the directory tools need: run a statement, get its rows. Both a
 * TypeORM EntityManager (server) and a pg.Client (CLIs) provide it, so the search, import and
 * generator share one implementation.
 */
export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

/** Runs `work` inside one transaction; a thrown error rolls it back. */
export type InTransaction = <T>(work: (sql: Sql) => Promise<T>) => Promise<T>;

interface PgLikeClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

export function sqlOfPg(client: PgLikeClient): Sql {
  return async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[];
}

export function transactionOfPg(client: PgLikeClient): InTransaction {
  const sql = sqlOfPg(client);
  return async <T>(work: (sql: Sql) => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      const result = await work(sql);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };
}
