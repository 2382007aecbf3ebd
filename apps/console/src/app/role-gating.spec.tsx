import type { Role } from '@arc/shared/auth';
import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../features/auth/store/session-store';
import { SETTINGS } from '../features/users/test/fixtures';
import { TopNav } from './top-nav';
import { UsersRoute } from './users-route';

function signInAs(role: Role) {
  useSessionStore.getState().setSession({
    accessToken: 't',
    locale: 'en',
    expiresAt: new Date(Date.now() + 900_000).toISOString(),
    user: { id: 'u1', username: role, displayName: `Demo ${role}`, role },
  });
}

describe('user management is for administrators only', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => Promise.resolve(Response.json(url === '/api/v1/security/settings' ? SETTINGS : []))),
    );
  });
  afterEach(() => {
    useSessionStore.getState().logout();
    vi.unstubAllGlobals();
  });

  it.each(['operator', 'supervisor'] as const)('gives a %s no Users entry and refuses the route', (role) => {
    signInAs(role);
    render(
      <>
        <TopNav />
        <UsersRoute role={role} />
      </>,
    );
    expect(screen.queryByTestId('nav-users')).toBeNull();
    expect(screen.getByTestId('users-refused').textContent).toBe('Only administrators can manage users.');
    expect(screen.queryByTestId('users-screen')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('gives an administrator the Users entry and the screen', async () => {
    signInAs('admin');
    render(
      <>
        <TopNav />
        <UsersRoute role="admin" />
      </>,
    );
    expect(screen.getByTestId('nav-users').textContent).toBe('Users');
    // Loaded on first use: the first import transforms the screen's module.
    expect(await screen.findByTestId('users-screen', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId('users-refused')).toBeNull();
  });
});
