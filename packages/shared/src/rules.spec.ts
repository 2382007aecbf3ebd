import { describe, expect, it } from 'vitest';
import type { ApprovalKind } from './directory.js';
import {
  BlockWindowInputSchema,
  ServiceModeInputSchema,
  SignalLogQuerySchema,
  isWithin,
  windowCovers,
  windowRequesterProblem,
  type RequesterFacts,
} from './rules.js';

const person = (overrides: Partial<RequesterFacts> = {}): RequesterFacts => ({
  level: 'A',
  listCoversSite: true,
  validToday: true,
  installerApprovals: null,
  ...overrides,
});
const installer = (approvals: ApprovalKind[], level: RequesterFacts['level'] = 'B') =>
  person({ level, installerApprovals: approvals });

describe('windowRequesterProblem (docs/domain.md section 3)', () => {
  const FIRE = { fire: true, intrusion: false };
  const INTRUSION = { fire: false, intrusion: true };
  const BOTH = { fire: true, intrusion: true };
  const NEITHER = { fire: false, intrusion: false };

  it.each([
    // who, what the window covers, the expected answer (null = allowed)
    ['level A, fire', person({ level: 'A' }), FIRE, null],
    ['level B, fire', person({ level: 'B' }), FIRE, null],
    ['level C, fire', person({ level: 'C' }), FIRE, 'has authority level C; fire needs level A or B'],
    ['level C, intrusion', person({ level: 'C' }), INTRUSION, null],
    ['level C, technical only', person({ level: 'C' }), NEITHER, null],
    [
      'level C, whole transmitter of unknown kind',
      person({ level: 'C' }),
      BOTH,
      'has authority level C; fire needs level A or B',
    ],
    ['another site', person({ listCoversSite: false }), INTRUSION, 'is not on an authorization list of this site'],
    ['not valid today', person({ validToday: false }), INTRUSION, 'is not valid today'],
    ['installer with certificate, fire', installer(['FIRE_CERTIFICATE']), FIRE, null],
    [
      'installer without certificate, fire',
      installer(['POLICE_INTRUSION']),
      FIRE,
      'is an installer without a valid fire certificate',
    ],
    ['installer with police approval, intrusion', installer(['POLICE_INTRUSION']), INTRUSION, null],
    [
      'installer without police approval, intrusion',
      installer(['FIRE_CERTIFICATE']),
      INTRUSION,
      'is an installer without a valid police approval for intrusion',
    ],
    ['installer with nothing, technical only', installer([]), NEITHER, null],
    ['installer with both, whole transmitter', installer(['FIRE_CERTIFICATE', 'POLICE_INTRUSION']), BOTH, null],
    [
      'installer with certificate only, whole transmitter',
      installer(['FIRE_CERTIFICATE']),
      BOTH,
      'is an installer without a valid police approval for intrusion',
    ],
    // Level is checked before approvals: a C-level installer with a certificate still may not silence fire.
    [
      'C-level installer with certificate, fire',
      installer(['FIRE_CERTIFICATE'], 'C'),
      FIRE,
      'has authority level C; fire needs level A or B',
    ],
  ] as const)('%s', (_name, facts, covers, expected) => {
    expect(windowRequesterProblem(facts, covers.fire, covers.intrusion)).toBe(expected);
  });

  it('reports the site before validity, and validity before level', () => {
    expect(windowRequesterProblem(person({ level: 'C', listCoversSite: false, validToday: false }), true, false)).toBe(
      'is not on an authorization list of this site',
    );
    expect(windowRequesterProblem(person({ level: 'C', validToday: false }), true, false)).toBe('is not valid today');
  });
});

