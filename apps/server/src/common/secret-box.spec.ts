import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  it('opens what it sealed, and never stores the plain text', () => {
    const box = new SecretBox('a-secret-that-is-long-enough-0123456789');
    const sealed = box.seal('AAAAAAAAAAAAAAAA');
    expect(sealed).not.toContain('AAAA');
    expect(sealed).not.toBe(box.seal('AAAAAAAAAAAAAAAA'));
    expect(box.open(sealed)).toBe('AAAAAAAAAAAAAAAA');
  });

  it('refuses another secret and tampering', () => {
    const sealed = new SecretBox('first-secret-first-secret-first-secret').seal('key');
    expect(() => new SecretBox('other-secret-other-secret-other-secret').open(sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('xyz').toString('base64url');
    expect(() => new SecretBox('first-secret-first-secret-first-secret').open(parts.join('.'))).toThrow();
  });
});
