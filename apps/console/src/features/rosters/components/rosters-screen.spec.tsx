import type { OnCallRoster } from '@arc/shared/directory';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLocale } from '../../../lib/i18n/locale';
import { renderWithClient } from '../../../test/render';
import { ANNA, BERTIL, VERA, makeRoster, pageOf, sent, serveApi, type Route } from '../test/fixtures';
import { RostersScreen } from './rosters-screen';

// 00:30 on Monday 9 November in Stockholm, still Sunday in UTC: the current week is the one of 9 November.
const NOW = Date.parse('2026-11-08T23:30:00Z');

const west = makeRoster({
  swaps: [{ id: '99999999-9999-4999-8999-999999999999', weekStart: '2026-11-16', standIn: VERA, outside: true }],
});
const others = [
  makeRoster({ id: '22222222-2222-4222-8222-222222222222', name: 'Östra jouren', onCallNow: null }),
  makeRoster({ id: '33333333-3333-4333-8333-333333333333', name: 'Zeta-jouren' }),
  makeRoster({ id: '44444444-4444-4444-8444-444444444444', name: 'Ärla jour' }),
];

function serve(rosters: OnCallRoster[] = [west, ...others], route?: Route) {
  return serveApi(
    (url, init) =>
      url.startsWith('/api/v1/on-call-rosters?') && (init?.method ?? 'GET') === 'GET'
        ? { status: 200, body: pageOf(rosters) }
        : undefined,
    route,
  );
}

const names = () =>
  screen.getAllByTestId('roster-item').map((item) => item.querySelector('.registry-list__name')?.textContent);
const week = (monday: string) => screen.getAllByTestId('roster-week').find((row) => row.dataset.week === monday)!;

async function open(name = 'Jour Väst') {
  const item = (await screen.findAllByTestId('roster-item')).find((i) => i.textContent?.includes(name))!;
  fireEvent.click(item);
  return screen.findByTestId('roster-detail');
}

