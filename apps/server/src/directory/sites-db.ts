import type { Site } from '@arc/shared/directory';
import { type Db, first, iso, isoOrNull, throwNotFound } from '../database/sql-kit.js';

/** The SQL read model of sites (with their contract and customer). */

interface SiteRow {
  id: string;
  name: string;
  street: string;
  postcode: string;
  city: string;
  municipality: string;
  address_ref: string | null;
  contract_id: string | null;
  contract_no: string | null;
  customer_no: string | null;
  customer_name: string | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const SITE_COLUMNS = `s.id, s.name, s.street, s.postcode, s.city, s.municipality, s.address_ref, s.contract_id,
  k.contract_no, c.customer_no, c.name AS customer_name, s.archived_at, s.created_at, s.updated_at`;
export const SITE_FROM = `sites s LEFT JOIN contracts k ON k.id = s.contract_id LEFT JOIN customers c ON c.id = k.customer_id`;

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    municipality: row.municipality,
    addressRef: row.address_ref,
    contractId: row.contract_id,
    contractNo: row.contract_no,
    customerNo: row.customer_no,
    customerName: row.customer_name,
    archivedAt: isoOrNull(row.archived_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export async function findSite(db: Db, id: string, lock = false): Promise<Site | undefined> {
  const row = await first<SiteRow>(
    db,
    `SELECT ${SITE_COLUMNS} FROM ${SITE_FROM} WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
    [id],
  );
  return row && toSite(row);
}

/** Locks the site row so concurrent contact changes of one site queue up; 404 when missing. */
export async function lockSite(db: Db, siteId: string): Promise<void> {
  if (!(await first(db, `SELECT 1 FROM sites WHERE id = $1 FOR UPDATE`, [siteId]))) throwNotFound('site', siteId);
}

/** A site's name and whether it is archived (no longer monitored); undefined for an unknown site. */
export async function siteNameAndArchive(
  db: Db,
  siteId: string,
): Promise<{ name: string; archived_at: Date | null } | undefined> {
  return first<{ name: string; archived_at: Date | null }>(db, `SELECT name, archived_at FROM sites WHERE id = $1`, [
    siteId,
  ]);
}
