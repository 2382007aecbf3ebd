import { describe, expect, it } from 'vitest';
import { decide, type RuleSettings, type Suppression, type TransmitterSnapshot } from './decide.js';

const SITE = '7b0e6c52-7d3f-4c1e-9a55-3f1f2a9a0c11';
const T0 = new Date('2026-11-22T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const SETTINGS: RuleSettings = { runawayThreshold: 30, runawayWindowSeconds: 60, acLossDelaySeconds: 900 };
const QUIET: TransmitterSnapshot = { suppressions: [], recentSignals: 1 };

/** Service mode on the whole transmitter from T0 to T0 + 1 h. */
const SERVICE_MODE: Suppression = {
  kind: 'SERVICE_MODE',
  id: 'sm-1',
  category: null,
  startsAt: T0,
  endsAt: at(3600),
  note: 'Installer at work',
  requestedBy: 'Anna Berg',
};
const FIRE_ONLY: Suppression = { ...SERVICE_MODE, id: 'sm-fire', category: 'FIRE' };
const BLOCK: Suppression = {
  kind: 'BLOCK_WINDOW',
  id: 'bw-1',
  category: null,
  startsAt: T0,
  endsAt: at(86_400),
  note: 'ORDER-17',
  requestedBy: 'Anna Berg',
};

function signal(code: string, options: { zone?: string | null; siteId?: string | null; t?: number } = {}) {
  return {
    account: '1234',
    code,
    zone: options.zone === undefined ? '012' : options.zone,
    siteId: options.siteId === undefined ? SITE : options.siteId,
    receivedAt: at(options.t ?? 0),
  };
}

describe('decide: alarms open or join a case', () => {
  it('opens a fire case with the highest priority for a known site', () => {
    expect(decide(signal('FA'), QUIET, SETTINGS)).toEqual({
      action: 'OPEN_OR_APPEND',
      caseKey: `site:${SITE}`,
      category: 'FIRE',
      priority: 1,
      title: 'Fire alarm, zone 012',
      titleKey: 'alarmInZone',
      titleParams: {
        unknownTransmitter: false,
        eventCode: 'FA',
        event: 'Fire alarm',
        unknownEvent: false,
        zone: '012',
      },
      unknownTransmitter: false,
      runaway: false,
    });
  });

  it.each([
    ['FA', 'FIRE', 1],
    ['1110', 'FIRE', 1],
    ['HA', 'HOLDUP', 2],
    ['1121', 'HOLDUP', 2],
    ['BA', 'INTRUSION', 3],
    ['1130', 'INTRUSION', 3],
    ['YC', 'TECHNICAL', 4],
    ['TA', 'SERVICE', 5],
    ['YT', 'SERVICE', 5],
  ] as const)('%s opens or joins a %s case with priority %i', (code, category, priority) => {
    expect(decide(signal(code), QUIET, SETTINGS)).toMatchObject({ action: 'OPEN_OR_APPEND', category, priority });
  });

  it('keys an unknown transmitter by its account and says so in the title', () => {
    expect(decide(signal('1130', { zone: null, siteId: null }), QUIET, SETTINGS)).toMatchObject({
      action: 'OPEN_OR_APPEND',
      caseKey: 'account:1234',
      category: 'INTRUSION',
      unknownTransmitter: true,
      title: 'Unknown transmitter: Burglary',
    });
  });

  it('shows an unknown event code to the operator as a technical case', () => {
    expect(decide(signal('ZZ', { zone: '4' }), QUIET, SETTINGS)).toMatchObject({
      action: 'OPEN_OR_APPEND',
      category: 'TECHNICAL',
      priority: 4,
      title: 'Unknown event code ZZ, zone 4',
    });
  });
});

describe('decide: restores, logs and tests raise nothing', () => {
  it.each([
    ['BR', 'INTRUSION', 'SIA:BA'],
    ['FR', 'FIRE', 'SIA:FA'],
    ['AR', 'SERVICE', 'SIA:AT'],
    ['3130', 'INTRUSION', 'CID:130'],
    ['3301', 'SERVICE', 'CID:301'],
  ] as const)('%s is a restore of %s (family %s)', (code, category, family) => {
    expect(decide(signal(code), QUIET, SETTINGS)).toMatchObject({ action: 'RESTORE', category, family });
  });

  it.each([
    ['OP', 'Opening by user'],
    ['CL', 'Closing by user'],
    ['BB', 'Zone bypass'],
    ['1401', 'Open/close by user'],
    ['RP', 'Periodic test: supervision timer restarted'],
    ['1602', 'Periodic test: supervision timer restarted'],
  ])('%s is logged only: %s', (code, reason) => {
    expect(decide(signal(code), QUIET, SETTINGS)).toEqual({
      action: 'LOG_ONLY',
      reason: expect.objectContaining({ text: reason, params: expect.objectContaining({ eventCode: code }) }),
    });
  });

  it('a restore is never suppressed: the end-of-service-mode check needs it', () => {
    expect(decide(signal('FR', { t: 10 }), { ...QUIET, suppressions: [SERVICE_MODE] }, SETTINGS)).toMatchObject({
      action: 'RESTORE',
    });
  });
});

describe('decide: service mode and block windows', () => {
  const inMode: TransmitterSnapshot = { suppressions: [SERVICE_MODE], recentSignals: 1 };

  it.each([
    ['exactly at the start', 0, 'SUPPRESS'],
    ['inside', 1800, 'SUPPRESS'],
    ['one millisecond before the end', 3599.999, 'SUPPRESS'],
    ['exactly at the end', 3600, 'OPEN_OR_APPEND'],
    ['before the start', -0.001, 'OPEN_OR_APPEND'],
  ] as const)('an alarm %s of a service mode: %s', (_, t, action) => {
    expect(decide(signal('BA', { t }), inMode, SETTINGS).action).toBe(action);
  });

  it('stores why: which window, until when, who asked', () => {
    expect(decide(signal('FA', { t: 60 }), inMode, SETTINGS)).toEqual({
      action: 'SUPPRESS',
      suppression: SERVICE_MODE,
      category: 'FIRE',
      reason: expect.objectContaining({
        text: 'Service mode until 2026-11-22 12:00 (Europe/Stockholm): Installer at work (asked by Anna Berg)',
        key: 'signalReasons:suppressed',
      }),
    });
  });

  it('a category-scoped service mode silences that category only', () => {
    const snapshot = { suppressions: [FIRE_ONLY], recentSignals: 1 };
    expect(decide(signal('FA', { t: 5 }), snapshot, SETTINGS)).toMatchObject({
      action: 'SUPPRESS',
      reason: expect.objectContaining({ text: expect.stringContaining('(fire only)') }),
    });
    expect(decide(signal('BA', { t: 5 }), snapshot, SETTINGS).action).toBe('OPEN_OR_APPEND');
    expect(decide(signal('HA', { t: 5 }), snapshot, SETTINGS).action).toBe('OPEN_OR_APPEND');
  });

  it('suppresses an unknown code too (it would raise a technical case)', () => {
    expect(decide(signal('ZZ', { t: 5 }), inMode, SETTINGS)).toMatchObject({
      action: 'SUPPRESS',
      category: 'TECHNICAL',
    });
  });

  it('a block window silences the whole transmitter, with the request reference', () => {
    const snapshot = { suppressions: [BLOCK], recentSignals: 1 };
    expect(decide(signal('1110', { t: 7200 }), snapshot, SETTINGS)).toMatchObject({
      action: 'SUPPRESS',
      suppression: { kind: 'BLOCK_WINDOW', id: 'bw-1' },
      reason: expect.objectContaining({
        text: 'Block window until 2026-11-23 11:00 (Europe/Stockholm): ref. ORDER-17 (asked by Anna Berg)',
      }),
    });
    expect(decide(signal('1110', { t: 86_400 }), snapshot, SETTINGS).action).toBe('OPEN_OR_APPEND');
  });

  it('an alarm of the period evaluated after the end check ran is raised at once', () => {
    const finished = { suppressions: [{ ...SERVICE_MODE, finished: true }], recentSignals: 1 };
    expect(decide(signal('FA', { t: 3599 }), finished, SETTINGS)).toMatchObject({
      action: 'OPEN_OR_APPEND',
      category: 'FIRE',
      title: 'Active at end of service mode: Fire alarm, zone 012',
    });
  });

  it('an AC loss in service mode is suppressed, not deferred', () => {
    expect(decide(signal('AT', { t: 5 }), inMode, SETTINGS).action).toBe('SUPPRESS');
  });
});

describe('decide: AC loss waits for its restore', () => {
  it.each(['AT', '1301'])('%s is deferred by the configured delay', (code) => {
    expect(decide(signal(code, { zone: null }), QUIET, SETTINGS)).toEqual({
      action: 'DEFER',
      caseKey: `site:${SITE}`,
      category: 'SERVICE',
      family: code === 'AT' ? 'SIA:AT' : 'CID:301',
      title: 'AC power loss (not restored within 15 min)',
      titleKey: 'notRestored',
      titleParams: {
        unknownTransmitter: false,
        eventCode: code,
        event: 'AC power loss',
        unknownEvent: false,
        delay: 15,
        unit: 'min',
      },
      dueAt: at(900),
      reason: expect.objectContaining({
        text: 'AC power loss: a case is raised at 2026-11-22 11:15 (Europe/Stockholm) unless it is restored before',
        params: expect.objectContaining({ dueAt: '2026-11-22T10:15:00.000Z' }),
      }),
    });
  });

  it('with the delay set to 0 an AC loss opens a case at once', () => {
    expect(decide(signal('AT'), QUIET, { ...SETTINGS, acLossDelaySeconds: 0 }).action).toBe('OPEN_OR_APPEND');
  });

  it('other service signals are not deferred', () => {
    expect(decide(signal('YT'), QUIET, SETTINGS).action).toBe('OPEN_OR_APPEND');
  });
});

describe('decide: runaway transmitters', () => {
  it.each([
    [30, false],
    [31, true],
  ])('with %i signals in the window (threshold 30) runaway is %s', (recentSignals, runaway) => {
    expect(decide(signal('BA'), { suppressions: [], recentSignals }, SETTINGS)).toMatchObject({
      action: 'OPEN_OR_APPEND',
      runaway,
    });
  });

  it('a fire alarm from a runaway transmitter still opens its fire case', () => {
    expect(decide(signal('FA'), { suppressions: [], recentSignals: 500 }, SETTINGS)).toMatchObject({
      action: 'OPEN_OR_APPEND',
      category: 'FIRE',
      priority: 1,
      runaway: true,
    });
  });
});
