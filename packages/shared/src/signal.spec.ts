import { describe, expect, it } from 'vitest';
import { IngestSignalSchema } from './signal.js';

describe('IngestSignalSchema', () => {
  it('accepts a minimal signal and upper-cases the account', () => {
    const parsed = IngestSignalSchema.parse({ account: '00ab12', code: 'BA' });
    expect(parsed.account).toBe('00AB12');
  });

  it.each([
    [{ code: 'BA' }, 'account'],
    [{ account: '12', code: 'BA' }, 'account'],
    [{ account: 'XYZ1', code: 'BA' }, 'account'],
    [{ account: 1234, code: 'BA' }, 'account'],
    [{ account: '1234' }, 'code'],
    [{ account: '1234', code: 'burglary' }, 'code'],
    [{ account: '1234', code: 'BA', zone: 'zone 1!' }, 'zone'],
    [{ account: '1234', code: 'BA', occurredAt: 'yesterday' }, 'occurredAt'],
    [{ account: '1234', code: 'BA', extra: true }, ''],
  ])('rejects %j (%s)', (body, field) => {
    const result = IngestSignalSchema.safeParse(body);
    expect(result.success).toBe(false);
    if (!result.success && field) {
      expect(result.error.issues.some((issue) => issue.path.join('.') === field)).toBe(true);
    }
  });
});
