import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import {
  activeAtEndTitle,
  alarmTitle,
  CASE_TITLE_KEYS,
  CaseTitleParamsSchema,
  notRestoredTitle,
  runawaySignalReason,
  runawayTransmitterTitle,
  testMissingTitle,
  unknownEventCodeText,
  type CaseTitle,
  type CaseTitleParams,
  type TitleEvent,
} from './case-title.js';
import { CATALOGUES, INTL_TAG, type Locale } from './i18n.js';

function format(locale: Locale, message: string, params: CaseTitleParams): string {
  return String(new IntlMessageFormat(message, INTL_TAG[locale]).format(params));
}

function inLanguage(locale: Locale, title: CaseTitle, params: CaseTitleParams = title.titleParams): string {
  return format(locale, CATALOGUES[locale].caseTitles[title.titleKey], params);
}

/** Every shape of the signal part of a title: known / unknown code, zone or not, known / unknown transmitter. */
const EVENTS: TitleEvent[] = [];
for (const [eventCode, description] of [
  ['FA', 'Fire alarm'],
  ['1130', 'Burglary'],
  ['AT', 'AC power loss'],
  ['ZZ', null],
] as const) {
  for (const zone of ['012', '4', null, '']) {
    for (const unknownTransmitter of [false, true]) EVENTS.push({ eventCode, description, zone, unknownTransmitter });
  }
}

/** Every title the rules compose, each shape of each producer. */
function everyVariant(): CaseTitle[] {
  return [
    ...EVENTS.map(alarmTitle),
    ...EVENTS.flatMap((e) => [
      activeAtEndTitle({ ...e, ended: 'serviceMode' }),
      activeAtEndTitle({ ...e, ended: 'blockWindow' }),
    ]),
    ...EVENTS.flatMap((e) =>
      [900, 3600, 7200, 90, 61, 60].map((delaySeconds) => notRestoredTitle({ ...e, delaySeconds })),
    ),
    testMissingTitle('1234', '2026-12-01 15:05 (Europe/Stockholm)'),
    testMissingTitle('SE-0042', null),
    runawayTransmitterTitle('1234', 30, 60),
    runawayTransmitterTitle('99887766', 1000, 3600),
  ];
}

describe('case titles', () => {
  it('in English, the catalogue message formatted with the params is the stored title, for every variant', () => {
    for (const variant of everyVariant()) expect(inLanguage('en', variant)).toBe(variant.title);
  });

  it('uses every title key of the catalogue, and only those', () => {
    expect(new Set(everyVariant().map((v) => v.titleKey))).toEqual(new Set(CASE_TITLE_KEYS));
    expect(
      Object.keys(CATALOGUES.en.caseTitles)
        .filter((k) => k !== 'part')
        .sort(),
    ).toEqual([...CASE_TITLE_KEYS].sort());
  });

  it('stores plain JSON values as params', () => {
    for (const variant of everyVariant()) {
      expect(CaseTitleParamsSchema.parse(variant.titleParams)).toEqual(variant.titleParams);
      expect(JSON.parse(JSON.stringify(variant.titleParams))).toEqual(variant.titleParams);
    }
  });

  it('keeps the titles the rules have always written', () => {
    const fire = { eventCode: 'FA', description: 'Fire alarm', zone: '012', unknownTransmitter: false };
    expect(alarmTitle(fire).title).toBe('Fire alarm, zone 012');
    expect(alarmTitle({ eventCode: '1130', description: 'Burglary', zone: null, unknownTransmitter: true }).title).toBe(
      'Unknown transmitter: Burglary',
    );
    expect(alarmTitle({ eventCode: 'ZZ', description: null, zone: '4', unknownTransmitter: false }).title).toBe(
      'Unknown event code ZZ, zone 4',
    );
    expect(activeAtEndTitle({ ...fire, ended: 'serviceMode' }).title).toBe(
      'Active at end of service mode: Fire alarm, zone 012',
    );
    expect(
      notRestoredTitle({
        eventCode: 'AT',
        description: 'AC power loss',
        zone: null,
        unknownTransmitter: false,
        delaySeconds: 900,
      }).title,
    ).toBe('AC power loss (not restored within 15 min)');
  });

  it('gives the pieces of titles in English as the server writes them', () => {
    const { part } = CATALOGUES.en.caseTitles;
    expect(format('en', part.unknownEventCode, { code: 'ZZ' })).toBe(unknownEventCodeText('ZZ'));
    const title = alarmTitle({ eventCode: 'BA', description: 'Burglary alarm', zone: '7', unknownTransmitter: false });
    expect(format('en', part.runawaySignal, { title: inLanguage('en', title) })).toBe(runawaySignalReason(title.title));
  });

  it('says each variant in Swedish, with the event in Swedish', () => {
    const sv = (title: CaseTitle, event: string) => inLanguage('sv', title, { ...title.titleParams, event });
    const fire = { eventCode: 'FA', description: 'Fire alarm', zone: '012', unknownTransmitter: false };
    expect(sv(alarmTitle(fire), 'Brandlarm')).toBe('Brandlarm, zon 012');
    expect(sv(alarmTitle({ ...fire, zone: null, unknownTransmitter: true, eventCode: '1130' }), 'Inbrott')).toBe(
      'Okänd larmsändare: Inbrott',
    );
    const unknown = alarmTitle({ eventCode: 'ZZ', description: null, zone: '4', unknownTransmitter: false });
    expect(unknown.titleParams).toMatchObject({ unknownEvent: true, eventCode: 'ZZ' });
    expect(sv(unknown, format('sv', CATALOGUES.sv.caseTitles.part.unknownEventCode, { code: 'ZZ' }))).toBe(
      'Okänd händelsekod ZZ, zon 4',
    );
    expect(sv(activeAtEndTitle({ ...fire, ended: 'serviceMode' }), 'Brandlarm')).toBe(
      'Aktivt när serviceläget upphörde: Brandlarm, zon 012',
    );
    expect(sv(activeAtEndTitle({ ...fire, zone: null, ended: 'blockWindow' }), 'Brandlarm')).toBe(
      'Aktivt när spärren upphörde: Brandlarm',
    );
    const acLoss = { eventCode: 'AT', description: 'AC power loss', zone: null, unknownTransmitter: false };
    expect(sv(notRestoredTitle({ ...acLoss, delaySeconds: 900 }), 'Nätspänningsbortfall')).toBe(
      'Nätspänningsbortfall (ej återställt inom 15 min)',
    );
    expect(sv(notRestoredTitle({ ...acLoss, zone: '2', unknownTransmitter: true, delaySeconds: 3600 }), 'X')).toBe(
      'Okänd larmsändare: X, zon 2 (ej återställt inom 1 h)',
    );
    expect(inLanguage('sv', testMissingTitle('1234', '2026-12-01 15:05 (Europe/Stockholm)'))).toBe(
      'Provlarm uteblev från larmsändare 1234 (senast hörd 2026-12-01 15:05 (Europe/Stockholm))',
    );
    expect(inLanguage('sv', testMissingTitle('1234', null))).toBe(
      'Provlarm uteblev från larmsändare 1234 (aldrig hörd)',
    );
    expect(inLanguage('sv', runawayTransmitterTitle('1234', 1000, 60))).toBe(
      'Skenande larmsändare 1234: fler än 1\u00a0000 signaler på 60 s',
    );
    expect(format('sv', CATALOGUES.sv.caseTitles.part.runawaySignal, { title: 'Inbrottslarm, zon 7' })).toBe(
      'Inbrottslarm, zon 7 (skenande larmsändare)',
    );
  });
});
