import { describe, expect, it } from 'vitest';
import { makeCase } from '../test/fixtures';
import { applyQueueFilter, groupBySite, matchesFilter, NO_FILTER, parseQueueFilter } from './queue-filter';

const SITE_A = '00000000-0000-4000-8000-00000000aaaa';
const SITE_B = '00000000-0000-4000-8000-00000000bbbb';

describe('queue filter', () => {
  const fire = makeCase({ category: 'FIRE', siteName: 'Björken förskola', account: '7001', caseNo: '2026-0000101' });
  const held = makeCase({ category: 'INTRUSION', status: 'ACCEPTED', siteName: 'Main Street Bank', account: '7002' });
  const tech = makeCase({ category: 'TECHNICAL', siteName: 'Ekbacken', account: '7003', caseNo: '2026-0000103' });
  const holdup = makeCase({ category: 'HOLDUP', siteName: 'Kiosken', account: '7004' });
  const cases = [fire, holdup, held, tech];

  it('filters by category, state and text over site, account and case number (diacritics folded)', () => {
    expect(matchesFilter(fire, { ...NO_FILTER, categories: ['FIRE'] })).toBe(true);
    expect(matchesFilter(tech, { ...NO_FILTER, categories: ['FIRE', 'HOLDUP'] })).toBe(false);
    expect(matchesFilter(held, { ...NO_FILTER, state: 'held' })).toBe(true);
    expect(matchesFilter(held, { ...NO_FILTER, state: 'waiting' })).toBe(false);
    expect(matchesFilter(fire, { ...NO_FILTER, text: 'bjorken' })).toBe(true);
    expect(matchesFilter(fire, { ...NO_FILTER, text: '7001' })).toBe(true);
    expect(matchesFilter(tech, { ...NO_FILTER, text: '0000103' })).toBe(true);
    expect(matchesFilter(tech, { ...NO_FILTER, text: 'ekbacken 7001' })).toBe(false);
  });

  it('counts the waiting fire and hold-up cases a filter hides', () => {
    const result = applyQueueFilter(cases, { ...NO_FILTER, categories: ['TECHNICAL'] });
    expect(result.shown).toEqual([tech]);
    expect(result.total).toBe(4);
    expect(result.hiddenUrgent).toEqual({ FIRE: 1, HOLDUP: 1 });
    // No filter: the same array, nothing hidden.
    expect(applyQueueFilter(cases, NO_FILTER)).toEqual({
      shown: cases,
      total: 4,
      hiddenUrgent: { FIRE: 0, HOLDUP: 0 },
    });
  });

  it('reads back a stored filter, dropping what it does not know', () => {
    expect(parseQueueFilter({ categories: ['FIRE', 'NOPE'], state: 'held', text: 'x' })).toEqual({
      categories: ['FIRE'],
      state: 'held',
      text: 'x',
    });
    expect(parseQueueFilter('garbage')).toEqual(NO_FILTER);
    expect(parseQueueFilter({ state: 'sleeping', categories: 3 })).toEqual(NO_FILTER);
  });
});

describe('groupBySite', () => {
  it('puts a site’s cases under one header where its most urgent case stands; the rest keeps queue order', () => {
    const fireA = makeCase({ category: 'FIRE', siteId: SITE_A, siteName: 'Preschool' });
    const holdupB = makeCase({ category: 'HOLDUP', siteId: SITE_B, siteName: 'Bank' });
    const duressA = makeCase({ category: 'HOLDUP', siteId: SITE_A, siteName: 'Preschool' });
    const lone = makeCase({ category: 'INTRUSION', siteId: null, account: '9999', siteName: null });
    const tamperA = makeCase({ category: 'TECHNICAL', siteId: SITE_A, siteName: 'Preschool' });
    const items = groupBySite([fireA, holdupB, duressA, lone, tamperA]);
    expect(items.map((i) => (i.kind === 'group' ? `group ${i.siteName} ${i.count}` : i.summary.caseNo))).toEqual([
      'group Preschool 3',
      fireA.caseNo,
      duressA.caseNo,
      tamperA.caseNo,
      holdupB.caseNo,
      lone.caseNo,
    ]);
    expect(items[0]).toMatchObject({ kind: 'group', categories: ['FIRE', 'HOLDUP', 'TECHNICAL'] });
    expect(items.filter((i) => i.kind === 'case' && i.grouped)).toHaveLength(3);
  });

  it('groups cases without a site by account', () => {
    const a = makeCase({ siteId: null, account: '5555', siteName: null, unknownTransmitter: true });
    const b = makeCase({ siteId: null, account: '5555', siteName: null, unknownTransmitter: true });
    expect(groupBySite([a, b])[0]).toMatchObject({ kind: 'group', siteName: 'Unknown transmitter 5555', count: 2 });
  });
});
