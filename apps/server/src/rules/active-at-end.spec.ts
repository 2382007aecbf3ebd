import { describe, expect, it } from 'vitest';
import { activeAtEnd, type LaterRestore, type SuppressedAlarm } from './active-at-end.js';
import { restoreFamilyOf } from './restore-family.js';

const alarm = (id: number, code: string, zone: string | null = '1'): SuppressedAlarm => ({
  id: String(id),
  code,
  zone,
});
const restore = (id: number, code: string, zone: string | null = '1'): LaterRestore => ({ id: String(id), code, zone });

describe('activeAtEnd', () => {
  it.each<[string, SuppressedAlarm[], LaterRestore[], string[]]>([
    ['an alarm without restore is active', [alarm(1, 'FA')], [], ['1']],
    ['a restore after the alarm clears it', [alarm(1, 'FA')], [restore(2, 'FR')], []],
    ['a restore before the alarm does not', [alarm(5, 'FA')], [restore(2, 'FR')], ['5']],
    ['a restore of another zone does not', [alarm(1, 'FA', '1')], [restore(2, 'FR', '2')], ['1']],
    [
      'a restore without zone clears every zone',
      [alarm(1, 'FA', '1'), alarm(2, 'FA', '2')],
      [restore(3, 'FR', null)],
      [],
    ],
    [
      'a restore of another family does not (water restore vs fire trouble)',
      [alarm(1, 'FT')],
      [restore(2, 'WH')],
      ['1'],
    ],
    ['alarm, restore, alarm again: active', [alarm(1, 'BA'), alarm(3, 'BA')], [restore(2, 'BR')], ['3']],
    ['BV is restored by BR', [alarm(1, 'BV')], [restore(2, 'BR')], []],
    ['Contact ID: 1130 restored by 3130', [alarm(1, '1130')], [restore(2, '3130')], []],
    ['Contact ID: 1130 not restored by 3110', [alarm(1, '1130')], [restore(2, '3110')], ['1']],
    ['events without a restore are never active (fail to open)', [alarm(1, 'OI')], [], []],
    ['unknown codes are never active', [alarm(1, 'ZZ')], [], []],
    ['one entry per family and zone, the last alarm', [alarm(1, 'FA'), alarm(2, 'FA'), alarm(4, 'BA')], [], ['2', '4']],
  ])('%s', (_, alarms, restores, expected) => {
    expect(activeAtEnd(alarms, restores).map((a) => a.id)).toEqual(expected);
  });
});

describe('restoreFamilyOf', () => {
  it.each([
    ['FA', 'SIA:FA'],
    ['FR', 'SIA:FA'],
    ['BV', 'SIA:BA'],
    ['AT', 'SIA:AT'],
    ['AR', 'SIA:AT'],
    ['1301', 'CID:301'],
    ['3301', 'CID:301'],
    ['OP', null],
    ['RP', null],
    ['1453', null],
    ['ZZ', null],
  ])('%s → %s', (code, family) => {
    expect(restoreFamilyOf(code)).toBe(family);
  });
});
