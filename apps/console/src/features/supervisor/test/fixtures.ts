import { ALARM_CATEGORIES, CATEGORY_PRIORITY } from '@arc/shared/alarm';
import { type VerificationAttempt } from '@arc/shared/intake';
import { type AcceptTimeFigures, type OperatorLoad, type SupervisorSnapshot } from '@arc/shared/supervisor';

export const OPERATOR_ID = '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e01';
const PERSON_ID = 'b0b0b0b0-b0b0-4b0b-8b0b-b0b0b0b0b0b1';
const SITE_ID = '2b8f0a86-9d7a-4d0e-8b52-5b7e0f0c1a22';

const TARGETS = [
  { withinSeconds: 30, share: 0.8 },
  { withinSeconds: 60, share: 0.985 },
];

/** Accept-time figures for a window; by default ten cases, both targets met. */
export function makeFigures(overrides: Partial<AcceptTimeFigures> = {}): AcceptTimeFigures {
  return {
    count: 10,
    p50: 12,
    p90: 25,
    p99: 41,
    compliance: [
      { target: TARGETS[0]!, share: 0.9, met: true },
      { target: TARGETS[1]!, share: 1, met: true },
    ],
    ...overrides,
  };
}

export function makeOperator(overrides: Partial<OperatorLoad> = {}): OperatorLoad {
  return {
    userId: OPERATOR_ID,
    name: 'Olle Operator',
    role: 'operator',
    state: 'AVAILABLE',
    awayReason: null,
    holding: 0,
    handledToday: 4,
    meanHandlingSeconds: 185,
    ...overrides,
  };
}

let attempts = 0;

export function makeAttempt(overrides: Partial<VerificationAttempt> = {}): VerificationAttempt {
  attempts += 1;
  return {
    id: `a77e0000-0000-4000-8000-${String(attempts).padStart(12, '0')}`,
    at: '2026-01-01T10:00:00.000Z',
    operator: { userId: OPERATOR_ID, name: 'Olle Operator' },
    person: { id: PERSON_ID, name: 'Agnes Andersson' },
    siteId: SITE_ID,
    siteName: 'Kvarteret Hägern',
    result: 'WRONG_PASSWORD',
    lockedUntil: null,
    ...overrides,
  };
}

/** A quiet centre: nothing waits, every target met, no alerts. Override what the test is about. */
export function makeSnapshot(overrides: Partial<SupervisorSnapshot> = {}): SupervisorSnapshot {
  return {
    at: '2026-01-01T10:00:00.000Z',
    queue: ALARM_CATEGORIES.map((category) => ({
      category,
      priority: CATEGORY_PRIORITY[category],
      waiting: 0,
      oldestWaitingSeconds: null,
    })),
    acceptTimes: { last15m: makeFigures(), last1h: makeFigures({ count: 40 }), today: makeFigures({ count: 120 }) },
    history: [
      { at: '2026-01-01T09:50:00.000Z', queueDepth: 2, acceptP50: 14, accepted: 3 },
      { at: '2026-01-01T09:55:00.000Z', queueDepth: 0, acceptP50: null, accepted: 0 },
    ],
    operators: [makeOperator()],
    verifications: { failedLast15m: 0, locked: [], recent: [] },
    runaways: [],
    missingTests: [],
    alerts: [],
    thresholds: { oldestWaitingSeconds: 30, targets: TARGETS },
    ...overrides,
  };
}

/** The queue of a snapshot with some categories waiting. */
export function queueWith(
  waiting: Partial<Record<(typeof ALARM_CATEGORIES)[number], { waiting: number; oldest: number }>>,
): SupervisorSnapshot['queue'] {
  return ALARM_CATEGORIES.map((category) => ({
    category,
    priority: CATEGORY_PRIORITY[category],
    waiting: waiting[category]?.waiting ?? 0,
    oldestWaitingSeconds: waiting[category]?.oldest ?? null,
  }));
}
