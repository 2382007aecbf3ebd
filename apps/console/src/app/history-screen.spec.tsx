import type { ClosedCasePage } from '@arc/shared/case-history';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCaseStore } from '../features/case/store/case-store';
import { useReadOnlyCaseStore } from '../features/case/store/read-only-case-store';
import { CASE_ID, caseDetail, ME, stubApi, summary } from '../features/case/test/fixtures';
import { useHistoryStore } from '../features/history/store/history-store';
import { HistoryScreen } from './history-screen';

const OLD_ID = '77777777-7777-4777-8777-777777777777';

const closed = caseDetail({
  summary: summary({ id: OLD_ID, caseNo: '2025-000007', status: 'CLOSED', heldBy: null }),
  times: {
    signalReceivedAt: '2026-01-01T10:00:00.000Z',
    queuedAt: '2026-01-01T10:00:01.000Z',
    firstPresentedAt: '2026-01-01T10:00:02.000Z',
    acceptedAt: '2026-01-01T10:00:20.000Z',
    firstContactAt: null,
    closedAt: '2026-01-01T10:05:00.000Z',
  },
  holds: [{ by: ME, from: '2026-01-01T10:00:20.000Z', to: '2026-01-01T10:05:00.000Z', endReason: 'CLOSED' }],
  history: [
    { id: '1', at: '2026-01-01T10:00:20.000Z', type: 'TAKEN', by: ME, data: {}, signalId: null },
    { id: '2', at: '2026-01-01T10:05:00.000Z', type: 'CLOSED', by: ME, data: { result: 'TEST' }, signalId: null },
  ],
  result: { code: 'TEST', note: null, openStepsReason: null, by: ME },
});

const page = (items = [OLD_ID]): ClosedCasePage => ({
  items: items.map((id) => ({
    id,
    caseNo: '2025-000007',
    category: 'FIRE',
    title: 'Fire alarm',
    account: '1001',
    siteId: null,
    siteName: 'Kvarteret Svalan',
    siteAddress: null,
    unknownTransmitter: false,
    openedAt: '2026-01-01T10:00:00.000Z',
    closedAt: '2026-01-01T10:05:00.000Z',
    result: 'TEST',
    closedBy: ME,
    signalCount: 2,
  })),
  total: items.length,
  page: 1,
  pageSize: 25,
  from: '2025-12-25T10:00:00.000Z',
  to: '2026-01-01T10:00:00.000Z',
});

