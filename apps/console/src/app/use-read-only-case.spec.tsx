import { fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseScreen } from '../features/case/components/case-screen';
import { useCaseStore } from '../features/case/store/case-store';
import { useReadOnlyCaseStore } from '../features/case/store/read-only-case-store';
import { CASE_ID, caseDetail, ME, stubApi, summary } from '../features/case/test/fixtures';
import { useReadOnlyCase } from './use-read-only-case';
import { useViewStore } from './view-store';

const OLD_ID = '77777777-7777-4777-8777-777777777777';

describe('an earlier case opened read-only from the case being worked', () => {
  beforeEach(() => {
    useCaseStore.getState().reset();
    useReadOnlyCaseStore.getState().reset();
    useViewStore.getState().reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the History view, leaves the held case alone, and back returns to it', async () => {
    const working = caseDetail({
      earlierCases: [
        {
          id: OLD_ID,
          caseNo: '2025-000007',
          category: 'FIRE',
          title: 'Fire alarm',
          queuedAt: '2025-12-01T10:00:00.000Z',
          closedAt: '2025-12-01T10:05:00.000Z',
          result: 'TEST',
        },
        {
          id: '12121212-1212-4121-8121-121212121212',
          caseNo: '2026-000041',
          category: 'TECHNICAL',
          title: 'Low battery',
          queuedAt: '2026-01-01T09:00:00.000Z',
          closedAt: null,
          result: null,
        },
      ],
    });
    const old = caseDetail({ summary: summary({ id: OLD_ID, status: 'CLOSED', heldBy: null }) });
    const calls = stubApi((call) => (call.path === `/cases/${OLD_ID}` ? old : undefined));
    useCaseStore.setState({ userId: ME.userId, caseId: CASE_ID, detail: working, status: 'ready' });
    useViewStore.getState().setView('case');
    renderHook(() => useReadOnlyCase());
    render(<CaseScreen />);

    // Only the closed earlier case can be opened.
    expect(screen.getAllByTestId('earlier-case-open')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('earlier-case-open'));
    expect(useViewStore.getState().view).toBe('history');
    await waitFor(() => expect(useReadOnlyCaseStore.getState().status).toBe('ready'));
    expect(useReadOnlyCaseStore.getState()).toMatchObject({ caseId: OLD_ID, origin: 'case' });
    expect(useCaseStore.getState()).toMatchObject({ caseId: CASE_ID, detail: working });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /cases/${OLD_ID}`]);

    act(() => useReadOnlyCaseStore.getState().close());
    expect(useViewStore.getState().view).toBe('case');
  });

  it('goes back to the queue when the worked case ended meanwhile', () => {
    stubApi(() => caseDetail({ summary: summary({ id: OLD_ID, status: 'CLOSED' }) }));
    renderHook(() => useReadOnlyCase());
    act(() => void useReadOnlyCaseStore.getState().open(OLD_ID, 'case'));
    expect(useViewStore.getState().view).toBe('history');
    act(() => useReadOnlyCaseStore.getState().close());
    expect(useViewStore.getState().view).toBe('queue');
  });
});
