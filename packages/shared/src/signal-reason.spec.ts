import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { alarmTitle, CaseTitleParamsSchema, type CaseTitleParams } from './case-title.js';
import { CATALOGUES, INTL_TAG, type Locale } from './i18n.js';
import {
  caseReason,
  deferredReason,
  loggedReason,
  restoreReason,
  SIGNAL_REASON_INSTANTS,
  SIGNAL_REASON_KEYS,
  suppressedReason,
  testReason,
  type SignalReason,
} from './signal-reason.js';

/** The English sentence writes instants in the centre's time; any fixed wording does for the test. */
const clock = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} (Europe/Stockholm)`;

function inLanguage(locale: Locale, r: SignalReason): string {
  const [ns, key] = r.key.split(':') as ['signalReasons' | 'caseTitles', string];
  const message = (CATALOGUES[locale][ns] as Record<string, unknown>)[key];
  if (typeof message !== 'string') throw new Error(`no message ${r.key}`);
  const params: CaseTitleParams = { ...r.params };
  for (const name of SIGNAL_REASON_INSTANTS) {
    if (typeof params[name] === 'string') params[name] = clock(new Date(params[name]));
  }
  return String(new IntlMessageFormat(message, INTL_TAG[locale]).format(params));
}

const burglaryRestore = { eventCode: '3130', description: 'Burglary restore' };
const ends = new Date('2026-11-22T11:00:00Z');

function everyVariant(): SignalReason[] {
  const windows = (['serviceMode', 'blockWindow'] as const).flatMap((window) =>
    ([null, 'FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE'] as const).map((category) =>
      suppressedReason({ window, category, endsAt: ends, note: 'Installer at work', requestedBy: 'Anna Berg' }, clock),
    ),
  );
  return [
    loggedReason({ eventCode: 'OP', description: 'Opening by user' }),
    testReason({ eventCode: 'RP', description: 'Periodic test' }),
    ...[null, '2026-0000012'].flatMap((caseNo) => [0, 1, 3].map((n) => restoreReason(burglaryRestore, caseNo, n))),
    ...windows,
    deferredReason({ eventCode: 'AT', description: 'AC power loss' }, ends, clock),
  ];
}

describe('signal decision reasons', () => {
  it('in English, the catalogue message formatted with the params is the stored sentence, for every variant', () => {
    for (const variant of everyVariant()) expect(inLanguage('en', variant)).toBe(variant.text);
  });

  it('uses every reason key of the catalogue, and says each in Swedish without an English word left', () => {
    const keys = new Set(everyVariant().map((v) => v.key.replace('signalReasons:', '')));
    expect(keys).toEqual(new Set(SIGNAL_REASON_KEYS));
    expect(Object.keys(CATALOGUES.en.signalReasons).sort()).toEqual([...SIGNAL_REASON_KEYS].sort());
    for (const variant of everyVariant()) {
      const sv = inLanguage('sv', variant);
      expect(sv).not.toMatch(/recorded on case|no open case|asked by|Service mode|Block window|unless|timer restarted/);
    }
  });

  it('words a window, a restore and a deferral in Swedish', () => {
    const window = suppressedReason(
      { window: 'serviceMode', category: 'FIRE', endsAt: ends, note: 'Installatör på plats', requestedBy: 'Anna Berg' },
      clock,
    );
    expect(inLanguage('sv', window)).toBe(
      'Serviceläge (endast brand) till 2026-11-22 11:00 (Europe/Stockholm): Installatör på plats (begärd av Anna Berg)',
    );
    expect(
      inLanguage('sv', {
        ...restoreReason(burglaryRestore, '2026-0000012', 1),
        params: { ...restoreReason(burglaryRestore, '2026-0000012', 1).params, event: 'Inbrott återställt' },
      }),
    ).toBe(
      'Inbrott återställt; registrerad på ärende 2026-0000012; avskriver 1 väntande signal: inget ärende skapas för den',
    );
  });

  it('keeps the sentences the rules have always written', () => {
    expect(restoreReason(burglaryRestore, null, 0).text).toBe('Burglary restore; no open case');
    expect(restoreReason(burglaryRestore, '2026-0000012', 2).text).toBe(
      'Burglary restore; recorded on case 2026-0000012; settles 2 waiting signal(s): no case is raised for them',
    );
    expect(
      suppressedReason(
        { window: 'blockWindow', category: null, endsAt: ends, note: 'ORDER-17', requestedBy: 'Anna Berg' },
        clock,
      ).text,
    ).toBe('Block window until 2026-11-22 11:00 (Europe/Stockholm): ref. ORDER-17 (asked by Anna Berg)');
  });

  it('gives an opened or joined case its title as the reason, marked when the transmitter runs away', () => {
    const title = alarmTitle({ eventCode: 'FA', description: 'Fire alarm', zone: '012', unknownTransmitter: false });
    expect(caseReason(title, false)).toEqual({
      text: title.title,
      key: 'caseTitles:alarmInZone',
      params: title.titleParams,
    });
    const runaway = caseReason(title, true);
    expect(runaway.text).toBe('Fire alarm, zone 012 (runaway transmitter)');
    expect(runaway.params.runaway).toBe(true);
  });

  it('stores plain JSON values as params', () => {
    for (const variant of everyVariant()) {
      expect(CaseTitleParamsSchema.parse(variant.params)).toEqual(variant.params);
      expect(JSON.parse(JSON.stringify(variant.params))).toEqual(variant.params);
    }
  });
});
