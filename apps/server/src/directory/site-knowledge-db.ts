import {
  emergencyNumbers,
  type CaseSiteKnowledge,
  type SiteKnowledge,
  type SiteNote,
  type TransmitterZone,
} from '@arc/shared/site-knowledge';
import { type Db, first, iso, rows } from '../database/sql-kit.js';

/**
 * Reads of the site knowledge (zone names, instructions and hazards, temporary notes) shared by
 * the directory routes and the case screen's read model.
 */

interface ZoneRow {
  transmitter_id: string;
  zone: string;
  name: string;
  location: string | null;
}

const toZone = (row: ZoneRow): TransmitterZone => ({ zone: row.zone, name: row.name, location: row.location });

export async function zonesOfTransmitter(db: Db, transmitterId: string): Promise<TransmitterZone[]> {
  const found = await rows<ZoneRow>(
    db,
    `SELECT transmitter_id, zone, name, location FROM transmitter_zones WHERE transmitter_id = $1
      ORDER BY length(zone_key), zone_key`,
    [transmitterId],
  );
  return found.map(toZone);
}

/** The zone names of every transmitter of the site, by transmitter account. */
export async function zonesOfSiteByAccount(db: Db, siteId: string): Promise<Map<string, TransmitterZone[]>> {
  const found = await rows<ZoneRow & { account: string }>(
    db,
    `SELECT z.transmitter_id, z.zone, z.name, z.location, t.account
       FROM transmitter_zones z JOIN transmitters t ON t.id = z.transmitter_id
      WHERE t.site_id = $1 ORDER BY t.account, length(z.zone_key), z.zone_key`,
    [siteId],
  );
  const byAccount = new Map<string, TransmitterZone[]>();
  for (const row of found) {
    const list = byAccount.get(row.account) ?? [];
    list.push(toZone(row));
    byAccount.set(row.account, list);
  }
  return byAccount;
}

interface KnowledgeRow {
  id: string;
  instructions: string | null;
  hazards: string | null;
  police_phone: string | null;
  rescue_phone: string | null;
}

export async function knowledgeOfSite(db: Db, siteId: string, lock = false): Promise<SiteKnowledge | undefined> {
  const row = await first<KnowledgeRow>(
    db,
    `SELECT id, instructions, hazards, police_phone, rescue_phone FROM sites WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [siteId],
  );
  return (
    row && {
      siteId: row.id,
      instructions: row.instructions,
      hazards: row.hazards,
      policePhone: row.police_phone,
      rescuePhone: row.rescue_phone,
    }
  );
}

interface NoteRow {
  id: string;
  site_id: string;
  text: string;
  valid_from: Date;
  valid_until: Date;
  author_user_id: string;
  author_name: string | null;
  created_at: Date;
}

const NOTE_SELECT = `SELECT n.id, n.site_id, n.text, n.valid_from, n.valid_until, n.author_user_id,
       u.display_name AS author_name, n.created_at
  FROM site_notes n JOIN users u ON u.id = n.author_user_id`;

export function toSiteNote(row: NoteRow): SiteNote {
  return {
    id: row.id,
    siteId: row.site_id,
    text: row.text,
    validFrom: iso(row.valid_from),
    validUntil: iso(row.valid_until),
    author: { userId: row.author_user_id, name: row.author_name ?? '' },
    createdAt: iso(row.created_at),
  };
}

/** The site's notes by start; without `includeExpired` only those not yet expired (current and coming). */
export async function notesOfSite(db: Db, siteId: string, includeExpired: boolean): Promise<SiteNote[]> {
  const found = await rows<NoteRow>(
    db,
    `${NOTE_SELECT} WHERE n.site_id = $1 ${includeExpired ? '' : 'AND n.valid_until > now()'}
      ORDER BY n.valid_from, n.created_at, n.id`,
    [siteId],
  );
  return found.map(toSiteNote);
}

export async function findSiteNote(db: Db, siteId: string, noteId: string): Promise<SiteNote | undefined> {
  const row = await first<NoteRow>(db, `${NOTE_SELECT} WHERE n.site_id = $1 AND n.id = $2`, [siteId, noteId]);
  return row && toSiteNote(row);
}

/** For the case screen: instructions, hazards, the notes in force now and the numbers to call. */
export async function caseSiteKnowledge(db: Db, siteId: string | null): Promise<CaseSiteKnowledge | null> {
  if (!siteId) return null;
  const knowledge = await knowledgeOfSite(db, siteId);
  if (!knowledge) return null;
  const active = await rows<NoteRow>(
    db,
    `${NOTE_SELECT} WHERE n.site_id = $1 AND n.valid_from <= now() AND n.valid_until > now()
      ORDER BY n.valid_from, n.created_at, n.id`,
    [siteId],
  );
  return {
    instructions: knowledge.instructions,
    hazards: knowledge.hazards,
    notes: active.map(toSiteNote),
    emergency: emergencyNumbers(knowledge),
  };
}
