import { describe, expect, it } from 'vitest';
import { AuditQuerySchema, PageQuerySchema, SetPasswordInputSchema } from './directory.js';
import { SignalLogQuerySchema } from './rules.js';
import { findUnsafeText, PG_BIGINT_MAX, queryBigintId, safeString, TEXT_MAX_DEFAULT } from './safe-input.js';
import { IngestSignalSchema } from './signal.js';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('safeString', () => {
  it.each([
    ['NUL', 'a\u0000b', 'must not contain the NUL character (U+0000)'],
    ['BEL', 'a\u0007b', 'must not contain control characters (found U+0007)'],
    ['ESC', '\u001b[31mred', 'must not contain control characters (found U+001B)'],
    ['DEL', 'a\u007fb', 'must not contain control characters (found U+007F)'],
    ['C1', 'a\u0085b', 'must not contain control characters (found U+0085)'],
    ['a lone high surrogate', 'a\ud800', 'must be valid Unicode text (it contains a lone surrogate)'],
    ['a lone low surrogate', '\udfffa', 'must be valid Unicode text (it contains a lone surrogate)'],
  ])('refuses %s with a message', (_, value, message) => {
    const result = safeString().trim().max(100).safeParse(value);
    expect(messages(result)).toEqual([`: ${message}`]);
  });

  it('keeps tabs, line breaks, surrogate pairs and Swedish letters', () => {
    for (const value of ['Åsa Öberg\tline\r\nnext', 'emoji 😀 ok', 'Västerås']) {
      expect(safeString().safeParse(value).success).toBe(true);
    }
  });

  it('has a default length limit', () => {
    expect(safeString().safeParse('x'.repeat(TEXT_MAX_DEFAULT)).success).toBe(true);
    expect(safeString().safeParse('x'.repeat(TEXT_MAX_DEFAULT + 1)).success).toBe(false);
  });

  it('names the field in the schemas that use it', () => {
    expect(messages(IngestSignalSchema.safeParse({ account: '1001', code: 'BA', text: 'a\u0000' }))).toEqual([
      'text: must not contain the NUL character (U+0000)',
    ]);
    expect(messages(IngestSignalSchema.safeParse({ account: '1001', code: 'BA', eventId: '\ud800' }))).toEqual([
      'eventId: must be valid Unicode text (it contains a lone surrogate)',
    ]);
    expect(messages(PageQuerySchema.safeParse({ q: '\u0000' }))).toEqual([
      'q: must not contain the NUL character (U+0000)',
    ]);
    expect(messages(AuditQuerySchema.safeParse({ entity: 'site', entityId: 'x\u0000' }))).toEqual([
      'entityId: must not contain the NUL character (U+0000)',
    ]);
    expect(
      messages(
        SetPasswordInputSchema.safeParse({
          password: 'secret-1',
          requestedByPersonId: '8f5b1c1e-6d0a-4c3e-9a55-3c1f1b0d2e4a',
          requestDate: '2026-01-01',
          requestReference: 'mail\u0000',
        }),
      ),
    ).toEqual(['requestReference: must not contain the NUL character (U+0000)']);
  });
});

describe('numbers from outside', () => {
  it('bounds a bigint id to int8 and refuses what is not digits', () => {
    expect(queryBigintId.parse('42')).toBe(42n);
    expect(queryBigintId.parse(String(PG_BIGINT_MAX))).toBe(PG_BIGINT_MAX);
    for (const bad of ['99999999999999999999', '9223372036854775808', '0', '-1', '1.5', '1e3', '', ' 1', '0x10']) {
      expect(queryBigintId.safeParse(bad).success, bad).toBe(false);
    }
    expect(messages(SignalLogQuerySchema.safeParse({ before: '99999999999999999999' }))).toEqual([
      'before: must be a positive whole number of at most 19 digits',
    ]);
  });

  it('bounds page numbers', () => {
    expect(PageQuerySchema.safeParse({ page: '1e300' }).success).toBe(false);
    expect(PageQuerySchema.safeParse({ page: '1.5' }).success).toBe(false);
    expect(PageQuerySchema.safeParse({ page: '-1' }).success).toBe(false);
    expect(PageQuerySchema.parse({ page: '3' }).page).toBe(3);
  });
});

describe('findUnsafeText', () => {
  it('finds the first bad text with its path, keys included', () => {
    expect(findUnsafeText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({
      path: 'a.1.c',
      reason: 'must not contain the NUL character (U+0000)',
    });
    expect(findUnsafeText({ ['k\ud800']: 1 })?.path).toBe('(key)');
    expect(findUnsafeText({ a: ['fine', 1, null, true] })).toBeNull();
  });
});
