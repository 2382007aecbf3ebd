import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEnvironment } from './support/test-app.js';

/**
 * Instants a client can type that PostgreSQL cannot store (the year 0, five-digit years) or that
 * lie far out: every route that takes one answers 200 or a clear 400, never a 5xx.
 */
const env = new TestEnvironment();
let admin = '';

beforeAll(async () => {
  await env.start();
  admin = await env.login('admin');
});

afterAll(async () => {
  await env.destroy();
});

const FAR = [
  ['0000-01-01T00:00:00Z', '0000-01-03T00:00:00Z'],
  ['0001-01-01T00:00:00Z', '0001-01-03T00:00:00Z'],
  ['9999-12-30T00:00:00Z', '9999-12-31T00:00:00Z'],
  ['1970-01-01T00:00:00+14:00', '1970-01-02T00:00:00-12:00'],
] as const;

describe('far-out instants in queries', () => {
  for (const [from, to] of FAR) {
    it(`${from} – ${to}`, async () => {
      const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
      for (const path of [`/cases/closed?${q}`, `/intake/calls?${q}`, `/intake/verifications?${q}`, `/audit?${q}`]) {
        const answer = await env.call(admin, 'GET', path);
        expect([200, 400], `${path} → ${answer.status} ${answer.text.slice(0, 200)}`).toContain(answer.status);
      }
    });
  }
});
