import { describe, expect, it } from 'vitest';
import {
  acceptTimeFigures,
  compliance,
  formatDurationWords,
  percentile,
  supervisorAlerts,
  type QueueByPriority,
} from './supervisor.js';

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
      {
        kind: 'OLDEST_WAITING',
        message: 'A fire case has waited 30 s (threshold 30 s). Waiting: 1 fire, 1 intrusion',
        category: 'FIRE',
        caseNo: null,
        waitingSeconds: 30,
        waitingByCategory: [
          { category: 'FIRE', waiting: 1 },
          { category: 'INTRUSION', waiting: 1 },
        ],
      },
    ]);
  });

  it('names the most urgent overdue case, not the longest waiting one, and counts per category', () => {
    const quiet = acceptTimeFigures([], TARGETS);
    const alerts = supervisorAlerts(
      [
        { category: 'TECHNICAL', priority: 4, waiting: 1, oldestWaitingSeconds: 561, oldestCaseNo: '2026-0000009' },
        {
          category: 'FIRE',
          priority: 1,
          waiting: 4,
          oldestWaitingSeconds: 432.7,
          oldestCaseNo: '2026-0000012',
          oldestSiteName: 'Björken preschool',
        },
        { category: 'SERVICE', priority: 5, waiting: 0, oldestWaitingSeconds: null },
      ],
      quiet,
      30,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ category: 'FIRE', caseNo: '2026-0000012', waitingSeconds: 432 });
    expect(alerts[0]!.message).toBe(
      'A fire case has waited 7 min 12 s (threshold 30 s): 2026-0000012 at Björken preschool. Waiting: 4 fire, 1 technical',
    );
  });

  it('skips a more urgent category that has not yet waited past the threshold', () => {
    const alerts = supervisorAlerts(
      [
        { category: 'FIRE', priority: 1, waiting: 1, oldestWaitingSeconds: 5 },
        { category: 'TECHNICAL', priority: 4, waiting: 2, oldestWaitingSeconds: 3700 },
      ],
      acceptTimeFigures([], TARGETS),
      120,
    );
    expect(alerts[0]!.message).toBe(
      'A technical case has waited 1 h 1 min (threshold 2 min). Waiting: 1 fire, 2 technical',
    );
  });

  it('warns when 15-minute compliance is under a target', () => {
    const alerts = supervisorAlerts(queue(null), acceptTimeFigures([10, 10, 45, 90], TARGETS), 30);
    expect(alerts.map((a) => a.kind)).toEqual(['COMPLIANCE_15M', 'COMPLIANCE_15M']);
    expect(alerts[0]!.message).toBe('Last 15 min: 50.0 % accepted within 30 s (target 80.0 %)');
  });
});

describe('formatDurationWords', () => {
  it('says a duration in words', () => {
    expect([0, 45.9, 60, 432, 3600, 3660, -3].map(formatDurationWords)).toEqual([
      '0 s',
      '45 s',
      '1 min',
      '7 min 12 s',
      '1 h',
      '1 h 1 min',
      '0 s',
    ]);
  });
});
