import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fallbackSignal, isDataError, storableDedupKey, storableSignal, storableText } from './storable-signal.js';

describe('storable text', () => {
  it('replaces NUL, controls (but TAB, LF, CR), C1 controls and lone surrogates, and keeps everything else', () => {
    expect(storableText('a\u0000b\u0001\u001f\u007f\u0080\u009f\t\n\rÅäö€😀')).toBe(
      'a\uFFFDb\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\t\n\rÅäö€😀',
    );
    expect(storableText('x\uD800y\uDC00z\uD83D')).toBe('x\uFFFDy\uFFFDz\uFFFD');
  });

  it('always gives text that PostgreSQL takes and that round-trips through UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const safe = storableText(text);
        expect(safe).not.toContain('\u0000');
        expect(Buffer.from(safe, 'utf8').toString('utf8')).toBe(safe);
        expect(safe.length).toBe(text.length);
      }),
    );
  });
});

describe('storable de-duplication keys', () => {
  it('keeps a clean key and gives distinct unsafe keys distinct hashes', () => {
    expect(storableDedupKey('dc09:0001:abc:0')).toBe('dc09:0001:abc:0');
    expect(storableDedupKey(null)).toBeNull();
    const keys = ['http:a\u0000', 'http:a\u0001', 'http:a\uD800', 'http:a\uDBFF'].map(storableDedupKey);
    expect(new Set(keys).size).toBe(4);
    expect(storableDedupKey('http:a\u0000')).toBe(keys[0]);
  });
});

describe('signals', () => {
  const signal = {
    raw: 'r\u0000',
    account: '1234',
    code: 'BA',
    zone: 'z\u0000',
    area: null,
    text: 't\u0000',
    occurredAt: new Date(),
    dedupKey: 'k',
    sequence: '0001',
    xdata: ['X\u0000\u001f', 'Y'],
  };

  it('are made storable field by field', () => {
    expect(storableSignal(signal)).toEqual({
      ...signal,
      raw: 'r\uFFFD',
      zone: 'z\uFFFD',
      text: 't\uFFFD',
      xdata: ['X\uFFFD\uFFFD', 'Y'],
    });
  });

  it('fall back to what identifies the alarm', () => {
    expect(fallbackSignal({ ...signal, text: 'x'.repeat(5000) })).toMatchObject({
      code: 'BA',
      account: '1234',
      dedupKey: 'k',
      occurredAt: null,
      xdata: null,
      text: 'x'.repeat(1000),
    });
  });

  it('tell a refused row from PostgreSQL being unable to store', () => {
    expect(['22021', '22P02', '23514', '54000'].map((code) => isDataError({ code }))).toEqual([true, true, true, true]);
    expect(['57P01', '08006', '53300', '42P01', 'ECONNREFUSED'].map((code) => isDataError({ code }))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isDataError(new Error('x'))).toBe(false);
    expect(isDataError(null)).toBe(false);
  });
});
