import { expect } from 'vitest';
import type { Stack } from './stack.js';

/** The HTTP methods the browser tests use against the API. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Signs in through the API and returns the access token; the sign-in must succeed.
 * Reads `stack.serverUrl` at call time, so it can be bound before the stack starts.
 */
export async function login(stack: Stack, username: string, password: string): Promise<string> {
  const response = await fetch(`${stack.serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** One API call with a bearer token: throws with the status and body unless it is 2xx; an empty body is undefined. */
export async function api<T = unknown>(
  stack: Stack,
  token: string,
  method: Method,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${stack.serverUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `login` and `api` bound to one stack, so a spec calls `login(user, password)` and `api(token, …)`. */
export function clientOf(stack: Stack): {
  login: (username: string, password: string) => Promise<string>;
  api: <T = unknown>(token: string, method: Method, path: string, body?: unknown) => Promise<T>;
} {
  return {
    login: (username, password) => login(stack, username, password),
    api: <T = unknown>(token: string, method: Method, path: string, body?: unknown) =>
      api<T>(stack, token, method, path, body),
  };
}

/** Polls `check` every 100 ms until it returns something other than undefined, for at most `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
