import { describe, expect, it } from 'vitest';
import { person, siteDetail, verified } from '../test/fixtures';
import { categoriesCovered, refusalFor } from './authority';
import { callerCandidates, candidateLabel } from './callers';
import { localInputToIso, toLocalInput, wholeHourFrom } from './datetime-input';
import { formatClock } from './labels';
import { suggestedOutcome } from './outcome';

describe('intake utils', () => {
  it('formats the call timer and countdown', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_400)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
    expect(formatClock(-5_000)).toBe('0:00');
  });

  it('counts the categories a window silences as the server does', () => {
    expect(categoriesCovered('FIRE', null)).toEqual(['FIRE']);
    expect(categoriesCovered(null, 'INTRUSION')).toEqual(['INTRUSION']);
    expect(categoriesCovered(null, null)).toEqual(['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE']);
  });

  it("finds the refusal in the server's authority table", () => {
    const c = verified('C').actions;
    expect(refusalFor(c, 'SERVICE_MODE', ['INTRUSION'])).toBeNull();
    expect(refusalFor(c, 'SERVICE_MODE', ['INTRUSION', 'FIRE'])).toEqual({
      category: 'FIRE',
      reason: 'level C may not put a fire transmitter in service mode; it needs level A or B',
    });
    expect(refusalFor(verified('B').actions, 'BLOCK_WINDOW', ['FIRE'])).toBeNull();
  });

  it('lists the persons of the lists and the installers, with what would make the server refuse', () => {
    const expired = { ...person('e0e0e0e0-e0e0-4e0e-8e0e-e0e0e0e0e0e0', 'Eva Ex', 'A', false), validTo: '2025-12-31' };
    const detail = siteDetail();
    detail.authorizationLists[0]!.persons.push(expired);
    const candidates = callerCandidates(detail, '2026-01-01');
    expect(candidates.map((c) => [c.name, c.kind, c.source])).toEqual([
      ['Bo Berg', 'list', 'Styrelsen BRF Svalan'],
      ['Cia Carlsson', 'list', 'Styrelsen BRF Svalan'],
      ['Eva Ex', 'list', 'Styrelsen BRF Svalan'],
      ['Ivan Installatör', 'installer', 'Brandservice AB'],
    ]);
    expect(candidateLabel(candidates[0]!)).toBe('Bo Berg (level B)');
    expect(candidateLabel(candidates[2]!)).toBe('Eva Ex (level A) — no password set, not valid today');
  });

  it('turns datetime-local values into instants and back', () => {
    // The centre's time (Europe/Stockholm, UTC+2 in May), whatever the browser's zone.
    const local = toLocalInput(new Date('2026-05-04T12:05:00.000Z'));
    expect(local).toBe('2026-05-04T14:05');
    expect(localInputToIso(local)).toBe('2026-05-04T12:05:00.000Z');
    expect(localInputToIso('')).toBe('');
    expect(toLocalInput(wholeHourFrom(new Date('2026-05-04T12:05:00.000Z'), 24))).toBe('2026-05-05T15:00');
  });

  it('suggests the outcome the call reached', () => {
    expect(suggestedOutcome({ outcome: 'STATUS_GIVEN' }, verified('B'), 1)).toBe('STATUS_GIVEN');
    expect(suggestedOutcome({ outcome: null }, verified('C'), 1)).toBe('REFUSED');
    expect(suggestedOutcome({ outcome: null }, { result: 'WRONG_PASSWORD' }, 0)).toBe('NOT_VERIFIED');
    expect(suggestedOutcome({ outcome: null }, null, 0)).toBe('OTHER');
  });
});
