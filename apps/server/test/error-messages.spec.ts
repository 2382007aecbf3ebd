import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@arc/shared/auth';
import { catalogueText, errorAnswerProblems, LOCALES } from '@arc/shared/i18n';
import { TestEnvironment } from './support/test-app.js';

/**
 * Error answers carry the catalogue key and params the console words them with, in Swedish or
 * English (docs/i18n.md, "Server errors"); the English message stays for API clients and logs.
 * Every answer `env.call` gets is checked the same way (checkErrorAnswer in support/test-app.ts).
 */

const SRC = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the message keys the server sends', () => {
  it('exist in every catalogue: each key: / messageKey: of the sources, and each full key', () => {
    // The compiler already refuses an AppError key the English catalogue lacks; this also covers
    // the issue keys, the full keys of params and the Swedish catalogue.
    const missing: string[] = [];
    let seen = 0;
    for (const file of sourceFiles(SRC)) {
      const source = readFileSync(file, 'utf8');
      if (!/AppError|messageKey/.test(source)) continue;
      const keys = [
        ...[...source.matchAll(/\bkey: '(\w+)'/g)].map((m) => `errors:server.${m[1]}`),
        ...[...source.matchAll(/\bmessageKey: '([\w.]+)'/g)].map((m) =>
          m[1]!.includes('.') ? `errors:${m[1]}` : `errors:server.${m[1]}`,
        ),
        ...[...source.matchAll(/'((?:errors|authority):[\w.]+)'/g)].map((m) => m[1]!),
      ];
      for (const key of keys) {
        seen += 1;
        // The verification outcome's keys (VerificationOutcome.messageKey) are errors:verification.*.
        const alternative = key.replace('errors:server.', 'errors:verification.');
        for (const locale of LOCALES) {
          if (catalogueText(locale, key) === undefined && catalogueText(locale, alternative) === undefined) {
            missing.push(`${file.slice(SRC.length)}: ${key} (${locale})`);
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});

describe('error answers', () => {
  const env = new TestEnvironment();
  let admin: string;

  beforeAll(async () => {
    await env.start();
    admin = await env.login('admin');
  }, 60_000);

  afterAll(async () => {
    await env.destroy();
  });

  it('401 without a token: tokenMissing', async () => {
    const answer = await env.call<ApiError>(null, 'GET', '/auth/me');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({
      code: 'TOKEN_INVALID',
      message: 'Missing bearer token',
      messageKey: 'tokenMissing',
    });
  });

  it('400 from the schema: each issue with zod’s code, its parameters and its catalogue key', async () => {
    const answer = await env.call<ApiError>(admin, 'POST', '/users', {
      username: 'x',
      displayName: 'D'.repeat(101),
      role: 'operator',
      password: 'Lagom-stark-fras-42',
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION', messageKey: 'invalidInput' });
    const byPath = Object.fromEntries((answer.body.issues ?? []).map((issue) => [issue.path, issue]));
    expect(byPath.username).toMatchObject({ code: 'invalid_format', messageKey: 'schema.usernameFormat' });
    expect(byPath.displayName).toMatchObject({
      code: 'too_big',
      messageKey: 'issue.tooBigString',
      params: { maximum: 100, origin: 'string' },
    });
    expect(errorAnswerProblems(answer.body)).toEqual([]);
  });

  it('409 with the values the text needs', async () => {
    const body = { username: 'keyed.taken', displayName: 'K', role: 'operator', password: 'Lagom-stark-fras-42' };
    expect((await env.call(admin, 'POST', '/users', body)).status).toBe(201);
    const again = await env.call<ApiError>(admin, 'POST', '/users', body);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'CONFLICT',
      message: 'The username "keyed.taken" is taken',
      messageKey: 'usernameTaken',
      params: { username: 'keyed.taken' },
    });
  });

  it('a body that is not JSON, and a route that does not exist, have keys too', async () => {
    const response = await fetch(`${env.url}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: '{"username":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ messageKey: 'invalidJson' });
    const route = await env.call<ApiError>(admin, 'GET', '/no-such-route');
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ messageKey: 'routeNotFound', params: { method: 'GET' } });
  });
});
