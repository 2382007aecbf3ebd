import { describe, expect, it } from 'vitest';
import { CreateUserInputSchema, passwordProblems } from './users.js';

describe('passwordProblems', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('Lagom-stark-fras-42', 'anna')).toEqual([]);
  });

  it('names each problem', () => {
    expect(passwordProblems('short', 'anna')).toEqual(['must be at least 12 characters']);
    expect(passwordProblems('xx-ANNA.svensson-xx', 'anna.svensson')).toEqual(['must not contain the username']);
    expect(passwordProblems('Password2024!', 'anna')).toEqual(['is too common or too simple; choose another']);
    expect(passwordProblems('qwertyuiop1234', 'anna')).toEqual(['is too common or too simple; choose another']);
    expect(passwordProblems('zzzzzzzzzzzzzz', 'anna')).toEqual(['is too common or too simple; choose another']);
  });
});

describe('CreateUserInputSchema', () => {
  it('lower-cases the username and reports password problems on the password field', () => {
    const ok = CreateUserInputSchema.parse({
      username: ' Anna.S ',
      displayName: 'Anna',
      role: 'operator',
      password: 'Lagom-stark-fras-42',
    });
    expect(ok.username).toBe('anna.s');
    const bad = CreateUserInputSchema.safeParse({
      username: 'anna',
      displayName: 'A',
      role: 'admin',
      password: 'anna1',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['password', 'password']);
  });
});
