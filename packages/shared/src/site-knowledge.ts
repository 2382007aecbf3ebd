import { z } from 'zod';
import { safeString } from './safe-input.js';

/**
 * What the operator must know about a site when its alarm comes in: the names of the
 * transmitter's zones ("Zone 002 — Kitchen smoke detector"), standing instructions and hazards,
 * temporary notes with an expiry ("Painters on site until Friday"), and the numbers to call for
 * the police and rescue-service steps of the action plan.
 */

const text = (max: number) => safeString().trim().min(1, 'is required').max(max);
const optionalText = (max: number) =>
  safeString()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

// ---- zones -----------------------------------------------------------------------------------

/** A zone number as the transmitter sends it (SIA / Contact ID): 1-8 letters or digits. */
export const ZoneNumberSchema = safeString()
  .trim()
  .regex(/^[0-9A-Za-z]{1,8}$/, 'must be 1-8 letters or digits, e.g. 002');

/** The key a zone is matched by: digits without leading zeros ("002" = "2"), letters upper-cased. */
export function zoneKey(zone: string): string {
  const trimmed = zone.trim().toUpperCase();
  return /^\d+$/.test(trimmed) ? String(Number.parseInt(trimmed, 10)) : trimmed;
}

export const TransmitterZoneInputSchema = z
  .object({
    zone: ZoneNumberSchema,
    name: text(100),
    /** Where it is or what to know about it ("2nd floor, above the stove"). */
    location: optionalText(300),
  })
  .strict();
export type TransmitterZoneInput = z.input<typeof TransmitterZoneInputSchema>;

export const ZONES_MAX = 1000;

/** The first zone listed twice ("002" and "2" are the same zone), or null. */
export function duplicateZone(zones: readonly { zone: string }[]): { index: number; message: string } | null {
  const seen = new Set<string>();
  for (const [index, zone] of zones.entries()) {
    const key = zoneKey(zone.zone);
    if (seen.has(key)) return { index, message: `zone ${zone.zone} is listed twice` };
    seen.add(key);
  }
  return null;
}

/** PUT /transmitters/:id/zones: the transmitter's whole zone list (replaces what was there). */
export const TransmitterZonesInputSchema = z
  .object({ zones: z.array(TransmitterZoneInputSchema).max(ZONES_MAX, `at most ${ZONES_MAX} zones`) })
  .strict()
  .superRefine((input, ctx) => {
    const problem = duplicateZone(input.zones);
    if (problem) ctx.addIssue({ code: 'custom', path: ['zones', problem.index, 'zone'], message: problem.message });
  });
export type TransmitterZonesInput = z.input<typeof TransmitterZonesInputSchema>;

export const TransmitterZoneSchema = z.object({
  zone: z.string(),
  name: z.string(),
  location: z.string().nullable(),
});
export type TransmitterZone = z.infer<typeof TransmitterZoneSchema>;

/** The zone's entry in a list, matched by zoneKey; undefined when it has no name. */
export function findZone(zones: readonly TransmitterZone[], zone: string | null): TransmitterZone | undefined {
  if (!zone) return undefined;
  const key = zoneKey(zone);
  return zones.find((z) => zoneKey(z.zone) === key);
}

// ---- standing instructions, hazards and emergency numbers ----------------------------------

/** A number to dial: digits, spaces, dashes, an optional leading +; "112", "114 14", "+46 8 123 45". */
export const DialNumberSchema = safeString()
  .trim()
  .max(30, 'must be at most 30 characters')
  .regex(/^\+?[0-9][0-9 -]{1,28}[0-9]$/, 'must be a number to dial, e.g. 112 or 010-123 45 67');

/** PUT /sites/:id/knowledge (admin). Empty or missing fields are stored as "none". */
export const SiteKnowledgeInputSchema = z
  .object({
    /** Free text for the operator: keys, access, entry, who opens. */
    instructions: optionalText(4000),
    /** Dangers for guards and the rescue service: gas bottles, dogs, asbestos. */
    hazards: optionalText(2000),
    /** This site's number for the police step; null uses the centre's default. */
    policePhone: DialNumberSchema.nullish().transform((v) => v ?? null),
    /** This site's number for the rescue-service step; null uses the centre's default. */
    rescuePhone: DialNumberSchema.nullish().transform((v) => v ?? null),
  })
  .strict();
