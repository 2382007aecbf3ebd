import { describe, expect, it } from 'vitest';
import { acceptTimeFigures, compliance, percentile, supervisorAlerts, type QueueByPriority } from './supervisor.js';

const TARGETS = [
  { withinSeconds: 30, share: 0.8 },
  { withinSeconds: 60, share: 0.985 },
];

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 50, null],
    [[7], 50, 7],
    [[7], 99, 7],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 90, 4],
    [[4, 1, 3, 2], 50, 2],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90, 90],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 99, 100],
    [Array.from({ length: 100 }, (_, i) => i + 1), 99, 99],
  ])('%j p%i = %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe('compliance', () => {
  it('an empty window has no share and is met', () => {
    expect(compliance([], TARGETS[0]!)).toEqual({ share: null, met: true });
  });

  it('a case accepted exactly at the limit counts as within', () => {
    expect(compliance([30, 30, 30, 30, 31], TARGETS[0]!)).toEqual({ share: 0.8, met: true });
    expect(compliance([30, 30, 30, 31, 31], TARGETS[0]!)).toEqual({ share: 0.6, met: false });
  });

  it('98.5 % needs 197 of 200 within 60 s', () => {
    const ok = [...Array<number>(197).fill(10), 61, 61, 61];
    const late = [...Array<number>(196).fill(10), 61, 61, 61, 61];
    expect(compliance(ok, TARGETS[1]!).met).toBe(true);
    expect(compliance(late, TARGETS[1]!).met).toBe(false);
  });

  it('figures for a window', () => {
    expect(acceptTimeFigures([5, 10, 40, 70], TARGETS)).toEqual({
      count: 4,
      p50: 10,
      p90: 70,
      p99: 70,
      compliance: [
        { target: TARGETS[0], share: 0.5, met: false },
        { target: TARGETS[1], share: 0.75, met: false },
      ],
    });
  });
});

describe('supervisorAlerts', () => {
  const queue = (oldest: number | null): QueueByPriority[] => [
    { category: 'FIRE', priority: 1, waiting: oldest === null ? 0 : 1, oldestWaitingSeconds: oldest },
    { category: 'INTRUSION', priority: 3, waiting: 1, oldestWaitingSeconds: 5 },
  ];

  it('warns when the oldest waiting case reaches the threshold, not before', () => {
    const quiet = acceptTimeFigures([], TARGETS);
    expect(supervisorAlerts(queue(29), quiet, 30)).toEqual([]);
    expect(supervisorAlerts(queue(30), quiet, 30)).toEqual([
      { kind: 'OLDEST_WAITING', message: 'A fire case has waited 30 s (threshold 30 s)' },
    ]);
  });

  it('warns when 15-minute compliance is under a target', () => {
    const alerts = supervisorAlerts(queue(null), acceptTimeFigures([10, 10, 45, 90], TARGETS), 30);
    expect(alerts.map((a) => a.kind)).toEqual(['COMPLIANCE_15M', 'COMPLIANCE_15M']);
    expect(alerts[0]!.message).toBe('Last 15 min: 50.0 % accepted within 30 s (target 80.0 %)');
  });
});
