import type { LoginResponse } from '@arc/shared/auth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changingToken, refreshSession, tokenChangeSettled, useSessionStore } from './session-store';

const NOW = Date.parse('2026-01-01T10:00:00.000Z');

function response(token: string, lifetimeMs = 15 * 60_000): LoginResponse {
  return {
    accessToken: token,
    locale: 'en',
    expiresAt: new Date(NOW + lifetimeMs).toISOString(),
    user: {
      id: '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e01',
      username: 'op1',
      displayName: 'Olivia Operator',
      role: 'operator',
    },
  };
}

describe('session store', () => {
  beforeEach(() => {
    useSessionStore.getState().logout();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('schedules the refresh two thirds into the token lifetime', () => {
    useSessionStore.getState().setSession(response('t1'), NOW);
    expect(useSessionStore.getState().refreshAt).toBe(NOW + 10 * 60_000);
  });

  it('persists the session in sessionStorage and clears it on logout', () => {
    useSessionStore.getState().setSession(response('t1'), NOW);
    expect(sessionStorage.getItem('arc.console.session')).toContain('"token":"t1"');

    useSessionStore.getState().logout();
    expect(useSessionStore.getState().token).toBeNull();
    expect(sessionStorage.getItem('arc.console.session')).toContain('"token":null');
  });

  it('stores the new token after a refresh', async () => {
    useSessionStore.getState().setSession(response('t1'), NOW);
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json(response('t2')))),
    );

    await expect(refreshSession()).resolves.toBe('refreshed');
    expect(useSessionStore.getState().token).toBe('t2');
  });

  it('logs out when the refresh is rejected', async () => {
    useSessionStore.getState().setSession(response('t1'), NOW);
    const body = { statusCode: 401, error: 'Unauthorized', message: 'Token expired' };
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json(body, { status: 401 }))),
    );

    await expect(refreshSession()).resolves.toBe('rejected');
    expect(useSessionStore.getState().token).toBeNull();
  });

  it('keeps the session when the server cannot be reached', async () => {
    useSessionStore.getState().setSession(response('t1'), NOW);
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );

    await expect(refreshSession()).resolves.toBe('unreachable');
    expect(useSessionStore.getState().token).toBe('t1');
  });

  it('ends the session with a notice in words when the refresh is refused', async () => {
    useSessionStore.getState().setSession(response('t1'), NOW);
    const body = { statusCode: 401, error: 'Unauthorized', message: 'Your password was reset', code: 'TOKEN_INVALID' };
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json(body, { status: 401 }))),
    );
    await expect(refreshSession()).resolves.toBe('rejected');
    expect(useSessionStore.getState().notice).toBe('You have been signed out: Your password was reset.');

    useSessionStore.getState().setSession(response('t2'), NOW);
    await expect(refreshSession('Your account has been deactivated')).resolves.toBe('rejected');
    expect(useSessionStore.getState().notice).toBe('Your account has been deactivated.');
    // Signing in again clears it.
    useSessionStore.getState().setSession(response('t3'), NOW);
    expect(useSessionStore.getState().notice).toBeNull();
  });

  it('keeps a session whose token was swapped while the refused refresh was in flight', async () => {
    useSessionStore.getState().setSession(response('old'), NOW);
    let answer: (r: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    let swapped: () => void = () => undefined;
    const change = changingToken(new Promise<void>((resolve) => (swapped = resolve)));
    const refreshing = refreshSession();
    // Own password change answers first with a new token, then the old token's refresh is refused.
    useSessionStore.getState().setSession(response('new'), NOW);
    swapped();
    await change;
    answer(Response.json({ statusCode: 401, error: 'Unauthorized', message: 'x' }, { status: 401 }));
    await expect(refreshing).resolves.toBe('refreshed');
    expect(useSessionStore.getState().token).toBe('new');
    await expect(tokenChangeSettled()).resolves.toBeUndefined();
  });
});
