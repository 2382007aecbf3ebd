import { describe, expect, it } from 'vitest';
import { maskSecrets } from './audit.service.js';

describe('maskSecrets', () => {
  it('masks passwords and keys at any depth and keeps everything else', () => {
    expect(
      maskSecrets({
        name: 'Anna',
        password: 'hunter22',
        nested: { encryptionKey: 'AAAAAAAAAAAAAAAA', passwordHash: null, phone: '+46701234567' },
        list: [{ password_hash: '$argon2id$…' }],
      }),
    ).toEqual({
      name: 'Anna',
      password: '***',
      nested: { encryptionKey: '***', passwordHash: null, phone: '+46701234567' },
      list: [{ password_hash: '***' }],
    });
  });
});
