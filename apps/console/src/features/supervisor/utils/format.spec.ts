import { acceptTimeFigures, supervisorAlerts, type QueueByPriority } from '@arc/shared/supervisor';
import { describe, expect, it } from 'vitest';
import { makeAttempt, makeSnapshot } from '../test/fixtures';
import {
  alertText,
  complianceStatus,
  formatClockDuration,
  formatSeconds,
  formatShare,
  formatTarget,
  formatTime,
  formatWhen,
  freshness,
  lockedCallers,
  operatorStateLabel,
  verificationResultLabel,
} from './format';

describe('formatSeconds', () => {
  it.each([
    [null, '—'],
    [0, '0.0 s'],
    [8.56, '8.5 s'],
    [10, '10 s'],
    [59.9, '59 s'],
    [60, '1 min 00 s'],
    [125, '2 min 05 s'],
    [3599, '59 min 59 s'],
    [3780, '1 h 03 min'],
    [-4, '0.0 s'],
    [Number.NaN, '—'],
  ])('%s → %s', (input, expected) => {
    expect(formatSeconds(input)).toBe(expected);
  });
});

describe('formatClockDuration', () => {
  it('shows mm:ss, and h:mm:ss from one hour', () => {
    expect(formatClockDuration(7.9)).toBe('00:07');
    expect(formatClockDuration(65)).toBe('01:05');
    expect(formatClockDuration(3 * 3600 + 61)).toBe('3:01:01');
    expect(formatClockDuration(-3)).toBe('00:00');
  });
});

describe('shares and targets', () => {
  it('formats a share with one decimal and no share as a dash', () => {
    expect(formatShare(0.5)).toBe('50.0 %');
    expect(formatShare(0.98456)).toBe('98.5 %');
    expect(formatShare(1)).toBe('100.0 %');
    expect(formatShare(null)).toBe('—');
  });

  it('names a target the way EN 50518 is quoted', () => {
    expect(formatTarget({ withinSeconds: 30, share: 0.8 })).toBe('80 % within 30 s');
    expect(formatTarget({ withinSeconds: 60, share: 0.985 })).toBe('98.5 % within 60 s');
  });

  it('does not call an empty window a success', () => {
    expect(complianceStatus({ share: 0.9, met: true })).toBe('met');
    expect(complianceStatus({ share: 0.5, met: false })).toBe('missed');
    expect(complianceStatus({ share: null, met: true })).toBe('none');
  });
});

describe('freshness', () => {
  it('calls the figures stale after three missed pushes', () => {
    expect(freshness(0)).toBe('fresh');
    expect(freshness(14_999)).toBe('fresh');
    expect(freshness(15_000)).toBe('stale');
  });
});

describe('labels', () => {
  it('labels operator states and verification results', () => {
    expect(operatorStateLabel('ON_CASE')).toBe('On a case');
    expect(operatorStateLabel('OFFLINE')).toBe('Offline');
    expect(verificationResultLabel('WRONG_PASSWORD')).toBe('Wrong password');
    expect(verificationResultLabel('NOT_AUTHORIZED')).toBe('Not authorized');
  });

  it("shows the centre's wall-clock time (Europe/Stockholm)", () => {
    expect(formatTime('2026-01-01T08:05:07.000Z')).toBe('09:05:07');
  });
});

describe('lockedCallers', () => {
  const now = Date.parse('2026-01-01T10:00:00.000Z');

  it('lists each locked person and site once, the latest lock, without the expired ones', () => {
    const first = makeAttempt({
      at: '2026-01-01T09:58:00.000Z',
      result: 'LOCKED',
      lockedUntil: '2026-01-01T10:13:00.000Z',
    });
    const again = makeAttempt({
      at: '2026-01-01T09:59:30.000Z',
      result: 'LOCKED',
      lockedUntil: '2026-01-01T10:14:30.000Z',
    });
    const other = makeAttempt({
      at: '2026-01-01T09:50:00.000Z',
      person: { id: 'p-2', name: 'Bo Berg' },
      result: 'LOCKED',
      lockedUntil: '2026-01-01T10:05:00.000Z',
    });
    const expired = makeAttempt({
      at: '2026-01-01T09:40:00.000Z',
      person: { id: 'p-3', name: 'Cecilia Ek' },
      result: 'LOCKED',
      lockedUntil: '2026-01-01T09:55:00.000Z',
    });
    const wrong = makeAttempt({ at: '2026-01-01T09:59:50.000Z', person: { id: 'p-4', name: 'Dan' } });

    expect(lockedCallers([first, other, expired], [again, wrong], now)).toEqual([again, other]);
  });
});

describe('formatWhen', () => {
  it('gives the time for today and the date too for an earlier day', () => {
    const now = new Date('2026-11-29T13:00:00.000Z');
    expect(formatWhen('2026-11-29T08:05:07.000Z', now)).toBe('09:05');
    expect(formatWhen('2026-11-27T22:59:00.000Z', now)).toBe('2026-11-27 23:59');
  });
});

describe('alertText', () => {
  const TARGETS = [
    { withinSeconds: 30, share: 0.8 },
    { withinSeconds: 60, share: 0.985 },
  ];
  const wait = (category: QueueByPriority['category'], priority: number, seconds: number, more = {}) => ({
    category,
    priority,
    waiting: 2,
    oldestWaitingSeconds: seconds,
    ...more,
  });

  /** The server's English sentence and the one told from the figures are the same. */
  function expectServerWords(queue: QueueByPriority[], values: number[], threshold: number) {
    const last15m = acceptTimeFigures(values, TARGETS);
    const alerts = supervisorAlerts(queue, last15m, threshold);
    expect(alerts.length).toBeGreaterThan(0);
    const snapshot = makeSnapshot({
      queue,
      acceptTimes: { last15m, last1h: last15m, today: last15m },
      thresholds: { oldestWaitingSeconds: threshold, targets: TARGETS },
    });
    let compliance = 0;
    for (const alert of alerts) {
      const index = alert.kind === 'COMPLIANCE_15M' ? compliance++ : 0;
      expect(alertText(alert, snapshot, index)).toBe(alert.message);
    }
  }

  it('tells an alert in the same English words as the server', () => {
    expectServerWords(
      [
        wait('FIRE', 1, 432.7, { oldestCaseNo: '2026-0000012', oldestSiteName: 'Björken preschool' }),
        wait('TECHNICAL', 4, 561, { oldestCaseNo: '2026-0000009' }),
      ],
      [10, 10, 45, 90],
      30,
    );
    expectServerWords([wait('HOLDUP', 2, 3700, { oldestCaseNo: '2026-0000001' })], [10], 120);
    expectServerWords([wait('INTRUSION', 3, 31), wait('SERVICE', 5, 12)], [], 30);
  });

  it('keeps the server’s sentence for an alert without its figures', () => {
    const alert = { kind: 'OLDEST_WAITING', message: 'A fire case has waited 31 s (threshold 30 s)' } as const;
    expect(alertText(alert, makeSnapshot())).toBe(alert.message);
    const compliance = { kind: 'COMPLIANCE_15M', message: 'Last 15 min: 50.0 % accepted' } as const;
    expect(alertText(compliance, makeSnapshot())).toBe(compliance.message);
  });
});
