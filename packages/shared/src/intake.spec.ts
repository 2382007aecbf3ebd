import { describe, expect, it } from 'vitest';
import { ALARM_CATEGORIES, type AlarmCategory } from './alarm.js';
import { AUTHORITY_LEVELS, type ApprovalKind, type AuthorityLevel } from './authority.js';
import {
  allowedActions,
  INTAKE_ACTIONS,
  intakeActionProblem,
  IntakeBlockWindowInputSchema,
  IntakeServiceModeInputSchema,
  VerifyCallerInputSchema,
  type CallerFacts,
  type IntakeAction,
} from './intake.js';

/**
 * The authority table of docs/domain.md section 3, written out as the customer's FAQ states it and
 * checked for every level × category × action, for plain persons and installers with every set
 * of approvals. `Y` allowed, `-` refused; columns FIRE, HOLDUP, INTRUSION, TECHNICAL, SERVICE
 * (every category once).
 */
const COLUMNS: readonly AlarmCategory[] = ['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE'];

type Row = Record<IntakeAction, string>;

/** A person on a customer's authorization list (not an installer). */
const PERSON: Record<AuthorityLevel, Row> = {
  A: {
    SERVICE_MODE: 'YYYYY',
    END_SERVICE_MODE: 'YYYYY',
    BLOCK_WINDOW: 'YYYYY',
    CANCEL_FALSE_ALARM: 'Y-YYY',
    STATUS: 'YYYYY',
    MESSAGE: 'YYYYY',
    CHANGE_DIRECTORY: 'YYYYY',
  },
  B: {
    SERVICE_MODE: 'YYYYY',
    END_SERVICE_MODE: 'YYYYY',
    BLOCK_WINDOW: 'YYYYY',
    CANCEL_FALSE_ALARM: 'Y-YYY',
    STATUS: 'YYYYY',
    MESSAGE: 'YYYYY',
    CHANGE_DIRECTORY: '-----',
  },
  C: {
    SERVICE_MODE: '-YYYY',
    END_SERVICE_MODE: '-YYYY',
    BLOCK_WINDOW: '-YYYY',
    CANCEL_FALSE_ALARM: 'Y-YYY',
    STATUS: 'YYYYY',
    MESSAGE: 'YYYYY',
    CHANGE_DIRECTORY: '-----',
  },
};

/**
 * An installer of a service company: fire needs a fire certificate (and level A or B), intrusion
 * and hold-up a police approval; installers never cancel alarms or change the directory.
 */
function installerRow(level: AuthorityLevel, approvals: readonly ApprovalKind[]): Row {
  const fire = level !== 'C' && approvals.includes('FIRE_CERTIFICATE') ? 'Y' : '-';
  const police = approvals.includes('POLICE_INTRUSION') ? 'Y' : '-';
  const windows = `${fire}${police}${police}YY`;
  return {
    SERVICE_MODE: windows,
    END_SERVICE_MODE: windows,
    BLOCK_WINDOW: windows,
    CANCEL_FALSE_ALARM: '-----',
    STATUS: 'YYYYY',
    MESSAGE: 'YYYYY',
    CHANGE_DIRECTORY: '-----',
  };
}

const APPROVAL_SETS: ApprovalKind[][] = [
  [],
  ['POLICE_INTRUSION'],
  ['FIRE_CERTIFICATE'],
  ['FIRE_CERTIFICATE', 'POLICE_INTRUSION'],
];

const cases: { who: string; facts: CallerFacts; row: Row }[] = [
  ...AUTHORITY_LEVELS.map((level) => ({
    who: `level ${level}`,
    facts: { level, installerApprovals: null },
    row: PERSON[level],
  })),
  ...AUTHORITY_LEVELS.flatMap((level) =>
    APPROVAL_SETS.map((approvals) => ({
      who: `installer level ${level} with [${approvals.join(', ')}]`,
      facts: { level, installerApprovals: approvals },
      row: installerRow(level, approvals),
    })),
  ),
];

const table = cases.flatMap(({ who, facts, row }) =>
  INTAKE_ACTIONS.flatMap((action) =>
    COLUMNS.map((category, i) => ({ who, facts, action, category, allowed: row[action][i] === 'Y' })),
  ),
);

