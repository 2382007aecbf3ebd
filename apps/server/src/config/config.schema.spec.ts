import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.schema.js';

describe('loadConfig', () => {
  it('has defaults that work on a developer machine', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/arc');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.auth.usingDevSecret).toBe(true);
    expect(config.ingest.apiKeys).toHaveLength(1);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ HTTP_PORT: 'eighty' })).toThrow(/HTTP_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32/);
    expect(() => loadConfig({ INGEST_API_KEYS: 'a-long-enough-key-1,short' })).toThrow(/INGEST_API_KEYS/);
  });

  it('requires real secrets in production', () => {
    try {
      loadConfig({ NODE_ENV: 'production' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/JWT_SECRET: is required in production/);
      expect(problems).toMatch(/INGEST_API_KEYS: is required in production/);
      expect(problems).toMatch(/SECRETS_KEY: is required in production/);
    }
  });

  it('treats empty strings as unset and splits API keys', () => {
    const config = loadConfig({ HTTP_PORT: '', INGEST_API_KEYS: ' key-number-one-xxxx , key-number-two-yyyy ' });
    expect(config.http.port).toBe(3000);
    expect(config.ingest.apiKeys).toEqual(['key-number-one-xxxx', 'key-number-two-yyyy']);
  });
});