describe('RostersScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('lists the rosters by name with who is on call now', async () => {
    serve();
    renderWithClient(<RostersScreen canEdit />);
    await screen.findByTestId('roster-list');
    expect(names()).toEqual(['Ärla jour', 'Jour Väst', 'Östra jouren', 'Zeta-jouren']);
    const item = screen.getAllByTestId('roster-item')[1]!;
    expect(item.textContent).toContain('2 members');
    expect(item.textContent).toContain('On call now: Bertil Berg');
    expect(screen.getAllByTestId('roster-item')[2]!.textContent).toContain('Nobody on call now');
    expect(screen.getByText(/Weeks start on Monday at 00:00 centre time \(Europe\/Stockholm\)/)).toBeTruthy();
  });

  it('shows the rotation week by week from the current week (Monday 00:00 in the centre zone), marked in words', async () => {
    serve();
    renderWithClient(<RostersScreen canEdit />);
    const detail = await open();
    expect(within(detail).getByTestId('roster-start').textContent).toBe('Monday 2 November (2026-11-02)');
    expect(within(detail).getByTestId('roster-members').textContent).toContain('Anna Andersson, +46701111111');
    const rows = screen.getAllByTestId('roster-week');
    expect(rows).toHaveLength(12);
    expect(rows[0]!.dataset.week).toBe('2026-11-09');
    const current = week('2026-11-09');
    expect(current.getAttribute('aria-current')).toBe('date');
    expect(within(current).getByTestId('roster-current-week').textContent).toBe('This week');
    expect(current.textContent).toContain('Week 46');
    expect(current.textContent).toContain('Monday 9 November (2026-11-09)');
    expect(within(current).getByTestId('roster-week-on-call').textContent).toContain('Bertil Berg');
    expect(screen.getAllByTestId('roster-current-week')).toHaveLength(1);

    const swapped = within(week('2026-11-16')).getByTestId('roster-week-on-call').textContent;
    expect(swapped).toContain('Vera Vikarie');
    expect(swapped).toContain('Swapped');
    expect(swapped).toContain('instead of Anna Andersson');
    expect(swapped).toContain('outside the roster');
    expect(within(week('2026-11-23')).getByTestId('roster-week-on-call').textContent).toContain('Bertil Berg');

    fireEvent.click(screen.getByTestId('roster-more-weeks'));
    expect(screen.getAllByTestId('roster-week')).toHaveLength(24);
  });

  it('lets a supervisor read but not change', async () => {
    serve();
    renderWithClient(<RostersScreen canEdit={false} />);
    await open();
    expect(screen.queryByTestId('roster-new')).toBeNull();
    expect(screen.queryByTestId('roster-edit')).toBeNull();
    expect(screen.queryByTestId('roster-delete')).toBeNull();
    expect(screen.queryAllByTestId('roster-swap')).toHaveLength(0);
    expect(screen.queryAllByTestId('roster-swap-remove')).toHaveLength(0);
  });

  it('is all Swedish in Swedish, sorted as Swedish sorts', async () => {
    applyLocale('sv');
    serve();
    renderWithClient(<RostersScreen canEdit />);
    await screen.findByTestId('roster-list');
    expect(names()).toEqual(['Jour Väst', 'Zeta-jouren', 'Ärla jour', 'Östra jouren']);
    await open();
    expect(screen.getByRole('heading', { name: 'Jourlistor' })).toBeTruthy();
    expect(within(week('2026-11-09')).getByTestId('roster-current-week').textContent).toBe('Den här veckan');
    expect(week('2026-11-09').textContent).toContain('Vecka 46');
    expect(week('2026-11-09').textContent).toContain('måndag 9 november (2026-11-09)');
    expect(week('2026-11-16').textContent).toContain('i stället för Anna Andersson');
    fireEvent.click(within(week('2026-11-23')).getByRole('button', { name: 'Byt vecka 48' }));
    const form = screen.getByTestId('swap-form');
    expect(within(form).getByText('Enligt rotationen: Bertil Berg')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Vecka (dess måndag)'), { target: { value: '2026-11-24' } });
    fireEvent.click(within(form).getByTestId('swap-save'));
    expect(within(form).getByTestId('swap-week-error').textContent).toBe('Måste vara en måndag');
    const text = screen.getByTestId('admin-rosters').textContent ?? '';
    for (const english of [
      'This week',
      'On call',
      'Swap',
      'Week ',
      'members',
      'Monday',
      'instead of',
      'Delete',
      'Edit',
      'Cancel',
      'Taken by',
    ]) {
      expect(text).not.toContain(english);
    }
  });

  it('refuses an invalid roster before sending, then creates it with the parsed values', async () => {
    const created = makeRoster({ id: '55555555-5555-4555-8555-555555555555', name: 'Nattjour', swaps: [] });
    const list = [west];
    const fetchMock = serve(list, (url, init) => {
      if (url !== '/api/v1/on-call-rosters' || init?.method !== 'POST') return undefined;
      list.push(created);
      return { status: 201, body: created };
    });
    renderWithClient(<RostersScreen canEdit />);
    await screen.findByTestId('roster-list');
    fireEvent.click(screen.getByTestId('roster-new'));
    const form = screen.getByTestId('roster-form');
    expect(document.activeElement).toBe(within(form).getByLabelText('Name'));
    fireEvent.change(within(form).getByLabelText('Rotation starts (a Monday)'), { target: { value: '2026-11-03' } });
    fireEvent.change(within(form).getByLabelText('Phone of member 1'), { target: { value: '12' } });
    fireEvent.click(within(form).getByTestId('roster-save'));
    expect(within(form).getByTestId('roster-name-error').textContent).toBe('Required');
    expect(within(form).getByTestId('roster-start-error').textContent).toBe('Must be a Monday');
    expect(within(form).getByTestId('roster-member-0-name-error').textContent).toBe('Required');
    expect(within(form).getByTestId('roster-member-0-phone-error').textContent).toBe(
      'Enter a valid phone number, e.g. 070-123 45 67',
    );
    fireEvent.click(within(form).getByTestId('roster-member-0-remove'));
    fireEvent.click(within(form).getByTestId('roster-save'));
    expect(within(form).getByTestId('roster-members-error').textContent).toBe('Add at least one member');
    expect(sent(fetchMock, 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: ' Nattjour ' } });
    fireEvent.change(within(form).getByLabelText('Rotation starts (a Monday)'), { target: { value: '2026-11-02' } });
    fireEvent.click(within(form).getByTestId('roster-member-add'));
    fireEvent.click(within(form).getByTestId('roster-member-add'));
    fireEvent.change(within(form).getByLabelText('Name of member 1'), { target: { value: 'Anna Andersson' } });
    fireEvent.change(within(form).getByLabelText('Phone of member 1'), { target: { value: '070-111 11 11' } });
    fireEvent.change(within(form).getByLabelText('Name of member 2'), { target: { value: 'Bertil Berg' } });
    fireEvent.change(within(form).getByLabelText('Phone of member 2'), { target: { value: '070-222 22 22' } });
    // Bertil first: the order is the rotation.
    fireEvent.click(within(form).getByRole('button', { name: 'Move member 2 up' }));
    fireEvent.click(within(form).getByTestId('roster-save'));
    await screen.findByTestId('roster-detail');
    expect(sent(fetchMock, 'POST')).toEqual([
      { name: 'Nattjour', rotationStart: '2026-11-02', members: [BERTIL, ANNA] },
    ]);
  });

  it('shows the server refusal of a roster in words', async () => {
    serve([west], (url, init) =>
      url === `/api/v1/on-call-rosters/${west.id}` && init?.method === 'PUT'
        ? {
            status: 422,
            body: {
              statusCode: 422,
              error: 'x',
              code: 'UNPROCESSABLE',
              message: 'rotationStart: is after the swapped week of 2026-11-16; remove that swap first',
            },
          }
        : undefined,
    );
    renderWithClient(<RostersScreen canEdit />);
    await open();
    fireEvent.click(screen.getByTestId('roster-edit'));
    const form = screen.getByTestId('roster-form');
    expect((within(form).getByLabelText('Name of member 2') as HTMLInputElement).value).toBe('Bertil Berg');
    fireEvent.change(within(form).getByLabelText('Rotation starts (a Monday)'), { target: { value: '2026-11-23' } });
    fireEvent.click(within(form).getByTestId('roster-save'));
    expect((await screen.findByTestId('roster-form-error')).textContent).toMatch(/2026-11-16/);
    expect(screen.getByTestId('roster-form')).toBeTruthy();
  });

  it('swaps a week: refuses a Tuesday and an outsider without phone, then sends the swap', async () => {
    const after = makeRoster({
      swaps: [
        ...west.swaps,
        { id: '88888888-8888-4888-8888-888888888888', weekStart: '2026-11-23', standIn: ANNA, outside: false },
      ],
    });
    const list = [west];
    const fetchMock = serve(list, (url, init) => {
      if (url !== `/api/v1/on-call-rosters/${west.id}/swaps` || init?.method !== 'POST') return undefined;
      list[0] = after;
      return { status: 201, body: after };
    });
    renderWithClient(<RostersScreen canEdit />);
    await open();
    fireEvent.click(within(week('2026-11-23')).getByRole('button', { name: 'Swap week 48' }));
    const form = screen.getByTestId('swap-form');
    expect((within(form).getByLabelText('Week (its Monday)') as HTMLInputElement).value).toBe('2026-11-23');
    expect(within(form).getByText('By the rotation: Bertil Berg')).toBeTruthy();
    // Bertil has the week: only Anna or someone outside may take it.
    const options = within(form)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Anna Andersson', 'Someone outside the roster']);

    fireEvent.change(within(form).getByLabelText('Taken by'), { target: { value: 'outside' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Vera Vikarie' } });
    fireEvent.click(within(form).getByTestId('swap-save'));
    expect(within(form).getByTestId('swap-phone-error').textContent).toBe(
      'Enter a valid phone number, e.g. 070-123 45 67',
    );
    fireEvent.change(within(form).getByLabelText('Week (its Monday)'), { target: { value: '2026-11-24' } });
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '070-999 99 99' } });
    fireEvent.click(within(form).getByTestId('swap-save'));
    expect(within(form).getByTestId('swap-week-error').textContent).toBe('Must be a Monday');
    fireEvent.change(within(form).getByLabelText('Week (its Monday)'), { target: { value: '2026-11-16' } });
    fireEvent.click(within(form).getByTestId('swap-save'));
    expect(within(form).getByTestId('swap-week-error').textContent).toBe(
      'That week is swapped already; remove that swap first',
    );
    fireEvent.change(within(form).getByLabelText('Week (its Monday)'), { target: { value: '2026-10-26' } });
    fireEvent.click(within(form).getByTestId('swap-save'));
    expect(within(form).getByTestId('swap-week-error').textContent).toBe(
      'The rotation starts 2026-11-02; choose a later week',
    );
    expect(sent(fetchMock, 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Week (its Monday)'), { target: { value: '2026-11-23' } });
    fireEvent.change(within(form).getByLabelText('Taken by'), { target: { value: '0' } });
    fireEvent.click(within(form).getByTestId('swap-save'));
    await waitFor(() => expect(screen.queryByTestId('swap-form')).toBeNull());
    expect(sent(fetchMock, 'POST')).toEqual([{ weekStart: '2026-11-23', takenBy: { kind: 'MEMBER', memberIndex: 0 } }]);
    expect(within(week('2026-11-23')).getByTestId('roster-week-on-call').textContent).toContain(
      'instead of Bertil Berg',
    );
  });

  it('removes a swap and deletes a roster only after a confirmation, showing a refusal', async () => {
    const fetchMock = serve([west], (url, init) => {
      if (init?.method !== 'DELETE') return undefined;
      if (url.endsWith('/swaps/99999999-9999-4999-8999-999999999999')) return { status: 204 };
      return {
        status: 409,
        body: {
          statusCode: 409,
          error: 'x',
          code: 'CONFLICT',
          message: 'on-call roster Jour Väst is used by 1 action-plan step(s)',
        },
      };
    });
    renderWithClient(<RostersScreen canEdit />);
    await open();
    fireEvent.click(within(week('2026-11-16')).getByRole('button', { name: 'Remove swap of week 47' }));
    await waitFor(() => expect(sent(fetchMock, 'DELETE')).toHaveLength(1));
    await waitFor(() => expect((screen.getByTestId('roster-delete') as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(screen.getByTestId('roster-delete'));
    expect(screen.getByTestId('roster-delete-confirm').textContent).toContain(
      'Delete the roster Jour Väst with its swaps?',
    );
    expect(sent(fetchMock, 'DELETE')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('roster-delete-yes'));
    expect((await screen.findByTestId('roster-error')).textContent).toMatch(
      /^The roster could not be deleted: .*action-plan step/,
    );
    expect(screen.getByTestId('roster-detail')).toBeTruthy();
  });
});
