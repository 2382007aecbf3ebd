import type { OperatorPresence } from '@arc/shared/case-handling';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reloadQueueFilter } from '../store/queue-filter-store';
import { useQueueStore } from '../store/queue-store';
import { apiError, makeCase, snapshot, stubApi } from '../test/fixtures';
import { QueueTable } from './queue-table';

const VIEWPORT_PX = 600;
const ROW_PX = 50;

// jsdom lays nothing out: give the scroller a height and every row one, as a browser would.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.dataset.testid === 'queue-scroller' ? VIEWPORT_PX : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(ROW_PX);
  useQueueStore.getState().reset();
  localStorage.clear();
  reloadQueueFilter();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const OPERATORS: OperatorPresence[] = [
  { userId: '11111111-1111-4111-8111-111111111111', name: 'Olle Offline', role: 'operator', online: false, holding: 0 },
  { userId: '22222222-2222-4222-8222-222222222222', name: 'Anna Online', role: 'operator', online: true, holding: 1 },
];

describe('QueueTable', () => {
  it('keeps only the rows in view in the DOM for a queue of 5,000', () => {
    const cases = Array.from({ length: 5_000 }, (_, i) =>
      makeCase({
        account: `A${i}`,
        queuedAt: new Date(Date.parse('2026-01-01T08:00:00.000Z') + i * 1_000).toISOString(),
      }),
    );
    useQueueStore.getState().applySnapshot(snapshot(cases));

    render(<QueueTable stale={false} />);

    const rows = screen.getAllByTestId('queue-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    // The oldest first; the table still tells assistive technology how many there are.
    expect(rows[0]!.dataset.caseId).toBe(cases[0]!.id);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('5001');
  });

  it('explains the waiting colours in a legend', () => {
    useQueueStore.getState().applySnapshot(snapshot([makeCase()]));
    render(<QueueTable stale={false} />);
    expect(screen.getByTestId('age-legend').textContent).toBe('under 1 min1–3 min amberover 3 min red');
  });

  it('lets a supervisor move a case to the top, and shows a refusal', async () => {
    const c = makeCase({ caseNo: 'C-1' });
    useQueueStore.getState().applySnapshot(snapshot([c]));
    const calls = stubApi(() => apiError(409, 'Case C-1 is already held'));
    render(<QueueTable stale={false} canSupervise />);

    fireEvent.click(screen.getByTestId('move-to-top'));

    expect((await screen.findByTestId('queue-action-error')).textContent).toBe('C-1: Case C-1 is already held');
    expect(calls).toEqual([{ method: 'POST', path: `/cases/${c.id}/move-to-top`, body: undefined }]);
  });

  it('assigns a case to an operator picked from GET /cases/operators, online ones first', async () => {
    const c = makeCase({ caseNo: 'C-7' });
    useQueueStore.getState().applySnapshot(snapshot([c]));
    const calls = stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/cases/operators') return OPERATORS;
      if (method === 'POST') return { ...c, status: 'ACCEPTED' };
      return apiError(404, 'unexpected');
    });
    render(<QueueTable stale={false} canSupervise />);

    fireEvent.click(screen.getByTestId('assign'));
    const select = await screen.findByTestId<HTMLSelectElement>('assign-operator');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Anna Online · online · holds 1',
      'Olle Offline · offline · holds 0',
    ]);
    expect(select.value).toBe(OPERATORS[1]!.userId);

    fireEvent.change(select, { target: { value: OPERATORS[0]!.userId } });
    fireEvent.click(screen.getByTestId('assign-save'));

    await waitFor(() => expect(screen.queryByTestId('assign-dialog')).toBeNull());
    expect(calls.at(-1)).toEqual({
      method: 'POST',
      path: `/cases/${c.id}/assign`,
      body: { userId: OPERATORS[0]!.userId },
    });
  });

  it('keeps the assign dialog open with the server message when assigning fails, and Esc closes it', async () => {
    useQueueStore.getState().applySnapshot(snapshot([makeCase()]));
    stubApi(({ method }) => (method === 'GET' ? OPERATORS : apiError(422, 'Olle Offline is not online')));
    render(<QueueTable stale={false} canSupervise />);

    fireEvent.click(screen.getByTestId('assign'));
    await screen.findByTestId('assign-operator');
    fireEvent.click(screen.getByTestId('assign-save'));
    expect((await screen.findByTestId('assign-error')).textContent).toBe('Olle Offline is not online');

    act(() => {
      fireEvent.keyDown(screen.getByTestId('assign-operator'), { key: 'Escape' });
    });
    expect(screen.queryByTestId('assign-dialog')).toBeNull();
  });

  it('filters by category and search text, says how many are shown and how many urgent ones are hidden', () => {
    const fire = makeCase({ category: 'FIRE', account: '1001', siteName: 'Björken förskola' });
    const holdup = makeCase({ category: 'HOLDUP', account: '1002', siteName: 'Kiosken' });
    const tech = makeCase({ category: 'TECHNICAL', account: '1003', siteName: 'Ekbacken' });
    useQueueStore.getState().applySnapshot(snapshot([fire, holdup, tech]));
    render(<QueueTable stale={false} />);
    expect(screen.queryByTestId('queue-filter-notice')).toBeNull();

    fireEvent.click(screen.getByTestId('queue-filter-category-TECHNICAL'));
    expect(screen.getAllByTestId('queue-row').map((r) => r.dataset.caseId)).toEqual([tech.id]);
    expect(screen.getByTestId('queue-filter-count').textContent).toBe('Filtered: 1 of 3 cases shown');
    expect(screen.getByTestId('queue-filter-hidden-urgent').textContent).toBe(
      '1 fire and 1 hold-up waiting cases hidden',
    );

    fireEvent.click(screen.getByTestId('queue-filter-category-TECHNICAL'));
    fireEvent.change(screen.getByTestId('queue-filter-search'), { target: { value: 'bjorken' } });
    expect(screen.getAllByTestId('queue-row').map((r) => r.dataset.caseId)).toEqual([fire.id]);
    expect(screen.getByTestId('queue-filter-hidden-urgent').textContent).toBe('1 hold-up waiting case hidden');

    fireEvent.click(screen.getByTestId('queue-filter-clear'));
    expect(screen.getAllByTestId('queue-row')).toHaveLength(3);
    expect(screen.queryByTestId('queue-filter-notice')).toBeNull();
  });

  it('shows a site’s simultaneous cases under one header, indented', () => {
    const site = '00000000-0000-4000-8000-0000000000aa';
    const fire = makeCase({ category: 'FIRE', siteId: site, siteName: 'Preschool', account: '2001' });
    const other = makeCase({ category: 'HOLDUP', account: '2002', siteName: 'Bank' });
    const tamper = makeCase({ category: 'TECHNICAL', siteId: site, siteName: 'Preschool', account: '2001' });
    useQueueStore.getState().applySnapshot(snapshot([tamper, other, fire]));
    render(<QueueTable stale={false} />);
    const group = screen.getByTestId('queue-group');
    expect(group.dataset.category).toBe('FIRE');
    expect(group.textContent).toBe('Preschool2 casesFIRETECHNICAL');
    expect(screen.getAllByTestId('queue-row').map((r) => [r.dataset.caseId, r.dataset.grouped ?? 'no'])).toEqual([
      [fire.id, 'true'],
      [tamper.id, 'true'],
      [other.id, 'no'],
    ]);
  });
});
