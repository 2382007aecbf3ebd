/**
 * TypeORM's `query` returns `[rows, affectedCount]` for UPDATE and DELETE on PostgreSQL but
 * plain rows for SELECT and INSERT. This gives the rows either way.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
