import type { UserAccount } from '@arc/shared/users';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeUser, SETTINGS } from '../test/fixtures';
import { UsersScreen } from './users-screen';

const NOW = Date.parse('2026-01-01T10:00:00.000Z');

const admin = makeUser({
  id: '22222222-2222-4222-8222-222222222222',
  username: 'admin',
  displayName: 'Ada Admin',
  role: 'admin',
  totpEnrolled: true,
  lastLoginAt: '2026-01-01T09:30:00.000Z',
});
const olle = makeUser({ failedLoginsSinceLastLogin: 3, lockedUntil: '2026-01-01T10:10:00.000Z' });
const sara = makeUser({
  id: '33333333-3333-4333-8333-333333333333',
  username: 'sara',
  displayName: 'Sara Supervisor',
  role: 'supervisor',
  active: false,
  totpRequired: true,
});

type Route = (url: string, init: RequestInit | undefined) => { status: number; body?: unknown } | undefined;

/** GET /users and the settings answer the lists; `route` answers the rest. */
function serve(route: Route = () => undefined) {
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    const custom = route(url, init);
    const reply =
      custom ??
      (url === '/api/v1/users' && !init?.body && (init?.method ?? 'GET') === 'GET'
        ? { status: 200, body: [admin, olle, sara] }
        : url === '/api/v1/security/settings'
          ? { status: 200, body: SETTINGS }
          : { status: 500, body: { statusCode: 500, error: 'x', message: `unexpected ${url}` } });
    return Promise.resolve(
      reply.body === undefined
        ? new Response(null, { status: 204 })
        : Response.json(reply.body, { status: reply.status }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const row = (username: string) => screen.getAllByTestId('user-row').find((r) => r.dataset.username === username)!;
const usernames = () => screen.getAllByTestId('user-row').map((r) => r.dataset.username);
const refusal = (code: string, message = 'server words') => ({
  status: 409,
  body: { statusCode: 409, error: 'Conflict', message, code },
});

describe('UsersScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('lists every user with role, state, sign-ins, lock and second factor', async () => {
    serve();
    render(<UsersScreen />);
    await screen.findByTestId('users-table');
    expect(usernames()).toEqual(['admin', 'olle', 'sara']);
    const headers = within(screen.getByTestId('users-table'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Name',
      'Username',
      'Role',
      'Active',
      'Last sign-in',
      'Failed sign-ins',
      'Locked',
      'Second factor',
      'Actions',
    ]);
    expect(within(row('admin')).getByTestId('user-role-cell').textContent).toBe('Administrator');
    expect(within(row('admin')).getByTestId('user-totp').textContent).toBe('Set up');
    expect(within(row('olle')).getByTestId('user-failed').textContent).toBe('3');
    expect(within(row('olle')).getByTestId('user-locked').textContent).toMatch(/^until 2026-01-01/);
    expect(within(row('sara')).getByTestId('user-active').textContent).toBe('Deactivated');
    expect(within(row('sara')).getByTestId('user-totp').textContent).toBe('Required, not set up');
    // Only what applies: reactivate for the deactivated, unlock for the locked, reset 2FA when set up.
    expect(within(row('sara')).getByTestId('user-activate')).toBeTruthy();
    expect(within(row('olle')).getByTestId('user-unlock')).toBeTruthy();
    expect(within(row('olle')).queryByTestId('user-reset-totp')).toBeNull();
    expect(within(row('admin')).getByTestId('user-reset-totp')).toBeTruthy();
  });

  it('filters by name or username, role and status', async () => {
    serve();
    render(<UsersScreen />);
    await screen.findByTestId('users-table');
    fireEvent.change(screen.getByTestId('users-search'), { target: { value: 'SUPER' } });
    expect(usernames()).toEqual(['sara']);
    fireEvent.change(screen.getByTestId('users-search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('users-role-filter'), { target: { value: 'admin' } });
    expect(usernames()).toEqual(['admin']);
    fireEvent.change(screen.getByTestId('users-role-filter'), { target: { value: 'all' } });
    fireEvent.change(screen.getByTestId('users-status-filter'), { target: { value: 'locked' } });
    expect(usernames()).toEqual(['olle']);
    fireEvent.change(screen.getByTestId('users-status-filter'), { target: { value: 'deactivated' } });
    expect(usernames()).toEqual(['sara']);
    expect(screen.getByText('1 of 3 users')).toBeTruthy();
  });

  it('deactivates only after a confirmation and shows the new state', async () => {
    const fetchMock = serve((url) =>
      url === `/api/v1/users/${olle.id}/deactivate` ? { status: 200, body: { ...olle, active: false } } : undefined,
    );
    render(<UsersScreen />);
    await screen.findByTestId('users-table');
    fireEvent.click(within(row('olle')).getByTestId('user-deactivate'));
    expect(within(row('olle')).getByRole('group', { name: 'Confirm' }).textContent).toContain(
      'Deactivate Olle Operator? They are signed out at once',
    );
    expect(fetchMock.mock.calls.some(([url]) => url.endsWith('/deactivate'))).toBe(false);
    fireEvent.click(within(row('olle')).getByTestId('user-confirm'));
    await waitFor(() => expect(row('olle').dataset.active).toBe('false'));
    expect(within(row('olle')).getByTestId('user-action-done').textContent).toBe('Olle Operator is deactivated.');
  });

  it('explains a refused deactivation of the last administrator in words', async () => {
    serve((url) => (url.endsWith('/deactivate') ? refusal('LAST_ADMIN') : undefined));
    render(<UsersScreen />);
    await screen.findByTestId('users-table');
    fireEvent.click(within(row('admin')).getByTestId('user-deactivate'));
    fireEvent.click(within(row('admin')).getByTestId('user-confirm'));
    const error = await within(row('admin')).findByTestId('user-action-error');
    expect(error.textContent).toMatch(/^Refused: this is the last active administrator\./);
    expect(error.textContent).not.toMatch(/LAST_ADMIN|server words/);
    expect(row('admin').dataset.active).toBe('true');
  });

  it('explains that an administrator cannot deactivate themselves', async () => {
    serve((url) => (url.endsWith('/deactivate') ? refusal('SELF_DEACTIVATION') : undefined));
    render(<UsersScreen />);
    await screen.findByTestId('users-table');
    fireEvent.click(within(row('admin')).getByTestId('user-deactivate'));
    fireEvent.click(within(row('admin')).getByTestId('user-confirm'));
    expect((await within(row('admin')).findByTestId('user-action-error')).textContent).toBe(
      'Refused: you cannot deactivate your own account. Ask another administrator.',
    );
  });

  it('creates a user, showing the password policy in words first and sending nothing until it is met', async () => {
    const created: UserAccount = makeUser({
      id: '44444444-4444-4444-8444-444444444444',
      username: 'nils',
      displayName: 'Nils New',
    });
    const fetchMock = serve((url, init) =>
      url === '/api/v1/users' && init?.method === 'POST' ? { status: 201, body: created } : undefined,
    );
    render(<UsersScreen />);
    await screen.findByTestId('users-table');
    fireEvent.click(screen.getByTestId('new-user'));
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'nils' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Nils New' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'supervisor' } });
    fireEvent.change(screen.getByLabelText('Initial password'), { target: { value: 'nils123' } });
    fireEvent.change(screen.getByLabelText('Repeat password'), { target: { value: 'nils124' } });
    fireEvent.click(screen.getByTestId('user-save'));

    const passwordError = screen.getByTestId('user-password-error');
    expect(passwordError.textContent).toContain('must be at least 12 characters');
    expect(passwordError.textContent).toContain('must not contain the username');
    // Beside its field, and announced with it.
    expect(screen.getByLabelText('Initial password').getAttribute('aria-describedby')).toBe(passwordError.id);
    expect(screen.getByTestId('user-repeat-error').textContent).toBe('does not match the password');
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Initial password'), { target: { value: 'Brandlarm-Vasteras-2026' } });
    fireEvent.change(screen.getByLabelText('Repeat password'), { target: { value: 'Brandlarm-Vasteras-2026' } });
    fireEvent.click(screen.getByTestId('user-save'));
    expect((await screen.findByTestId('user-created')).textContent).toBe('Nils New (nils) was created.');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(post[1]!.body as string)).toEqual({
      username: 'nils',
      displayName: 'Nils New',
      role: 'supervisor',
      password: 'Brandlarm-Vasteras-2026',
    });
    expect(usernames()).toEqual(['admin', 'nils', 'olle', 'sara']);
  });

  it('puts a taken username next to the username field', async () => {
    serve((url, init) =>
      url === '/api/v1/users' && init?.method === 'POST' ? refusal('CONFLICT', 'username olle exists') : undefined,
    );
    render(<UsersScreen />);
    await screen.findByTestId('users-table');
    fireEvent.click(screen.getByTestId('new-user'));
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'olle' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Another Olle' } });
    fireEvent.change(screen.getByLabelText('Initial password'), { target: { value: 'Brandlarm-Vasteras-2026' } });
    fireEvent.change(screen.getByLabelText('Repeat password'), { target: { value: 'Brandlarm-Vasteras-2026' } });
    fireEvent.click(screen.getByTestId('user-save'));
    expect((await screen.findByTestId('user-username-error')).textContent).toBe('is taken: choose another username');
  });

  it('resets a password with the policy checked against that user', async () => {
    const fetchMock = serve((url) =>
      url === `/api/v1/users/${olle.id}/password` ? { status: 200, body: olle } : undefined,
    );
    render(<UsersScreen />);
    await screen.findByTestId('users-table');
    fireEvent.click(within(row('olle')).getByTestId('user-reset-password'));
    const form = screen.getByTestId('reset-password-form');
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'olle-is-my-name-2026' } });
    fireEvent.change(within(form).getByLabelText('Repeat password'), { target: { value: 'olle-is-my-name-2026' } });
    fireEvent.click(within(form).getByTestId('reset-save'));
    expect(within(form).getByTestId('reset-password-error').textContent).toBe('must not contain the username');

    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'Kaffekopp-Norrmalm-77' } });
    fireEvent.change(within(form).getByLabelText('Repeat password'), { target: { value: 'Kaffekopp-Norrmalm-77' } });
    fireEvent.click(within(form).getByTestId('reset-save'));
    await waitFor(() => expect(screen.queryByTestId('reset-password-form')).toBeNull());
    const call = fetchMock.mock.calls.find(([url]) => url.endsWith('/password'))!;
    expect(JSON.parse(call[1]!.body as string)).toEqual({ password: 'Kaffekopp-Norrmalm-77' });
    expect(within(row('olle')).getByTestId('user-action-done').textContent).toBe(
      'Olle Operator has a new password and was signed out.',
    );
  });

  it('resets a second factor after a confirmation', async () => {
    const fetchMock = serve((url, init) =>
      url === `/api/v1/users/${admin.id}/totp` && init?.method === 'DELETE'
        ? { status: 200, body: { ...admin, totpEnrolled: false } }
        : undefined,
    );
    render(<UsersScreen />);
    await screen.findByTestId('users-table');
    fireEvent.click(within(row('admin')).getByTestId('user-reset-totp'));
    fireEvent.click(within(row('admin')).getByTestId('user-confirm'));
    await waitFor(() => expect(within(row('admin')).getByTestId('user-totp').textContent).toBe('None'));
    expect(fetchMock.mock.calls.some(([url, init]) => url.endsWith('/totp') && init?.method === 'DELETE')).toBe(true);
  });

  it('requires a second factor for supervisors and administrators with one setting', async () => {
    const fetchMock = serve((url, init) =>
      url === '/api/v1/security/settings' && init?.method === 'PUT'
        ? { status: 200, body: { ...SETTINGS, totpRequiredRoles: ['supervisor', 'admin'] } }
        : undefined,
    );
    render(<UsersScreen />);
    const box = (await screen.findByLabelText(
      'Require a second factor for supervisors and administrators',
    )) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(JSON.parse(put[1]!.body as string)).toEqual({ totpRequiredRoles: ['supervisor', 'admin'] });
  });
});
