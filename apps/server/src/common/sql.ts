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

/** A statement and its parameters, numbered from $1. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * One statement out of several: each of `steps` becomes a data-modifying WITH query of `main`,
 * so they cost one round trip together, and commit or fail together. The steps must touch
 * different rows than each other and than `main` reads: in one statement none sees another's
 * changes, and their order is not defined. Parameters are renumbered after each other.
 */
export function combineStatements(steps: SqlPart[], main: SqlPart): SqlPart {
  const params: unknown[] = [];
  const renumber = (part: SqlPart): string => {
    const offset = params.length;
    params.push(...part.params);
    return part.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  };
  const withs = steps.map((step, i) => `step_${i} AS (${renumber(step)})`);
  const body = renumber(main);
  return { sql: withs.length > 0 ? `WITH ${withs.join(',\n')}\n${body}` : body, params };
}
