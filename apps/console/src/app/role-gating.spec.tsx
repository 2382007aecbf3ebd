import type { Role } from '@arc/shared/auth';
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../features/auth/store/session-store';
import { SETTINGS } from '../features/users/test/fixtures';
import { renderWithClient } from '../test/render';
import { AdminRoute } from './admin-route';
import { TopNav } from './top-nav';
import { UsersRoute } from './users-route';
import { useViewStore } from './view-store';

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
    useViewStore.getState().reset();
    vi.unstubAllGlobals();
  });

  it('gives an operator no Administration entry and refuses the view', () => {
    signInAs('operator');
    renderWithClient(
      <>
        <TopNav />
        <AdminRoute role="operator" />
      </>,
    );
    expect(screen.queryByTestId('nav-admin')).toBeNull();
    expect(screen.getByTestId('admin-refused').textContent).toBe(
      'Only supervisors and administrators can open the administration view.',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('gives a supervisor the Administration view without its Users tab, and refuses the Users route', async () => {
    signInAs('supervisor');
    useViewStore.getState().setAdminSection('users');
    renderWithClient(
      <>
        <TopNav />
        <AdminRoute role="supervisor" />
        <UsersRoute role="supervisor" />
      </>,
    );
    expect(screen.getByTestId('nav-admin').textContent).toBe('Admin');
    expect(screen.queryByTestId('admin-tab-users')).toBeNull();
    // A supervisor sent to the Users section lands on the first section they may read.
    expect(screen.getByTestId('admin-tab-customers').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('users-refused').textContent).toBe('Only administrators can manage users.');
    expect(screen.queryByTestId('users-screen')).toBeNull();
    // The section shown is the customers' (loaded on first use), read-only for a supervisor.
    expect((await screen.findByTestId('admin-customers', {}, { timeout: 10_000 })).dataset.canEdit).toBe('false');
  });

  it('gives an administrator the Users tab of the Administration view, and the screen', async () => {
    signInAs('admin');
    useViewStore.getState().setAdminSection('users');
    renderWithClient(
      <>
        <TopNav />
        <AdminRoute role="admin" />
      </>,
    );
    expect(screen.getByTestId('nav-admin').textContent).toBe('Admin');
    expect(screen.getByTestId('admin-tab-users').getAttribute('aria-selected')).toBe('true');
    // Loaded on first use: the first import transforms the screen's module.
    expect(await screen.findByTestId('users-screen', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId('users-refused')).toBeNull();
  });
});
