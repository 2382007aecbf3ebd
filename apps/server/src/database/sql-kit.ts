import type { Page } from '@arc/shared/directory';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';

/**
 * The one SQL kit of the server: every module runs raw SQL through these helpers. A service
 * runs its writes in one transaction with the audit entry, so the helpers take the
 * transaction's EntityManager (or the DataSource, or anything else with `query`).
 */

// ---------------------------------------------------------------------------------------------
// Running statements

export type Db = Pick<EntityManager, 'query'>;

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

export async function rows<T>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return returnedRows<T>(await db.query(sql, params));
}

export async function first<T>(db: Db, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(db, sql, params))[0];
}

export async function count(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const row = await first<{ n: string | number }>(db, sql, params);
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Several statements in one round trip

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

// ---------------------------------------------------------------------------------------------
// Errors

/** What can be missing, in the English of the messages, with its code in the catalogue (errors:server.notFound). */
const ENTITIES = {
  case: 'caseRecord',
  'block window': 'blockWindow',
  'service mode': 'serviceMode',
  'service company': 'serviceCompany',
  approval: 'approval',
  person: 'person',
  site: 'siteRecord',
  contact: 'contact',
  'on-call roster': 'onCallRoster',
  'authorization list': 'authorizationList',
  transmitter: 'transmitterRecord',
  'site note': 'siteNote',
  contract: 'contract',
  customer: 'customer',
  call: 'call',
  'shift log note': 'shiftNote',
  message: 'message',
  verification: 'verification',
  swap: 'swap',
} as const;
export type EntityName = keyof typeof ENTITIES;

/** A 404 (or 422, with `code`) "site 123 does not exist", keyed errors:server.notFound. */
export function notFoundError(
  entity: EntityName,
  id: string,
  code: 'NOT_FOUND' | 'UNPROCESSABLE' = 'NOT_FOUND',
  field?: string,
): AppError {
  return new AppError(code, `${field ? `${field}: ` : ''}${entity} ${id} does not exist`, {
    key: 'notFound',
    params: { entity: ENTITIES[entity], id },
  });
}

export function throwNotFound(entity: EntityName, id: string): never {
  throw notFoundError(entity, id);
}

/** 422 naming the input field that points at something missing. */
export async function requireRow(db: Db, table: string, id: string, field: string, what: EntityName): Promise<void> {
  const found = await first(db, `SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  if (!found) throw notFoundError(what, id, 'UNPROCESSABLE', field);
}

/** True when the error is PostgreSQL's unique violation of that constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint: name } = (driver ?? {}) as { code?: string; constraint?: string };
  return code === '23505' && name === constraint;
}

// ---------------------------------------------------------------------------------------------
// Filters and pages

/** An ILIKE pattern matching `q` as a plain substring (its % and _ are not wildcards). */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Builds WHERE clauses with numbered parameters. */
export class Filter {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  /** `clause` uses `?` for the parameter's placeholder (may appear several times). */
  add(clause: string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  raw(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  get where(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

/** Runs the count and the page of a list query; `from` is everything after SELECT … up to WHERE. */
export async function pageOf<Row, T>(
  db: Db,
  options: { select: string; from: string; filter: Filter; orderBy: string },
  request: PageRequest,
  map: (row: Row) => T,
): Promise<Page<T>> {
  const { select, from, filter, orderBy } = options;
  const total = await count(db, `SELECT count(*) AS n FROM ${from} ${filter.where}`, filter.params);
  const n = filter.params.length;
  const items = await rows<Row>(
    db,
    `SELECT ${select} FROM ${from} ${filter.where} ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...filter.params, request.pageSize, (request.page - 1) * request.pageSize],
  );
  return { items: items.map(map), total, page: request.page, pageSize: request.pageSize };
}

// ---------------------------------------------------------------------------------------------
// Timestamps

export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

// ---------------------------------------------------------------------------------------------
// A plain statement runner (TypeORM EntityManager on the server, pg.Client in the CLIs)

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