export type SiteKnowledgeInput = z.input<typeof SiteKnowledgeInputSchema>;

export const SiteKnowledgeSchema = z.object({
  siteId: z.uuid(),
  instructions: z.string().nullable(),
  hazards: z.string().nullable(),
  policePhone: z.string().nullable(),
  rescuePhone: z.string().nullable(),
});
export type SiteKnowledge = z.infer<typeof SiteKnowledgeSchema>;

/**
 * The centre's numbers when a site has none of its own (Sweden). An ARC alerts the police for a
 * hold-up or a verified intrusion, which is urgent: 112. 114 14 is the police's number for
 * matters that are not urgent (reporting afterwards) and is shown beside it.
 */
export const DEFAULT_EMERGENCY_NUMBERS = {
  police: '112',
  policeNonUrgent: '114 14',
  rescue: '112',
} as const;

export const EmergencyNumbersSchema = z.object({
  police: z.string(),
  policeNonUrgent: z.string(),
  rescue: z.string(),
  /** The site's own number is used (not the centre's default). */
  policeFromSite: z.boolean(),
  rescueFromSite: z.boolean(),
});
export type EmergencyNumbers = z.infer<typeof EmergencyNumbersSchema>;

export function emergencyNumbers(
  site: Pick<SiteKnowledge, 'policePhone' | 'rescuePhone'> | null,
  defaults: { police: string; policeNonUrgent: string; rescue: string } = DEFAULT_EMERGENCY_NUMBERS,
): EmergencyNumbers {
  return {
    police: site?.policePhone ?? defaults.police,
    policeNonUrgent: defaults.policeNonUrgent,
    rescue: site?.rescuePhone ?? defaults.rescue,
    policeFromSite: Boolean(site?.policePhone),
    rescueFromSite: Boolean(site?.rescuePhone),
  };
}

// ---- temporary notes -------------------------------------------------------------------------

/** The longest a temporary note may run: longer-lived knowledge belongs in the instructions. */
export const SITE_NOTE_MAX_DAYS = 90;
const DAY_MS = 86_400_000;

const isoTime = z.iso.datetime({ offset: true, message: 'must be a time like 2026-12-01T07:00:00+01:00' });

/** POST /sites/:id/notes. validFrom defaults to now; validUntil is required and bounded. */
export const SiteNoteInputSchema = z
  .object({
    text: text(1000),
    validFrom: isoTime.nullish().transform((v) => v ?? null),
    validUntil: isoTime,
  })
  .strict()
  .superRefine((input, ctx) => {
    const from = input.validFrom ? Date.parse(input.validFrom) : Date.now();
    const until = Date.parse(input.validUntil);
    if (until <= from) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must be after the start' });
    } else if (until - from > SITE_NOTE_MAX_DAYS * DAY_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: `must be at most ${SITE_NOTE_MAX_DAYS} days after the start`,
      });
    }
  });
export type SiteNoteInput = z.input<typeof SiteNoteInputSchema>;

/** GET /sites/:id/notes: the notes not yet expired; includeExpired=true for all of them. */
export const SiteNoteListQuerySchema = z
  .object({ includeExpired: z.enum(['true', 'false']).optional() })
  .strict()
  .transform((q) => ({ includeExpired: q.includeExpired === 'true' }));

export const SiteNoteSchema = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  text: z.string(),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime(),
  author: z.object({ userId: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
});
export type SiteNote = z.infer<typeof SiteNoteSchema>;

/** In force at `now`: started and not yet expired. */
export function noteActive(note: Pick<SiteNote, 'validFrom' | 'validUntil'>, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(note.validFrom) <= t && t < Date.parse(note.validUntil);
}

/** What the case screen shows about the site beyond its address (CaseDetail.siteKnowledge). */
export const CaseSiteKnowledgeSchema = z.object({
  instructions: z.string().nullable(),
  hazards: z.string().nullable(),
  /** Temporary notes in force now (started, not expired), by start. */
  notes: z.array(SiteNoteSchema),
  emergency: EmergencyNumbersSchema,
});
export type CaseSiteKnowledge = z.infer<typeof CaseSiteKnowledgeSchema>;