describe('intakeActionProblem: the authority table', () => {
  it('covers every level, installer case, action and category', () => {
    expect(COLUMNS).toHaveLength(ALARM_CATEGORIES.length);
    expect(new Set(COLUMNS)).toEqual(new Set(ALARM_CATEGORIES));
    // 3 levels as persons + 3 levels × 4 approval sets as installers, × 7 actions × 5 categories.
    expect(table).toHaveLength((3 + 3 * 4) * INTAKE_ACTIONS.length * 5);
  });

  it.each(table)('$who, $action, $category → allowed: $allowed', ({ facts, action, category, allowed }) => {
    const problem = intakeActionProblem(facts, action, category);
    if (allowed) expect(problem).toBeNull();
    else expect(problem).toEqual(expect.any(String));
  });

  it('never lets anyone cancel a hold-up alarm', () => {
    for (const { facts } of cases) {
      expect(intakeActionProblem(facts, 'CANCEL_FALSE_ALARM', 'HOLDUP')).toBe(
        'a hold-up alarm can never be cancelled by a caller',
      );
    }
  });

  it.each<[string, CallerFacts, IntakeAction, AlarmCategory, string]>([
    [
      'level C, fire service mode',
      { level: 'C', installerApprovals: null },
      'SERVICE_MODE',
      'FIRE',
      'level C may not put a fire transmitter in service mode; it needs level A or B',
    ],
    [
      'level C, fire block window',
      { level: 'C', installerApprovals: null },
      'BLOCK_WINDOW',
      'FIRE',
      'level C may not block a fire transmitter; it needs level A or B',
    ],
    [
      'level C installer with a certificate, fire: the level decides first',
      { level: 'C', installerApprovals: ['FIRE_CERTIFICATE'] },
      'SERVICE_MODE',
      'FIRE',
      'level C may not put a fire transmitter in service mode; it needs level A or B',
    ],
    [
      'installer without a certificate, fire',
      { level: 'A', installerApprovals: ['POLICE_INTRUSION'] },
      'SERVICE_MODE',
      'FIRE',
      'an installer needs a valid fire certificate for fire',
    ],
    [
      'installer without a police approval, hold-up',
      { level: 'A', installerApprovals: ['FIRE_CERTIFICATE'] },
      'BLOCK_WINDOW',
      'HOLDUP',
      'an installer needs a valid police approval for intrusion and hold-up',
    ],
    [
      'installer, cancel',
      { level: 'A', installerApprovals: ['FIRE_CERTIFICATE', 'POLICE_INTRUSION'] },
      'CANCEL_FALSE_ALARM',
      'INTRUSION',
      'an installer cannot cancel an alarm; the customer must call',
    ],
    [
      'level B, directory',
      { level: 'B', installerApprovals: null },
      'CHANGE_DIRECTORY',
      'TECHNICAL',
      'level B may not change contacts, passwords, levels or the action plan; it needs level A',
    ],
    [
      'installer, directory',
      { level: 'A', installerApprovals: [] },
      'CHANGE_DIRECTORY',
      'FIRE',
      'an installer cannot change contacts, passwords or the action plan',
    ],
  ])('%s: gives the reason an operator reads out', (_, facts, action, category, reason) => {
    expect(intakeActionProblem(facts, action, category)).toBe(reason);
  });
});

describe('allowedActions', () => {
  it('lists, per category in the order given, what is allowed and why the rest is not', () => {
    const result = allowedActions({ level: 'C', installerApprovals: null }, ['INTRUSION', 'FIRE']);
    expect(result.map((r) => r.category)).toEqual(['INTRUSION', 'FIRE']);
    expect(result[0]).toEqual({
      category: 'INTRUSION',
      allowed: ['SERVICE_MODE', 'END_SERVICE_MODE', 'BLOCK_WINDOW', 'CANCEL_FALSE_ALARM', 'STATUS', 'MESSAGE'],
      refused: [
        {
          action: 'CHANGE_DIRECTORY',
          reason: 'level C may not change contacts, passwords, levels or the action plan; it needs level A',
          reasonKey: 'authority:intake.levelDirectory',
          reasonParams: { level: 'C' },
        },
      ],
    });
    expect(result[1]!.refused.map((r) => r.action)).toEqual([
      'SERVICE_MODE',
      'END_SERVICE_MODE',
      'BLOCK_WINDOW',
      'CHANGE_DIRECTORY',
    ]);
  });

  it('agrees with intakeActionProblem for every caller and category', () => {
    for (const { facts } of cases) {
      for (const entry of allowedActions(facts, ALARM_CATEGORIES)) {
        expect([...entry.allowed, ...entry.refused.map((r) => r.action)].sort()).toEqual([...INTAKE_ACTIONS].sort());
        for (const action of entry.allowed) expect(intakeActionProblem(facts, action, entry.category)).toBeNull();
        for (const { action, reason } of entry.refused)
          expect(intakeActionProblem(facts, action, entry.category)).toBe(reason);
      }
    }
  });

  it('answers nothing for a site without categories', () => {
    expect(allowedActions({ level: 'A', installerApprovals: null }, [])).toEqual([]);
  });
});

describe('intake input schemas', () => {
  const id = '00000000-0000-4000-8000-000000000001';

  it('needs a password, and never accepts unknown fields', () => {
    expect(VerifyCallerInputSchema.safeParse({ personId: id, password: 'x' }).success).toBe(true);
    expect(VerifyCallerInputSchema.safeParse({ personId: id, password: '' }).success).toBe(false);
    expect(VerifyCallerInputSchema.safeParse({ personId: 'nope', password: 'x' }).success).toBe(false);
    expect(VerifyCallerInputSchema.safeParse({ personId: id, password: 'x', level: 'A' }).success).toBe(false);
  });

  it('takes a whole transmitter when the service mode has no category', () => {
    const parsed = IntakeServiceModeInputSchema.parse({
      verificationId: id,
      transmitterId: id,
      reason: 'Service visit',
    });
    expect(parsed.category).toBeNull();
    expect(IntakeServiceModeInputSchema.safeParse({ verificationId: id, transmitterId: id, reason: ' ' }).success).toBe(
      false,
    );
  });

  it('needs the written request of a block window', () => {
    const body = {
      verificationId: id,
      transmitterId: id,
      startsAt: '2026-12-01T08:00:00Z',
      endsAt: '2026-12-02T08:00:00Z',
      requestDate: '2026-11-20',
      reference: 'ORDER-17',
    };
    expect(IntakeBlockWindowInputSchema.parse(body).reason).toBeNull();
    expect(IntakeBlockWindowInputSchema.safeParse({ ...body, reference: '' }).success).toBe(false);
  });
});
