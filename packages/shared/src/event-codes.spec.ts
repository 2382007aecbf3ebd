import { describe, expect, it } from 'vitest';
import { classifyEventCode, isEventCodeShape } from './event-codes.js';
import { CATEGORY_PRIORITY, compareQueueOrder, ALARM_CATEGORIES } from './alarm.js';

describe('classifyEventCode', () => {
  it.each([
    ['FA', 'ALARM', 'FIRE'],
    ['BA', 'ALARM', 'INTRUSION'],
    ['HA', 'ALARM', 'HOLDUP'],
    ['PA', 'ALARM', 'HOLDUP'],
    ['AT', 'ALARM', 'SERVICE'],
    ['YC', 'ALARM', 'TECHNICAL'],
    ['WA', 'ALARM', 'TECHNICAL'],
    ['BR', 'RESTORE', 'INTRUSION'],
    ['OP', 'LOG', null],
    ['BB', 'LOG', null],
    ['RP', 'TEST', null],
  ])('SIA %s is %s %s', (code, kind, category) => {
    const result = classifyEventCode(code);
    expect(result).toMatchObject({ protocol: 'SIA', code, kind, category });
  });

  it.each([
    ['1110', 'ALARM', 'FIRE', '110'],
    ['1121', 'ALARM', 'HOLDUP', '121'],
    ['1130', 'ALARM', 'INTRUSION', '130'],
    ['3130', 'RESTORE', 'INTRUSION', '130'],
    ['1301', 'ALARM', 'SERVICE', '301'],
    ['1373', 'ALARM', 'TECHNICAL', '373'],
    ['1401', 'LOG', null, '401'],
    ['3401', 'LOG', null, '401'],
    ['1602', 'TEST', null, '602'],
  ])('Contact ID %s is %s %s', (raw, kind, category, code) => {
    expect(classifyEventCode(raw)).toMatchObject({ protocol: 'CID', code, kind, category });
  });

  it('returns null for unknown codes of a valid shape', () => {
    expect(classifyEventCode('ZZ')).toBeNull();
    expect(classifyEventCode('1999')).toBeNull();
  });

  it('returns null for malformed codes', () => {
    for (const code of ['', 'B', 'ba', 'BAA', '2130', '113', '11300', 'B1']) {
      expect(classifyEventCode(code)).toBeNull();
      expect(isEventCodeShape(code)).toBe(false);
    }
  });
});

describe('priority', () => {
  it('orders FIRE, HOLDUP, INTRUSION, TECHNICAL, SERVICE', () => {
    const sorted = [...ALARM_CATEGORIES].sort((a, b) => CATEGORY_PRIORITY[b] - CATEGORY_PRIORITY[a]).reverse();
    expect(sorted).toEqual(['FIRE', 'HOLDUP', 'INTRUSION', 'TECHNICAL', 'SERVICE']);
  });

  it('sorts by priority then age', () => {
    const cases = [
      { id: 'old-service', priority: 5, queuedAt: '2026-01-01T10:00:00Z' },
      { id: 'new-fire', priority: 1, queuedAt: '2026-01-01T10:05:00Z' },
      { id: 'old-fire', priority: 1, queuedAt: '2026-01-01T10:01:00Z' },
      { id: 'intrusion', priority: 3, queuedAt: '2026-01-01T09:00:00Z' },
    ];
    expect(cases.sort(compareQueueOrder).map((c) => c.id)).toEqual([
      'old-fire',
      'new-fire',
      'intrusion',
      'old-service',
    ]);
  });
});
