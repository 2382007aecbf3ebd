import { describe, expect, it } from 'vitest';
import { englishCaseTitle } from '../../test/support/case-title-icu.js';
import { decide, type Decision, type RuleSettings, type Suppression, type TransmitterSnapshot } from './decide.js';
import { runawayMarks } from './runaways.js';

/**
 * Every title the rules compose has a key of the `caseTitles` catalogue and params, and the
 * catalogue's English message formatted with them is the English title the server stores, word
 * for word (the console shows the key's message in the language in force).
 */
const SITE = '7b0e6c52-7d3f-4c1e-9a55-3f1f2a9a0c11';
const T0 = new Date('2026-11-22T10:00:00.000Z');
const SETTINGS: RuleSettings = { runawayThreshold: 30, runawayWindowSeconds: 60, acLossDelaySeconds: 900 };
const QUIET: TransmitterSnapshot = { suppressions: [], recentSignals: 1 };
const window = (kind: Suppression['kind']): Suppression => ({
  kind,
  id: 'w-1',
  category: null,
  startsAt: T0,
  endsAt: new Date(T0.getTime() + 3_600_000),
  note: 'Installer at work',
  requestedBy: 'Anna Berg',
  finished: true,
});

type Titled = Extract<Decision, { action: 'OPEN_OR_APPEND' | 'DEFER' }>;

/** Each shape of each title decide() makes: alarm, active at end, not restored in time. */
function everyDecision(): Titled[] {
  const out: Titled[] = [];
  const codes = ['FA', '1130', 'BA', 'YC', 'ZZ', '1999', 'AT', '1301'];
  const snapshots: TransmitterSnapshot[] = [
    QUIET,
    { suppressions: [window('SERVICE_MODE')], recentSignals: 1 },
    { suppressions: [window('BLOCK_WINDOW')], recentSignals: 1 },
    { suppressions: [], recentSignals: 500 },
  ];
  const delays = [900, 3600, 90, 7200, 120];
  for (const code of codes) {
    for (const zone of ['012', '4', null, '']) {
      for (const siteId of [SITE, null]) {
        for (const snapshot of snapshots) {
          for (const acLossDelaySeconds of delays) {
            const facts = { account: '1234', code, zone, siteId, receivedAt: new Date(T0.getTime() + 60_000) };
            const decision = decide(facts, snapshot, { ...SETTINGS, acLossDelaySeconds });
            if (decision.action === 'OPEN_OR_APPEND' || decision.action === 'DEFER') out.push(decision);
          }
        }
      }
    }
  }
  return out;
}

describe('case titles of the rules', () => {
  it('say, in the English catalogue, every title decide() composes, word for word', async () => {
    const decisions = everyDecision();
    const keys = new Set<string>();
    for (const decision of decisions) {
      keys.add(decision.titleKey);
      expect(await englishCaseTitle(decision.titleKey, decision.titleParams), decision.title).toBe(decision.title);
    }
    expect([...keys].sort()).toEqual(
      ['activeAtEnd', 'activeAtEndInZone', 'alarm', 'alarmInZone', 'notRestored', 'notRestoredInZone'].sort(),
    );
  });

  it('keep the titles the rules have always written', () => {
    const at = T0;
    const known = { account: '1234', siteId: SITE, receivedAt: at };
    expect(decide({ ...known, code: 'FA', zone: '012' }, QUIET, SETTINGS)).toMatchObject({
      title: 'Fire alarm, zone 012',
      titleKey: 'alarmInZone',
      titleParams: {
        eventCode: 'FA',
        event: 'Fire alarm',
        zone: '012',
        unknownTransmitter: false,
        unknownEvent: false,
      },
    });
    expect(decide({ ...known, siteId: null, code: '1130', zone: null }, QUIET, SETTINGS)).toMatchObject({
      title: 'Unknown transmitter: Burglary',
      titleKey: 'alarm',
      titleParams: { eventCode: '1130', event: 'Burglary', unknownTransmitter: true },
    });
    expect(decide({ ...known, code: 'ZZ', zone: '4' }, QUIET, SETTINGS)).toMatchObject({
      title: 'Unknown event code ZZ, zone 4',
      titleParams: { eventCode: 'ZZ', event: 'Unknown event code ZZ', unknownEvent: true, zone: '4' },
    });
    expect(decide({ ...known, code: 'AT', zone: null }, QUIET, SETTINGS)).toMatchObject({
      action: 'DEFER',
      title: 'AC power loss (not restored within 15 min)',
      titleKey: 'notRestored',
      titleParams: { eventCode: 'AT', delay: 15, unit: 'min' },
    });
    const ended = { suppressions: [window('BLOCK_WINDOW')], recentSignals: 1 };
    expect(
      decide({ ...known, code: 'FA', zone: '012', receivedAt: new Date(T0.getTime() + 1000) }, ended, SETTINGS),
    ).toMatchObject({
      title: 'Active at end of block window: Fire alarm, zone 012',
      titleKey: 'activeAtEndInZone',
      titleParams: { ended: 'blockWindow' },
    });
  });

  it('say the runaway technical case in the English catalogue, word for word', async () => {
    const rows = [
      { account: 'DEAD', received_at: T0, transmitter_id: 't-1', site_id: SITE, runaway_until: null },
      { account: 'BEEF', received_at: T0, transmitter_id: 't-2', site_id: SITE, runaway_until: null },
    ];
    const marks = runawayMarks(
      rows,
      new Map([
        ['DEAD', 31],
        ['BEEF', 2000],
      ]),
      { ...SETTINGS, runawayThreshold: 30 },
    );
    expect(marks!.alarms).toHaveLength(2);
    expect(marks!.alarms[0]).toMatchObject({
      title: 'Runaway transmitter DEAD: more than 30 signals in 60 s',
      titleKey: 'runawayTransmitter',
      titleParams: { account: 'DEAD', threshold: 30, window: 60 },
    });
    for (const alarm of marks!.alarms) {
      expect(await englishCaseTitle(alarm.titleKey, alarm.titleParams)).toBe(alarm.title);
    }
  });
});
