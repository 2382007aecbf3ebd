import { onCallNow, type Contact, type OnCallRoster } from '@arc/shared/directory';
import { type Db, first, rows } from '../database/sql-kit.js';

/** The SQL read models of contacts and on-call rosters. */

interface ContactRow {
  id: string;
  site_id: string;
  name: string;
  note: string | null;
  position: number;
  routes: Contact['routes'];
}

const CONTACT_COLUMNS = 'id, site_id, name, note, position, routes';

function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    note: row.note,
    position: row.position,
    routes: row.routes,
  };
}

export async function findContact(db: Db, id: string, lock = false): Promise<Contact | undefined> {
  const row = await first<ContactRow>(
    db,
    `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row && toContact(row);
}

export async function contactsOfSite(db: Db, siteId: string): Promise<Contact[]> {
  const found = await rows<ContactRow>(
    db,
    `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE site_id = $1 ORDER BY position, id`,
    [siteId],
  );
  return found.map(toContact);
}

export interface RosterRow {
  id: string;
  name: string;
  rotation_start: string;
  members: OnCallRoster['members'];
}

export const ROSTER_COLUMNS = 'id, name, rotation_start::text AS rotation_start, members';

export function toRoster(row: RosterRow, now: Date): OnCallRoster {
  const roster = { id: row.id, name: row.name, rotationStart: row.rotation_start, members: row.members };
  return { ...roster, onCallNow: onCallNow(roster, now) };
}

export async function findRoster(db: Db, id: string, lock = false): Promise<OnCallRoster | undefined> {
  const row = await first<RosterRow>(
    db,
    `SELECT ${ROSTER_COLUMNS} FROM on_call_rosters WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row && toRoster(row, new Date());
}

export async function rostersByIds(db: Db, ids: string[], now: Date): Promise<OnCallRoster[]> {
  if (ids.length === 0) return [];
  const found = await rows<RosterRow>(
    db,
    `SELECT ${ROSTER_COLUMNS} FROM on_call_rosters WHERE id = ANY($1::uuid[]) ORDER BY name, id`,
    [ids],
  );
  return found.map((row) => toRoster(row, now));
}
