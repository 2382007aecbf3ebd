import { onCallNow, type Contact, type OnCallRoster } from '@arc/shared/directory';
import { centreTimeZone } from '../common/centre-time.js';
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
  swaps: OnCallRoster['swaps'];
}

/** A roster's columns with its swaps (on_call_swaps) by week; the FROM names on_call_rosters unaliased. */
export const ROSTER_COLUMNS = `id, name, rotation_start::text AS rotation_start, members,
  (SELECT coalesce(json_agg(json_build_object('id', s.id, 'weekStart', s.week_start::text,
            'standIn', json_build_object('name', s.stand_in_name, 'phone', s.stand_in_phone),
            'outside', s.outside) ORDER BY s.week_start), '[]'::json)
     FROM on_call_swaps s WHERE s.roster_id = on_call_rosters.id) AS swaps`;

/** The roster with who is on call at `now`: weeks start Monday 00:00 in `timeZone` (the centre's). */
export function toRoster(row: RosterRow, now: Date, timeZone: string): OnCallRoster {
  const roster = {
    id: row.id,
    name: row.name,
    rotationStart: row.rotation_start,
    members: row.members,
    swaps: row.swaps,
  };
  return { ...roster, onCallNow: onCallNow(roster, now, timeZone) };
}

export async function findRoster(db: Db, id: string, lock = false): Promise<OnCallRoster | undefined> {
  const row = await first<RosterRow>(
    db,
    `SELECT ${ROSTER_COLUMNS} FROM on_call_rosters WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row && toRoster(row, new Date(), centreTimeZone());
}

/** The rosters with who is on call at `now` in the centre's time zone (CENTRE_TIME_ZONE) unless told another. */
export async function rostersByIds(
  db: Db,
  ids: string[],
  now: Date,
  timeZone: string = centreTimeZone(),
): Promise<OnCallRoster[]> {
  if (ids.length === 0) return [];
  const found = await rows<RosterRow>(
    db,
    `SELECT ${ROSTER_COLUMNS} FROM on_call_rosters WHERE id = ANY($1::uuid[]) ORDER BY name, id`,
    [ids],
  );
  return found.map((row) => toRoster(row, now, timeZone));
}