describe('HistoryScreen', () => {
  beforeEach(() => {
    useHistoryStore.getState().reset();
    useReadOnlyCaseStore.getState().reset();
    useCaseStore.getState().reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the last 7 days at first, then searches with the filters in the query string', async () => {
    const calls = stubApi((call) => (call.path.startsWith('/cases/closed') ? page() : undefined));
    render(<HistoryScreen role="operator" userId={ME.userId} workingCaseNo={null} />);
    await screen.findByTestId('history-row');
    expect(calls.map((c) => c.path)).toEqual(['/cases/closed?pageSize=25']);
    const row = screen.getByTestId('history-row');
    expect(row.textContent).toContain('Kvarteret Svalan');
    expect(row.textContent).toContain('2026-01-01 11:00');
    expect(within(row).getByTestId('history-row-result').textContent).toBe('Test');
    // Centre time, 24-hour: 10:00 UTC is 11:00 in Stockholm.
    expect(screen.getByTestId('history-period').textContent).toContain('2025-12-25 11:00');

    fireEvent.change(screen.getByTestId('history-site'), { target: { value: ' Svalan ' } });
    fireEvent.change(screen.getByTestId('history-account'), { target: { value: '1001' } });
    fireEvent.change(screen.getByTestId('history-from'), { target: { value: '2026-07-01' } });
    fireEvent.change(screen.getByTestId('history-to'), { target: { value: '2026-07-02' } });
    fireEvent.change(screen.getByTestId('history-category'), { target: { value: 'FIRE' } });
    fireEvent.change(screen.getByTestId('history-result'), { target: { value: 'TEST' } });
    fireEvent.click(screen.getByTestId('history-mine'));
    fireEvent.click(screen.getByTestId('history-search'));
    await waitFor(() => expect(calls).toHaveLength(2));
    const query = new URLSearchParams(calls[1]!.path.split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({
      site: 'Svalan',
      account: '1001',
      // Whole days in the centre's zone (summer time: UTC+2), the last day included.
      from: '2026-06-30T22:00:00.000Z',
      to: '2026-07-02T22:00:00.000Z',
      category: 'FIRE',
      result: 'TEST',
      operatorId: ME.userId,
      pageSize: '25',
    });
  });

  it('says what is wrong with the filters in words and sends nothing', async () => {
    const calls = stubApi(() => page([]));
    render(<HistoryScreen role="operator" userId={ME.userId} workingCaseNo={null} />);
    await screen.findByTestId('history-empty');
    fireEvent.change(screen.getByTestId('history-account'), { target: { value: 'xyz' } });
    fireEvent.click(screen.getByTestId('history-search'));
    expect((await screen.findByTestId('history-error')).textContent).toBe(
      'A transmitter account is 3 to 16 characters 0-9 and A-F.',
    );
    fireEvent.change(screen.getByTestId('history-account'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('history-from'), { target: { value: '2026-07-03' } });
    fireEvent.change(screen.getByTestId('history-to'), { target: { value: '2026-07-02' } });
    fireEvent.click(screen.getByTestId('history-search'));
    await waitFor(() =>
      expect(screen.getByTestId('history-error').textContent).toBe('The first day must not be after the last day.'),
    );
    expect(calls).toHaveLength(1);
  });

  it('offers supervisors the operators to filter by', async () => {
    stubApi((call) =>
      call.path === '/cases/operators'
        ? [{ userId: ME.userId, name: 'Olle Operator', role: 'operator', online: true, holding: 0 }]
        : page([]),
    );
    render(<HistoryScreen role="supervisor" userId="someone" workingCaseNo={null} />);
    await waitFor(() =>
      expect([...screen.getByTestId('history-operator').querySelectorAll('option')].map((o) => o.textContent)).toEqual([
        'Anyone',
        'Olle Operator',
      ]),
    );
    expect(screen.queryByTestId('history-mine')).toBeNull();
  });

  it('opens a result read-only, without actions, and leaves the case being worked alone', async () => {
    const working = caseDetail();
    useCaseStore.setState({ userId: ME.userId, caseId: CASE_ID, detail: working, status: 'ready' });
    const calls = stubApi((call) => (call.path === `/cases/${OLD_ID}` ? closed : page()));
    render(<HistoryScreen role="operator" userId={ME.userId} workingCaseNo="2026-000042" />);
    fireEvent.click(await screen.findByTestId('history-open'));
    await screen.findByTestId('read-only-banner');
    expect(screen.getByTestId('read-only-case').dataset.caseId).toBe(OLD_ID);
    expect(screen.getByTestId('read-only-banner').textContent).toContain('Closed case — read only');
    expect(screen.getByTestId('read-only-result').textContent).toContain('Test');
    expect(screen.getAllByTestId('timeline-title').map((t) => t.textContent)).toEqual([
      'Fire alarm',
      'Taken',
      'Closed: Test',
    ]);
    for (const id of ['close-case', 'put-back', 'note-text', 'step-tick', 'call-target']) {
      expect(screen.queryByTestId(id), id).toBeNull();
    }
    // From the search, back leads to the results; the working case was never touched.
    expect(screen.getByTestId('read-only-back').textContent).toContain('Back to the results');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await screen.findByTestId('history-row');
    expect(useCaseStore.getState()).toMatchObject({ caseId: CASE_ID, detail: working });
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('names the working case on the way back from a case opened from it', async () => {
    stubApi((call) => (call.path === `/cases/${OLD_ID}` ? closed : page([])));
    void useReadOnlyCaseStore.getState().open(OLD_ID, 'case');
    render(<HistoryScreen role="operator" userId={ME.userId} workingCaseNo="2026-000042" />);
    await screen.findByTestId('read-only-banner');
    expect(screen.getByTestId('read-only-back').textContent).toContain('Back to case 2026-000042');
    fireEvent.click(screen.getByTestId('read-only-back'));
    expect(useReadOnlyCaseStore.getState().caseId).toBeNull();
  });
});
