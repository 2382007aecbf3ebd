import type { Page } from '@arc/shared';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { returnedRows } from '../common/sql.js';

/**
 * Small SQL helpers shared by the directory services. Every service runs its writes in one
 * transaction with the audit entry, so these take the transaction's EntityManager.
 */

export type Db = Pick<EntityManager, 'query'>;

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

export function throwNotFound(entity: string, id: string): never {
  throw new AppError('NOT_FOUND', `${entity} ${id} does not exist`);
}

/** 422 naming the input field that points at something missing. */
export async function requireRow(db: Db, table: string, id: string, field: string, what: string): Promise<void> {
  const found = await first(db, `SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  if (!found) throw new AppError('UNPROCESSABLE', `${field}: ${what} ${id} does not exist`);
}

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

/** True when the error is PostgreSQL's unique violation of that constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint: name } = (driver ?? {}) as { code?: string; constraint?: string };
  return code === '23505' && name === constraint;
}

export function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}
