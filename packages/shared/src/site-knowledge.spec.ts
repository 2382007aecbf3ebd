import { describe, expect, it } from 'vitest';
import { ContactAttemptInputSchema, outcomesForRoute } from './case-handling.js';
import {
  emergencyNumbers,
  findZone,
  noteActive,
  SiteNoteInputSchema,
  TransmitterZonesInputSchema,
  zoneKey,
} from './site-knowledge.js';

describe('site knowledge rules', () => {
  it('matches zones with leading zeros ignored and letters in any case', () => {
    expect(zoneKey('002')).toBe('2');
    expect(zoneKey('0')).toBe('0');
    expect(zoneKey('a1')).toBe('A1');
    const zones = [{ zone: '2', name: 'Kitchen', location: null }];
    expect(findZone(zones, '002')?.name).toBe('Kitchen');
    expect(findZone(zones, '12')).toBeUndefined();
    expect(findZone(zones, null)).toBeUndefined();
    expect(
      TransmitterZonesInputSchema.safeParse({
        zones: [
          { zone: '02', name: 'A' },
          { zone: '2', name: 'B' },
        ],
      }).success,
    ).toBe(false);
  });

  it("uses the site's numbers over the centre's", () => {
    expect(emergencyNumbers(null)).toMatchObject({ police: '112', policeNonUrgent: '114 14', rescue: '112' });
    expect(emergencyNumbers({ policePhone: '010-56 56 56', rescuePhone: null })).toMatchObject({
      police: '010-56 56 56',
      policeFromSite: true,
      rescue: '112',
      rescueFromSite: false,
    });
  });

  it('bounds a note to 90 days after its start', () => {
    const from = '2026-01-01T00:00:00Z';
    expect(
      SiteNoteInputSchema.safeParse({ text: 'x', validFrom: from, validUntil: '2026-03-31T00:00:00Z' }).success,
    ).toBe(true);
    expect(
      SiteNoteInputSchema.safeParse({ text: 'x', validFrom: from, validUntil: '2026-04-02T00:00:00Z' }).success,
    ).toBe(false);
    expect(SiteNoteInputSchema.safeParse({ text: 'x', validFrom: from, validUntil: from }).success).toBe(false);
    const note = { validFrom: from, validUntil: '2026-01-02T00:00:00Z' };
    expect(noteActive(note, new Date('2026-01-01T12:00:00Z'))).toBe(true);
    expect(noteActive(note, new Date('2026-01-02T00:00:00Z'))).toBe(false);
  });

  it('offers call outcomes only for phones (defect 7)', () => {
    expect(outcomesForRoute('PHONE')).not.toContain('SENT');
    expect(outcomesForRoute('EMAIL')).toEqual(['SENT']);
    const attempt = { name: 'A', routeKind: 'EMAIL', routeValue: 'a@b.se' };
    expect(ContactAttemptInputSchema.safeParse({ ...attempt, outcome: 'ANSWERED' }).success).toBe(false);
    expect(ContactAttemptInputSchema.safeParse({ ...attempt, outcome: 'SENT' }).success).toBe(true);
  });
});
