import { classifyEventCode } from '@arc/shared/event-codes';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '../lib/i18n/locale';
import { eventLabel } from './event-label';

afterEach(() => applyLocale('en'));

/** Every code shape classifyEventCode reads: all SIA letter pairs, all Contact ID qualifiers and events. */
function everyCode(): string[] {
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const sia = letters.flatMap((a) => letters.map((b) => `${a}${b}`));
  const cid = ['1', '3', '6'].flatMap((q) =>
    Array.from({ length: 1000 }, (_, n) => `${q}${String(n).padStart(3, '0')}`),
  );
  return [...sia, ...cid];
}

describe('eventLabel', () => {
  it('says SIA and Contact ID events in Swedish', () => {
    applyLocale('sv');
    expect(eventLabel('FA', 'Fire alarm')).toBe('Brandlarm');
    expect(eventLabel('BR', 'Burglary restore')).toBe('Inbrottslarm återställt');
    expect(eventLabel('1130', 'Burglary')).toBe('Inbrott');
    expect(eventLabel('1111', 'Smoke alarm')).toBe('Röklarm');
  });

  it('says a Contact ID restore (qualifier 3) as a restore, and a closing as its open/close event', () => {
    applyLocale('sv');
    expect(eventLabel('3130', 'Burglary restore')).toBe('Inbrott återställt');
    expect(eventLabel('3110', 'Fire alarm restore')).toBe('Brandlarm återställt');
    expect(eventLabel('3401', 'Open/close by user')).toBe('Från-/tillkoppling av användare');
    applyLocale('en');
    expect(eventLabel('3130', 'x')).toBe('Burglary restore');
    expect(eventLabel('3401', 'x')).toBe('Open/close by user');
  });

  it('keeps the English of the event-code table word for word, for every code it knows', () => {
    applyLocale('en');
    let known = 0;
    for (const code of everyCode()) {
      const event = classifyEventCode(code);
      if (!event) continue;
      known += 1;
      expect(eventLabel(code, 'fallback'), code).toBe(event.description);
    }
    // 35 SIA codes; 24 Contact ID events under qualifiers 1 and 6, and 3 (restores and closings).
    expect(known).toBe(35 + 24 * 3);
  });

  it('has a Swedish text of its own for every code it knows', () => {
    applyLocale('sv');
    for (const code of everyCode()) {
      const event = classifyEventCode(code);
      if (!event) continue;
      const label = eventLabel(code, 'fallback');
      expect(label, code).not.toBe('fallback');
      expect(label, code).not.toMatch(/^events:/);
      expect(label, code).not.toContain('restore');
    }
  });

  it('falls back to the given description for an unknown code', () => {
    applyLocale('sv');
    expect(eventLabel('ZZ', 'Something odd')).toBe('Something odd');
    expect(eventLabel('1999', 'Vendor event 999')).toBe('Vendor event 999');
    expect(eventLabel(null, 'Something odd')).toBe('Something odd');
    applyLocale('en');
    expect(eventLabel('ZZ', 'Something odd')).toBe('Something odd');
  });

  it("says the server's own words in the language in force when no code says more", () => {
    applyLocale('sv');
    expect(eventLabel('ZZ', 'Unknown event code')).toBe('Okänd händelsekod');
    expect(eventLabel(undefined, 'Fire restore')).toBe('Brandlarm återställt');
    applyLocale('en');
    expect(eventLabel('ZZ', 'Unknown event code')).toBe('Unknown event code');
  });
});
