import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../store/session-store';
import { UserMenu } from './user-menu';

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(null, { status: 204 }))),
  );
  useSessionStore.getState().setSession({
    accessToken: 't',
    locale: 'en',
    expiresAt: new Date(Date.now() + 900_000).toISOString(),
    user: { id: 'u1', username: 'sara', displayName: 'Sara Supervisor', role: 'supervisor' },
  });
});
afterEach(() => {
  useSessionStore.getState().logout();
  vi.unstubAllGlobals();
});

describe('UserMenu', () => {
  it('is one button with the name; it opens the role, the account, extra items and log out; Esc closes it', () => {
    const onOpenAccount = vi.fn();
    render(
      <UserMenu onOpenAccount={onOpenAccount}>
        <button type="button" data-testid="extra">
          Extra
        </button>
      </UserMenu>,
    );
    const toggle = screen.getByTestId('user-menu');
    expect(screen.getByTestId('user-name').textContent).toBe('Sara Supervisor');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('logout')).toBeNull();

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('user-role').textContent).toBe('Supervisor');
    expect([...screen.getByTestId('user-menu-panel').querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'My account',
      'Extra',
      'Log out',
    ]);

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('user-menu-panel')).toBeNull();

    fireEvent.click(toggle);
    fireEvent.click(screen.getByTestId('open-account'));
    expect(onOpenAccount).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('user-menu-panel')).toBeNull();
  });
});
