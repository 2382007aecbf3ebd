import { zoneKey } from '@arc/shared/site-knowledge';
import type pg from 'pg';
import { DEMO_SITES } from './demo-data.js';

/**
 * Site knowledge for the demo's live sites: zone names (the feed sends zones 001–024), the
 * instructions and hazards an operator reads on the case, and a temporary note on two sites.
 * Like the rest of the demo seed it only adds what is missing, so edits made in the console stay.
 */
export const DEMO_ZONE_NAMES: readonly string[] = [
  'Main entrance door',
  'Entrance hall motion detector',
  'Kitchen smoke detector',
  'Staff room motion detector',
  'Back door',
  'Corridor smoke detector',
  'Office 1 motion detector',
  'Office 2 motion detector',
  'Stairwell smoke detector',
  'Storeroom door',
  'Server room heat detector',
  'Loading bay shutter',
  'Ground floor windows (glass break)',
  'Upper floor windows (glass break)',
  'Hold-up button, reception',
  'Hold-up button, office',
  'Basement water leak sensor',
  'Boiler room heat detector',
  'Attic smoke detector',
  'Garage door',
  'Safe (vibration)',
  'Fire door east',
  'Fire door west',
  'Keypad tamper',
];

interface DemoKnowledge {
  instructions: string;
  hazards: string | null;
  /** A temporary note, valid for three days from the seed run. */
  note?: string;
}

const DEFAULT_KNOWLEDGE: DemoKnowledge = {
  instructions: 'Key box at the main entrance (code with the guard company). Alarm panel inside the entrance hall.',
  hazards: null,
};

const KNOWLEDGE: Readonly<Record<string, DemoKnowledge>> = {
  '1001': {
    instructions:
      'Guard keys in key box K-17. Panel behind the reception desk. Car park entrance from Kopparbergsvägen.',
    hazards: null,
    note: 'Painters on site this week: zone 006 (corridor) may trigger from dust between 07:00 and 16:00. Call Kristina Ek before dispatching.',
  },
  '1003': {
    instructions: 'Shop closes 22:00. Staff entrance at the loading dock; night code with the store manager.',
    hazards: 'Gas bottles (propane) stored in the back room by the loading dock.',
  },
  '1004': {
    instructions:
      'Children on site 06:30–18:00 on weekdays: a fire alarm then means evacuation is under way; call the preschool first.',
    hazards: 'Up to 60 children on weekdays. Assembly point: the playground gate towards Rosvägen.',
    note: 'Fire drill planned this Thursday 09:30–10:00: confirm with the head teacher before alerting the rescue service.',
  },
  '1005': {
    instructions: 'Gate code changes monthly: ask the contact. Alarm panel at the office door in the north corner.',
    hazards: 'Forklift batteries charging in hall B (hydrogen). Pallet racks up to 9 m.',
  },
  '1006': {
    instructions:
      'Pharmacy: police first on any intrusion or hold-up, then the pharmacist on call. Never send a guard inside alone.',
    hazards: 'Medicines safe in the back office (narcotics).',
  },
  '1007': {
    instructions: 'Private house. The dog is let out at night: a guard must call the owner before entering.',
    hazards: 'Dog (German shepherd) loose in the garden at night.',
  },
  '1008': {
    instructions: 'Health centre: reception staffed 08:00–17:00. Out of hours, the regional property on-call has keys.',
    hazards: 'Oxygen cylinders in the storeroom next to the treatment rooms.',
  },
};

export interface DemoKnowledgeReport {
  zones: number;
  sites: number;
  notes: number;
}

export async function seedDemoKnowledge(client: pg.ClientBase): Promise<DemoKnowledgeReport> {
  const report: DemoKnowledgeReport = { zones: 0, sites: 0, notes: 0 };
  for (const site of DEMO_SITES) {
    const found = await client.query<{ transmitter_id: string; site_id: string | null }>(
      `SELECT id AS transmitter_id, site_id FROM transmitters WHERE account = $1`,
      [site.account],
    );
    const row = found.rows[0];
    if (!row?.site_id) continue;
    const zones = await client.query(
      `INSERT INTO transmitter_zones (transmitter_id, zone_key, zone, name)
       SELECT $1, k, z, n FROM unnest($2::text[], $3::text[], $4::text[]) AS t(k, z, n)
       ON CONFLICT DO NOTHING`,
      [
        row.transmitter_id,
        DEMO_ZONE_NAMES.map((_, i) => zoneKey(String(i + 1).padStart(3, '0'))),
        DEMO_ZONE_NAMES.map((_, i) => String(i + 1).padStart(3, '0')),
        DEMO_ZONE_NAMES,
      ],
    );
    report.zones += zones.rowCount ?? 0;
    const knowledge = KNOWLEDGE[site.account] ?? DEFAULT_KNOWLEDGE;
    const updated = await client.query(
      `UPDATE sites SET instructions = $2, hazards = $3
        WHERE id = $1 AND instructions IS NULL AND hazards IS NULL`,
      [row.site_id, knowledge.instructions, knowledge.hazards],
    );
    report.sites += updated.rowCount ?? 0;
    if (knowledge.note) report.notes += await ensureNote(client, row.site_id, knowledge.note);
  }
  return report;
}

/** A note in force for three days, unless the site has one now; written by the demo admin once it exists. */
async function ensureNote(client: pg.ClientBase, siteId: string, text: string): Promise<number> {
  const inserted = await client.query(
    `INSERT INTO site_notes (site_id, text, valid_from, valid_until, author_user_id)
     SELECT $1, $2, now(), now() + interval '3 days', u.id
       FROM users u
      WHERE u.username = 'admin'
        AND NOT EXISTS (SELECT 1 FROM site_notes n
                         WHERE n.site_id = $1 AND n.valid_until > now() AND n.valid_from <= now())`,
    [siteId, text],
  );
  return inserted.rowCount ?? 0;
}