describe('windowCovers', () => {
  it.each([
    // window category, transmitter input category, expected
    [null, null, { fire: true, intrusion: true }],
    [null, 'FIRE', { fire: true, intrusion: false }],
    [null, 'INTRUSION', { fire: false, intrusion: true }],
    [null, 'HOLDUP', { fire: false, intrusion: true }],
    [null, 'TECHNICAL', { fire: false, intrusion: false }],
    ['FIRE', null, { fire: true, intrusion: false }],
    ['INTRUSION', null, { fire: false, intrusion: true }],
    ['HOLDUP', 'FIRE', { fire: false, intrusion: true }],
    ['SERVICE', 'FIRE', { fire: false, intrusion: false }],
    ['FIRE', 'INTRUSION', { fire: true, intrusion: false }],
  ] as const)('category %s on a %s transmitter', (category, input, expected) => {
    expect(windowCovers(category, input)).toEqual(expected);
  });
});

describe('isWithin: [start, end)', () => {
  const window = { startsAt: '2026-12-01T08:00:00Z', endsAt: '2026-12-03T17:00:00Z' };

  it.each([
    ['a millisecond before the start', '2026-12-01T07:59:59.999Z', false],
    ['exactly at the start', '2026-12-01T08:00:00.000Z', true],
    ['inside', '2026-12-02T12:00:00Z', true],
    ['a millisecond before the end', '2026-12-03T16:59:59.999Z', true],
    ['exactly at the end', '2026-12-03T17:00:00.000Z', false],
    ['after the end', '2026-12-04T00:00:00Z', false],
  ])('%s', (_name, at, expected) => {
    expect(isWithin(window, new Date(at))).toBe(expected);
  });

  it('accepts Date bounds and other offsets, and an empty window contains nothing', () => {
    const dates = { startsAt: new Date('2026-12-01T09:00:00+01:00'), endsAt: new Date('2026-12-01T10:00:00+01:00') };
    expect(isWithin(dates, new Date('2026-12-01T08:00:00Z'))).toBe(true);
    expect(isWithin(dates, new Date('2026-12-01T09:00:00Z'))).toBe(false);
    const empty = { startsAt: '2026-12-01T08:00:00Z', endsAt: '2026-12-01T08:00:00Z' };
    expect(isWithin(empty, new Date('2026-12-01T08:00:00Z'))).toBe(false);
  });
});

describe('input schemas', () => {
  const id = '0b6f1a53-3f3e-4f57-9d2a-7c1f2a1d9e10';

  it('service mode: category defaults to the whole transmitter; duration is optional but at least 1 minute', () => {
    const parsed = ServiceModeInputSchema.parse({ transmitterId: id, reason: 'Service', requestedByPersonId: id });
    expect(parsed.category).toBeNull();
    expect(parsed.durationMinutes).toBeUndefined();
    expect(
      ServiceModeInputSchema.safeParse({ transmitterId: id, reason: 'x', requestedByPersonId: id, durationMinutes: 0 })
        .success,
    ).toBe(false);
    expect(ServiceModeInputSchema.safeParse({ transmitterId: id, reason: ' ', requestedByPersonId: id }).success).toBe(
      false,
    );
  });

  it('block window: endsAt must be after startsAt', () => {
    const base = { transmitterId: id, requestedByPersonId: id, requestDate: '2026-11-20', reference: 'ORDER-17' };
    expect(
      BlockWindowInputSchema.safeParse({ ...base, startsAt: '2026-12-01T08:00:00Z', endsAt: '2026-12-01T08:00:00Z' })
        .success,
    ).toBe(false);
    const ok = BlockWindowInputSchema.parse({
      ...base,
      startsAt: '2026-12-01T08:00:00Z',
      endsAt: '2026-12-01T08:01:00Z',
    });
    expect(ok.reason).toBeNull();
  });

  it('signal log query: limit 1-500 (default 100), before a positive id', () => {
    expect(SignalLogQuerySchema.parse({})).toEqual({ limit: 100 });
    expect(SignalLogQuerySchema.parse({ limit: '5', before: '12' })).toEqual({ limit: 5, before: 12n });
    expect(SignalLogQuerySchema.safeParse({ limit: '501' }).success).toBe(false);
    expect(SignalLogQuerySchema.safeParse({ before: '0' }).success).toBe(false);
  });
});
