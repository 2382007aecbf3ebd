import {
  activeAtEndTitle,
  alarmTitle,
  notRestoredTitle,
  runawayTransmitterTitle,
  testMissingTitle,
  type CaseTitle,
  type TitleEvent,
} from '@arc/shared/case-title';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLocale } from '../lib/i18n/locale';
import { caseTitle } from './case-title';

afterEach(() => applyLocale('en'));

const FIRE: TitleEvent = { eventCode: 'FA', description: 'Fire alarm', zone: '012', unknownTransmitter: false };
const BURGLARY: TitleEvent = { eventCode: '1130', description: 'Burglary', zone: null, unknownTransmitter: true };
const UNKNOWN_CODE: TitleEvent = { eventCode: 'ZZ', description: null, zone: '4', unknownTransmitter: false };
const AC_LOSS: TitleEvent = { eventCode: 'AT', description: 'AC power loss', zone: null, unknownTransmitter: false };

/** Each title the server composes, as it reaches the console (title, titleKey, titleParams). */
function everyVariant(): CaseTitle[] {
  const events = [FIRE, BURGLARY, UNKNOWN_CODE, AC_LOSS, { ...FIRE, zone: null, unknownTransmitter: true }];
  return [
    ...events.map(alarmTitle),
    ...events.flatMap((e) => [
      activeAtEndTitle({ ...e, ended: 'serviceMode' }),
      activeAtEndTitle({ ...e, ended: 'blockWindow' }),
    ]),
    ...events.flatMap((e) => [900, 3600, 45].map((delaySeconds) => notRestoredTitle({ ...e, delaySeconds }))),
    testMissingTitle('5C01', '2026-12-01 15:05 (Europe/Stockholm)'),
    testMissingTitle('5C01', null),
    runawayTransmitterTitle('DEAD', 10, 60),
  ];
}

describe('caseTitle', () => {
  it('in English is the title the server stored, for every variant', () => {
    applyLocale('en');
    for (const variant of everyVariant()) expect(caseTitle(variant)).toBe(variant.title);
  });

  it('says every variant in Swedish, the event worded by the events catalogue', () => {
    applyLocale('sv');
    expect(caseTitle(alarmTitle(FIRE))).toBe('Brandlarm, zon 012');
    expect(caseTitle(alarmTitle({ ...FIRE, zone: null }))).toBe('Brandlarm');
    expect(caseTitle(alarmTitle(BURGLARY))).toBe('Okänd larmsändare: Inbrott');
    expect(caseTitle(alarmTitle(UNKNOWN_CODE))).toBe('Okänd händelsekod ZZ, zon 4');
    expect(caseTitle(activeAtEndTitle({ ...FIRE, ended: 'serviceMode' }))).toBe(
      'Aktivt när serviceläget upphörde: Brandlarm, zon 012',
    );
    expect(caseTitle(activeAtEndTitle({ ...BURGLARY, ended: 'blockWindow' }))).toBe(
      'Okänd larmsändare: Aktivt när spärren upphörde: Inbrott',
    );
    expect(caseTitle(activeAtEndTitle({ ...UNKNOWN_CODE, zone: null, ended: 'serviceMode' }))).toBe(
      'Aktivt när serviceläget upphörde: Okänd händelsekod ZZ',
    );
    expect(caseTitle(notRestoredTitle({ ...AC_LOSS, delaySeconds: 900 }))).toBe(
      'Nätspänningsbortfall (ej återställt inom 15 min)',
    );
    expect(caseTitle(notRestoredTitle({ ...AC_LOSS, eventCode: '1301', zone: '000', delaySeconds: 3600 }))).toBe(
      'Nätspänningsbortfall, zon 000 (ej återställt inom 1 h)',
    );
    expect(caseTitle(testMissingTitle('5C01', '2026-12-01 15:05 (Europe/Stockholm)'))).toBe(
      'Provlarm uteblev från larmsändare 5C01 (senast hörd 2026-12-01 15:05 (Europe/Stockholm))',
    );
    expect(caseTitle(testMissingTitle('5C01', null))).toBe('Provlarm uteblev från larmsändare 5C01 (aldrig hörd)');
    expect(caseTitle(runawayTransmitterTitle('DEAD', 10, 60))).toBe(
      'Skenande larmsändare DEAD: fler än 10 signaler på 60 s',
    );
  });

  it('leaves no English words of the titles in Swedish', () => {
    applyLocale('sv');
    for (const variant of everyVariant()) {
      expect(caseTitle(variant)).not.toMatch(
        /\b(zone|Unknown|transmitter|Active at end|not restored|Test signal|never)\b/,
      );
    }
  });

  it('marks a runaway signal, in the language in force', () => {
    const title = alarmTitle(FIRE);
    const runaway = { ...title, titleParams: { ...title.titleParams, runaway: true } };
    expect(caseTitle(runaway)).toBe('Fire alarm, zone 012 (runaway transmitter)');
    applyLocale('sv');
    expect(caseTitle(runaway)).toBe('Brandlarm, zon 012 (skenande larmsändare)');
  });

  it('shows the stored title of a case made before titles had keys, or with a key it does not know', () => {
    applyLocale('sv');
    expect(caseTitle({ title: 'Fire alarm, zone 012' })).toBe('Fire alarm, zone 012');
    expect(caseTitle({ title: 'Fire alarm, zone 012', titleKey: null, titleParams: null })).toBe(
      'Fire alarm, zone 012',
    );
    expect(caseTitle({ title: 'Old title', titleKey: 'somethingNew', titleParams: { a: 1 } })).toBe('Old title');
    expect(caseTitle({ title: 'Old title', titleKey: 'alarm', titleParams: null })).toBe('Old title');
    expect(caseTitle({ title: 'Old title', titleKey: 'alarmInZone', titleParams: { eventCode: 'FA' } })).toBe(
      'Old title',
    );
    applyLocale('en');
    expect(caseTitle({ title: 'Old title', titleKey: 'testMissing', titleParams: {} })).toBe('Old title');
  });
});
